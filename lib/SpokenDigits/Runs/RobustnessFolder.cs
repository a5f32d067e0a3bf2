using SpokenDigits.Data;
using SpokenDigits.Evaluation.Robustness;

namespace SpokenDigits.Runs;

/// <summary>What a robustness study measured (robustness.json): how it was run, the conditions, and every run's answers.</summary>
/// <param name="Info">Command, commit and machine.</param>
/// <param name="Seed">The study's seed: every corrupted recording and probe follows from it (<see cref="StableSeed"/>).</param>
/// <param name="DataFolder">Where the recordings were read.</param>
/// <param name="TestRecordings">The recordings used (all of the runs' studied part unless limited; the name is kept from
/// when only the test part was studied).</param>
/// <param name="Conditions">The conditions, in the order measured.</param>
/// <param name="Runs">One entry per run (model seed).</param>
/// <param name="Seconds">Wall time of the whole study.</param>
/// <param name="Part">The split part studied (files written before the choice existed read back as the test part).</param>
/// <param name="Variants">Fused variants studied beside the runs (their models are in the runs' <see cref="RunRobustness.Models"/>).</param>
public sealed record RobustnessResults(
    RunInfo Info,
    int Seed,
    string DataFolder,
    int TestRecordings,
    IReadOnlyList<RobustnessCondition> Conditions,
    IReadOnlyList<RunRobustness> Runs,
    double Seconds,
    SplitPart Part = SplitPart.Test,
    IReadOnlyList<RobustnessVariant>? Variants = null);

/// <summary>A fused variant studied beside a study's runs: its runs (one per model seed, each matching a run of the study
/// by seed) answer the same corrupted recordings, and their models join that run's under the name "model (label)".</summary>
/// <param name="Label">What the variant is, e.g. "concat+aux+moddrop".</param>
/// <param name="RunFolders">Its run folders, one per model seed.</param>
public sealed record RobustnessVariant(string Label, IReadOnlyList<string> RunFolders)
{
    /// <summary>The name a model of the variant is studied under.</summary>
    public string ModelName(string model) => $"{model} ({Label})";
}

/// <summary>The files of a robustness study, <c>results/robustness-&lt;name&gt;/</c>:
/// <code>
/// robustness.json     every run's answer for every recording and condition (<see cref="RobustnessResults"/>)
/// summary.md          accuracy per model and condition with 95 % intervals, fusion − better branch, goals, discussion
/// robustness.html     the same with interactive charts
/// figures/*.svg, .png accuracy against severity, one figure per corruption
/// </code>
/// Every file is written atomically.</summary>
public sealed class RobustnessFolder
{
    public const string ResultsFile = "robustness.json";
    public const string SummaryFile = "summary.md";
    public const string HtmlFile = "robustness.html";
    public const string FiguresFolder = "figures";

    public RobustnessFolder(string path) { Path = System.IO.Path.GetFullPath(path); }

    public string Path { get; }
    public string File(string name) => System.IO.Path.Combine(Path, name);
    public string Figures => File(FiguresFolder);

    /// <summary>The default folder of a study of <paramref name="runName"/>: results/robustness-&lt;run&gt;.</summary>
    public static RobustnessFolder Default(string runName, SplitPart part = SplitPart.Test) => new(System.IO.Path.Combine(ProjectPaths.ResultsFolder,
        part == SplitPart.Test ? $"robustness-{runName}" : $"robustness-{runName}-{part.ToString().ToLowerInvariant()}"));

    public void Save(RobustnessResults results) => ResultsJson.Save(File(ResultsFile), results);

    /// <exception cref="FileNotFoundException">The folder holds no robustness.json.</exception>
    public RobustnessResults Load()
    {
        var file = File(ResultsFile);
        if (!System.IO.File.Exists(file)) throw new FileNotFoundException($"{Path} holds no {ResultsFile}: run `spokendigits robustness` first", file);
        return ResultsJson.Load<RobustnessResults>(file);
    }

    public void SaveSummary(string markdown) => AtomicFile.WriteAllText(File(SummaryFile), markdown);

    public void SaveFigure(string name, string svg) => AtomicFile.WriteAllText(System.IO.Path.Combine(Figures, name + ".svg"), svg);
}
