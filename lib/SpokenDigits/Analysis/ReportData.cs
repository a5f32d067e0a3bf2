using System.Globalization;
using SpokenDigits.Runs;

namespace SpokenDigits.Analysis;

/// <summary>Everything a report shows, read back from a report folder's JSON files.</summary>
public sealed record ReportData(
    string Folder,
    ReportManifest? Manifest,
    IReadOnlyList<RunResults> SeedRuns,
    SeedSummary? Seeds,
    IReadOnlyList<(string Speaker, IReadOnlyList<RunResults> Runs)> LosoFolds,
    SpeakerIndependentSummary? Loso,
    IReadOnlyList<CrossCorpusSummary>? CrossCorpora = null)
{
    /// <summary>The seed runs on each test-only corpus they were evaluated on (none when they were not).</summary>
    public IReadOnlyList<CrossCorpusSummary> CrossCorporaOrNone => CrossCorpora ?? [];

    /// <summary>Reads every run under <paramref name="folder"/> and aggregates them.</summary>
    /// <exception cref="FileNotFoundException">The folder holds no finished run at all.</exception>
    public static ReportData Load(ReportFolder folder, int resamples = 10000, int bootstrapSeed = 20240601)
    {
        if (!Directory.Exists(folder.Path)) throw new FileNotFoundException($"no report folder {folder.Path}", folder.Path);
        var seedRuns = folder.LoadSeedRuns();
        var folds = folder.LoadLosoFolds();
        if (seedRuns.Count == 0 && folds.Count == 0)
            throw new FileNotFoundException($"{folder.Path} holds no seed-<n>/{RunFolder.ResultsFile} nor {ReportFolder.LosoFolder}/<speaker>/seed-<n>/{RunFolder.ResultsFile}: is it a report folder?");
        return new ReportData(folder.Path, folder.LoadManifest(), seedRuns,
            seedRuns.Count > 0 ? SeedSummary.From(seedRuns, resamples, bootstrapSeed) : null,
            folds, folds.Count > 0 ? SpeakerIndependentSummary.From(folds, resamples, bootstrapSeed) : null,
            CrossCorpusSummary.Load(folder, seedRuns, resamples, bootstrapSeed));
    }

    /// <summary>The split seeds of the multi-seed runs, in order, once each: one value when they share one split.</summary>
    public IReadOnlyList<int> SplitSeeds => SeedRuns.Select(r => r.Split.Seed).Distinct().Order().ToList();

    /// <summary>The run whose provenance heads the report: the first seed run, else the first LOSO run.</summary>
    public RunResults First => SeedRuns.Count > 0 ? SeedRuns[0] : LosoFolds[0].Runs[0];

    public IEnumerable<RunResults> AllRuns => SeedRuns.Concat(LosoFolds.SelectMany(f => f.Runs));

    /// <summary>When the last of the runs finished (null when none has): the time the report's data is of.</summary>
    public DateTimeOffset? LastFinished => AllRuns.Max(r => r.Info.Finished);
}

/// <summary>Number formatting shared by every part of the report (invariant culture).</summary>
public static class ReportFormat
{
    static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>0.9733 → "97.33%".</summary>
    public static string Percent(double share) => double.IsFinite(share) ? (100 * share).ToString("0.00", Inv) + "%" : "–";

    /// <summary>Mean ± std of shares as percentages: "97.33 ± 1.20%".</summary>
    public static string PercentPm(MeanStd v) =>
        v.Count == 0 ? "–" : $"{(100 * v.Mean).ToString("0.00", Inv)} ± {(100 * v.Std).ToString("0.00", Inv)}%";

    /// <summary>"0.973".</summary>
    public static string F3(double x) => double.IsFinite(x) ? x.ToString("0.000", Inv) : "–";

    /// <summary>"0.973 ± 0.012".</summary>
    public static string F3Pm(MeanStd v) => v.Count == 0 ? "–" : $"{F3(v.Mean)} ± {F3(v.Std)}";

    /// <summary>Signed: "+0.012" / "−0.034".</summary>
    public static string Signed3(double x) => double.IsFinite(x) ? x.ToString("+0.000;−0.000;0.000", Inv) : "–";

    public static string SignedPm(MeanStd v) => v.Count == 0 ? "–" : $"{Signed3(v.Mean)} ± {F3(v.Std)}";

    /// <summary>A share as signed percentage points: "+2.3".</summary>
    public static string Points(double share) => double.IsFinite(share) ? PairedTests.Points(share) : "–";

    public static string P(double p) => PairedTests.FormatP(p);

    public static string Int(int n) => n.ToString(Inv);

    /// <summary>A folder as a report shows it: relative to the current directory when it lies below it (so a committed
    /// report names "results/report-official", not the machine's checkout path), otherwise as given.</summary>
    public static string FolderShown(string folder)
    {
        var relative = Path.GetRelativePath(Environment.CurrentDirectory, folder);
        return Path.IsPathRooted(relative) || relative == ".." || relative.StartsWith(".." + Path.DirectorySeparatorChar) ? folder : relative.Replace('\\', '/');
    }
}
