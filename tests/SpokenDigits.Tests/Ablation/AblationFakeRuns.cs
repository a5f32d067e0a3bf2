using SpokenDigits.Evaluation;
using SpokenDigits.Features;
using SpokenDigits.Models;
using SpokenDigits.Training;
using SpokenDigits.Rendering;
using SpokenDigits.Runs;

namespace SpokenDigits.Tests.Ablation;

/// <summary>Hand-made ablation runs: <see cref="Recordings"/> test recordings, recording i is digit i % 10 (take i / 10);
/// a model is given by the set of recordings it gets right (a wrong answer takes digit d for d + 1).</summary>
internal static class AblationFakeRuns
{
    public const int Recordings = 20;
    public const string Raw = "RawOnlyModel", Spec = "SpecOnlyModel", Fusion = "TwoStreamFusionModel";

    /// <summary>Right on exactly the recordings listed.</summary>
    public static bool[] Right(params int[] recordings)
    {
        var right = new bool[Recordings];
        foreach (int i in recordings) right[i] = true;
        return right;
    }

    /// <summary>Right on the first <paramref name="n"/> recordings.</summary>
    public static bool[] FirstRight(int n) => Right(Enumerable.Range(0, n).ToArray());

    /// <summary>A model right on <paramref name="right"/>; its kept epoch's validation accuracy is <paramref name="validation"/>,
    /// by default its test accuracy.</summary>
    public static ModelResult Model(string name, bool[] right, string speaker = "spk", FusionDiagnostics? fusion = null,
        IReadOnlyList<BranchAccuracies>? branches = null, double? validation = null)
    {
        double v = validation ?? right.Count(r => r) / (double)right.Length;
        var predictions = right.Select((ok, i) =>
        {
            int digit = i % 10, predicted = ok ? digit : (digit + 1) % 10;
            var p = new float[10];
            p[predicted] = 1;
            return new Prediction($"{digit}_{speaker}_{i / 10}", digit, predicted, p);
        }).ToList();
        var history = branches is null
            ? new List<EpochRecord> { new(1, 1, 0.5, 1, v, 1) }
            : branches.Select((b, e) => new EpochRecord(e + 1, 1, 0.5, 1, v, 1, b)).ToList();
        return new ModelResult(name, 1000, history, history.Count, Evaluator.Report(predictions), predictions, Fusion: fusion);
    }

    /// <summary>A fused model with diagnostics: branch-alone accuracies and (for gated/attention) per-recording raw weights.</summary>
    public static ModelResult Fused(bool[] right, double rawAlone = 0.5, double specAlone = 0.9, float[]? weights = null, string speaker = "spk",
        IReadOnlyList<BranchAccuracies>? branches = null, string fusion = "Gated", string remedies = "aux+moddrop", double? validation = null) =>
        Model(Fusion, right, speaker, new FusionDiagnostics(fusion, remedies, FusionProbe.AuxiliaryHeads, rawAlone, specAlone, weights), branches, validation);

    public static RunResults Run(int seed, IEnumerable<ModelResult> models, AblationVariant? trainedAs = null, string speaker = "spk")
    {
        var info = new RunInfo("spokendigits fake", "fake-commit", false, new MachineInfo("FakeOS", "Fake CPU", 2, 4, ".NET fake", "0.0", 2),
            new DateTimeOffset(2025, 1, 2, 3, 4, 5, TimeSpan.Zero), new DateTimeOffset(2025, 1, 2, 4, 4, 5, TimeSpan.Zero));
        var variant = trainedAs ?? AblationVariant.Baseline;
        return new RunResults(info, "/data/fake", new FeatureSettings(),
            new TrainingSettings(Epochs: 3, Seed: seed, Remedies: variant.Remedies.Any ? variant.Remedies : null),
            new SplitSummary(speaker == "spk" ? "official" : $"speakers-out:{speaker}", 42, 80, 10, Recordings), [], models.ToList(),
            new ModelSettings(Fusion: variant.Fusion));
    }

    public static void Save(RunFolder folder, RunResults run)
    {
        foreach (var m in run.Models) folder.SaveModel(m, null);
        folder.SaveRun(run, MarkdownSummary.Render(run));
    }

    /// <summary>A report folder with the three models per seed (raw, spec, baseline fusion as given).</summary>
    public static ReportFolder Report(string path, params (int Seed, bool[] Raw, bool[] Spec, bool[] Fusion)[] seeds)
    {
        var report = new ReportFolder(path);
        foreach (var (seed, raw, spec, fusion) in seeds)
            Save(report.Seed(seed), Run(seed, [Model(Raw, raw), Model(Spec, spec), Fused(fusion, fusion: "Concat", remedies: "none")]));
        report.SaveManifest(new ReportManifest("spokendigits report --fake", seeds.Select(s => s.Seed).ToList(), 42, "official", false, [], 3, null,
            new DateTimeOffset(2025, 1, 2, 3, 4, 5, TimeSpan.Zero)));
        return report;
    }

    /// <summary>Saves one variant run (its fused model alone) for a seed, or for a held-out speaker when <paramref name="speaker"/> is given.</summary>
    public static void SaveVariant(ReportFolder report, AblationVariant variant, int seed, ModelResult fused, string? speaker = null, AblationVariant? trainedAs = null)
    {
        var folder = AblationFolder.Variant(report, variant);
        Save(speaker is null ? folder.Seed(seed) : folder.Loso(speaker, seed), Run(seed, [fused], trainedAs ?? variant, speaker ?? "spk"));
    }

    public static void SaveManifest(ReportFolder report, IReadOnlyList<int> seeds, string[] variants, string[]? losoVariants = null,
        IReadOnlyList<StudyGoal>? goals = null) =>
        AblationFolder.SaveManifest(report, new AblationManifest("spokendigits ablation --fake", seeds, variants, losoVariants ?? [], [seeds[0]],
            new DateTimeOffset(2025, 1, 2, 3, 4, 5, TimeSpan.Zero), goals));

    /// <summary>Goals a study could set itself: raw-only ≥ 98.5 %, best fusion ≥ 99.5 % and above the best single;
    /// leave one speaker out, best fusion ≥ 95 % and 2 points above the best single.</summary>
    public static readonly IReadOnlyList<StudyGoal> SomeGoals =
    [
        new(GoalMeasure.RawOnlyAccuracy, 0.985), new(GoalMeasure.BestFusionAccuracy, 0.995), new(GoalMeasure.BestFusionMargin, 0),
        new(GoalMeasure.LosoBestFusionAccuracy, 0.95), new(GoalMeasure.LosoBestFusionMargin, 0.02),
    ];
}
