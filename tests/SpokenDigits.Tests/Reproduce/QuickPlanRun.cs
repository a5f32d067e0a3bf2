using System.Diagnostics;
using SpokenDigits.Tests.Cli;
using SpokenDigits.Tests.Data;

namespace SpokenDigits.Tests.Reproduce;

/// <summary>The quick plan (<c>experiments/quick.json</c>: 2 seeds × 3 models in quick mode, then their report) reproduced in
/// a folder of its own.</summary>
internal sealed class QuickPlanRun : IDisposable
{
    public static readonly TimeSpan Timeout = TimeSpan.FromMinutes(8);
    public static readonly string[] Runs = ["results/quick/seed-42", "results/quick/seed-43"];
    public static readonly string[] Models = ["RawOnlyModel", "SpecOnlyModel", "TwoStreamFusionModel"];

    readonly TempFolder _folder = new();

    public string Root => _folder.Path;

    public string[] Arguments(params string[] more) =>
        ["reproduce", "--plan", ProjectPlan.QuickPlanPath, "--root", Root, "--data", SharedFsdd.RecordingsFolder, "--threads", "1", .. more];

    public ProcessStartInfo StartInfo(params string[] more) => CliRun.StartInfo(Arguments(more));

    public CliOutcome Reproduce(params string[] more) => CliRun.AsProcess(Timeout, Arguments(more));

    /// <summary>Each run's metrics and predictions (the files that hold the results; histories also hold epoch times).</summary>
    public IReadOnlyDictionary<string, string> Results() =>
        Runs.SelectMany(r => Models.SelectMany(m => new[] { "metrics.json", "predictions.json" }.Select(f => Path.Combine(r, m, f))))
            .ToDictionary(f => f, f => File.ReadAllText(Path.Combine(Root, f)));

    public void Dispose() => _folder.Dispose();
}

/// <summary>One uninterrupted local reproduction of the quick plan, shared by the tests that compare against it.</summary>
public sealed class QuickPlanReference : IDisposable
{
    internal QuickPlanRun Run { get; } = new();
    internal CliOutcome Outcome { get; }

    public QuickPlanReference() => Outcome = Run.Reproduce("--jobs", "2");

    public void Dispose() => Run.Dispose();
}
