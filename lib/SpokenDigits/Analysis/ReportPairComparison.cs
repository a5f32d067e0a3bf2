using SpokenDigits.Evaluation;
using SpokenDigits.Runs;

namespace SpokenDigits.Analysis;

/// <summary>One model on one test set in two multi-seed reports that differ in one setting (e.g. with and without
/// synthetic training voices), paired by seed on the same recordings; or one model of each report (e.g. the better single
/// branch of one against the fused model of the other, trained with the same recipe).</summary>
/// <param name="BaselineModel">The baseline report's model.</param>
/// <param name="Model">The changed report's model (the same as <paramref name="BaselineModel"/> unless a pair was asked for).</param>
/// <param name="TestSet">"FSDD test" or a test-only corpus's evaluation name.</param>
/// <param name="Baseline">Accuracy over the baseline report's seeds.</param>
/// <param name="Changed">Accuracy over the changed report's seeds.</param>
/// <param name="Paired">Changed (A) against baseline (B): McNemar and bootstrap per seed, and the pooled bootstrap over recordings.</param>
/// <param name="PerDigit">Each digit's F1 on both sides and their difference within each seed (changed − baseline), over the seeds.</param>
public sealed record ReportPairRow(string BaselineModel, string Model, string TestSet, MeanStd Baseline, MeanStd Changed, PairedComparison Paired,
    IReadOnlyList<DigitF1Change> PerDigit)
{
    /// <summary>Changed minus baseline, in accuracy (0–1), over the shared seeds.</summary>
    public double Difference => Changed.Mean - Baseline.Mean;

    /// <summary>The model, or "CHANGED against BASELINE" when the two sides are different models.</summary>
    public string Label => BaselineModel == Model ? Model : $"{Model} against {BaselineModel}";
}

/// <summary>One digit's F1 in a <see cref="ReportPairRow"/>: mean ± std over the shared seeds of each side and of the
/// per-seed difference (changed − baseline).</summary>
public sealed record DigitF1Change(string Label, MeanStd Baseline, MeanStd Changed, MeanStd Difference);

/// <summary>Two reports side by side, model by model, on the FSDD test part and on every test-only corpus both were
/// evaluated on; only seeds both reports hold are compared. By default each model both reports hold is set against
/// itself; <c>pairs</c> names (baseline model, changed model) pairs instead.</summary>
public static class ReportPairComparison
{
    public const string FsddTest = "FSDD test";

    public static IReadOnlyList<ReportPairRow> Compute(ReportFolder baseline, ReportFolder changed, int resamples = 10000, int bootstrapSeed = 20240601,
        IReadOnlyList<(string Baseline, string Changed)>? pairs = null)
    {
        var a = Runs(baseline);
        var b = Runs(changed);
        var seeds = a.Keys.Intersect(b.Keys).Order().ToList();
        if (seeds.Count == 0)
            throw new InvalidDataException($"{baseline.Path} and {changed.Path} share no seed run to compare");
        var corpora = RunFolder.SharedEvaluationNames(seeds.SelectMany(s => new[] { a[s], b[s] }));
        var models = pairs?.ToList()
            ?? a[seeds[0]].Run.Models.Select(m => m.ModelName).Where(n => b[seeds[0]].Run.Model(n) is not null).Select(n => (n, n)).ToList();
        foreach (var (model, folder, run) in models.SelectMany(p => new[] { (p.Item1, baseline, a[seeds[0]].Run), (p.Item2, changed, b[seeds[0]].Run) }))
            if (run.Model(model) is null)
                throw new InvalidDataException($"{folder.Path} has no {model} run (its models: {string.Join(", ", run.Models.Select(m => m.ModelName))})");
        var rows = new List<ReportPairRow>();
        foreach (var testSet in new[] { FsddTest }.Concat(corpora))
        {
            RunResults On((RunFolder Folder, RunResults Run) r) => testSet == FsddTest ? r.Run : r.Folder.WithEvaluationAsTest(r.Run, testSet);
            var seedPairs = seeds.Select(s => (Seed: s, A: On(a[s]), B: On(b[s]))).ToList();
            foreach (var (baseModel, model) in models)
            {
                var both = seedPairs.Select(p => (p.Seed, Base: p.A.Model(baseModel), Changed: p.B.Model(model)))
                    .Where(p => p.Base is { Succeeded: true } && p.Changed is { Succeeded: true }).ToList();
                if (both.Count == 0) continue;
                var paired = PairedComparison.Compute(model, baseModel,
                    both.Select(p => (p.Seed, (IReadOnlyList<Prediction>)p.Changed!.Predictions, (IReadOnlyList<Prediction>)p.Base!.Predictions)).ToList(),
                    resamples, bootstrapSeed);
                rows.Add(new ReportPairRow(baseModel, model, testSet, MeanStd.Of(both.Select(p => p.Base!.Test!.Accuracy)),
                    MeanStd.Of(both.Select(p => p.Changed!.Test!.Accuracy)), paired,
                    PerDigit(both.Select(p => (p.Base!.Test!.PerClass, p.Changed!.Test!.PerClass)).ToList())));
            }
        }
        return rows;
    }

    /// <summary>Per digit (the baseline's labels, which both sides must share) over the seeds: both F1s and the per-seed difference.</summary>
    static IReadOnlyList<DigitF1Change> PerDigit(IReadOnlyList<(IReadOnlyList<ClassMetrics> Base, IReadOnlyList<ClassMetrics> Changed)> seeds)
    {
        var labels = seeds[0].Base.Select(c => c.Label).ToList();
        if (seeds.Any(s => !s.Base.Select(c => c.Label).SequenceEqual(labels) || !s.Changed.Select(c => c.Label).SequenceEqual(labels)))
            throw new InvalidDataException($"the two sides do not share the same digits ({string.Join(", ", labels)}) in every seed");
        return labels.Select((label, c) => new DigitF1Change(label,
            MeanStd.Of(seeds.Select(s => s.Base[c].F1)), MeanStd.Of(seeds.Select(s => s.Changed[c].F1)),
            MeanStd.Of(seeds.Select(s => s.Changed[c].F1 - s.Base[c].F1)))).ToList();
    }

    static Dictionary<int, (RunFolder Folder, RunResults Run)> Runs(ReportFolder folder) =>
        folder.SeedRunFolders().Select(f => (Folder: f, Run: f.Load())).ToDictionary(r => r.Run.Training.Seed);
}
