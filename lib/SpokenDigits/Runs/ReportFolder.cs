using System.Globalization;
using System.Text.RegularExpressions;

namespace SpokenDigits.Runs;

/// <summary>What a report's protocols were asked to do (written before training starts; the report itself
/// reads its numbers from the run folders, this only records intent and the command).</summary>
public sealed record ReportManifest(
    string Command,
    IReadOnlyList<int> Seeds,
    int SplitSeed,
    string Split,
    bool Loso,
    IReadOnlyList<int> LosoSeeds,
    int Epochs,
    int? Subset,
    DateTimeOffset Created);

/// <summary>The files of a multi-seed report, <c>results/report-&lt;name&gt;/</c>:
/// <code>
/// report.json                       the manifest: command and protocol settings
/// seed-&lt;n&gt;/                         one <see cref="RunFolder"/> per model seed, all on the same split
/// loso/&lt;speaker&gt;/seed-&lt;n&gt;/          one <see cref="RunFolder"/> per held-out speaker and seed
/// summary.json                      every aggregate the report shows (machine-readable)
/// report.md, report.html            the report
/// figures/*.svg                     static figures
/// </code></summary>
public sealed partial class ReportFolder
{
    public const string ManifestFile = "report.json";
    public const string SummaryFile = "summary.json";
    public const string MarkdownFile = "report.md";
    public const string HtmlFile = "report.html";
    public const string FiguresFolder = "figures";
    public const string LosoFolder = "loso";

    public ReportFolder(string path) { Path = System.IO.Path.GetFullPath(path); }

    public string Path { get; }

    public RunFolder Seed(int seed) => new(System.IO.Path.Combine(Path, $"seed-{seed.ToString(CultureInfo.InvariantCulture)}"));

    public RunFolder Loso(string speaker, int seed) =>
        new(System.IO.Path.Combine(Path, LosoFolder, speaker, $"seed-{seed.ToString(CultureInfo.InvariantCulture)}"));

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void SaveManifest(ReportManifest manifest) => ResultsJson.Save(File(ManifestFile), manifest);

    public ReportManifest? LoadManifest() => System.IO.File.Exists(File(ManifestFile)) ? ResultsJson.Load<ReportManifest>(File(ManifestFile)) : null;

    /// <summary>Every seed-&lt;n&gt;/ run that has a results.json, in seed order.</summary>
    public IReadOnlyList<RunResults> LoadSeedRuns() => SeedFolders(Path).Select(f => f.Load()).ToList();

    /// <summary>The seed-&lt;n&gt;/ run folders that have a results.json, in seed order.</summary>
    public IReadOnlyList<RunFolder> SeedRunFolders() => SeedFolders(Path).ToList();

    /// <summary>Every loso/&lt;speaker&gt;/seed-&lt;n&gt;/ run, grouped by speaker (ordinal order).</summary>
    public IReadOnlyList<(string Speaker, IReadOnlyList<RunResults> Runs)> LoadLosoFolds()
    {
        var root = System.IO.Path.Combine(Path, LosoFolder);
        if (!Directory.Exists(root)) return [];
        return Directory.GetDirectories(root)
            .Select(d => (Speaker: System.IO.Path.GetFileName(d), Runs: (IReadOnlyList<RunResults>)SeedFolders(d).Select(f => f.Load()).ToList()))
            .Where(f => f.Runs.Count > 0)
            .OrderBy(f => f.Speaker, StringComparer.Ordinal)
            .ToList();
    }

    static IEnumerable<RunFolder> SeedFolders(string parent) =>
        Directory.Exists(parent)
            ? Directory.GetDirectories(parent)
                .Select(d => (Dir: d, Match: SeedName().Match(System.IO.Path.GetFileName(d))))
                .Where(x => x.Match.Success && System.IO.File.Exists(System.IO.Path.Combine(x.Dir, RunFolder.ResultsFile)))
                .OrderBy(x => int.Parse(x.Match.Groups[1].Value, CultureInfo.InvariantCulture))
                .Select(x => new RunFolder(x.Dir))
            : [];

    [GeneratedRegex(@"^seed-(-?\d+)$")]
    private static partial Regex SeedName();
}
