using SpokenDigits.Models;
using SpokenDigits.Evaluation;
using SpokenDigits.Runs;

namespace SpokenDigits.Analysis;

/// <summary>Mean and spread of one number over several runs.</summary>
/// <param name="Std">Sample standard deviation (n − 1 in the denominator); 0 for a single run.</param>
/// <param name="Count">How many values were summarised; 0 gives NaN mean.</param>
public sealed record MeanStd(double Mean, double Std, int Count)
{
    public static MeanStd Of(IEnumerable<double> values)
    {
        var v = values.ToArray();
        if (v.Length == 0) return new MeanStd(double.NaN, double.NaN, 0);
        double mean = v.Average();
        double std = v.Length < 2 ? 0 : Math.Sqrt(v.Sum(x => (x - mean) * (x - mean)) / (v.Length - 1));
        return new MeanStd(mean, std, v.Length);
    }
}

/// <summary>One model over all seeds: headline metrics, per-class F1 and the confusion matrix summed over seeds.</summary>
/// <param name="Runs">Seeds whose training of this model succeeded (the others are counted in <paramref name="FailedRuns"/>).</param>
public sealed record ModelSeedSummary(
    string ModelName,
    int Runs,
    int FailedRuns,
    MeanStd Accuracy,
    MeanStd MacroF1,
    IReadOnlyList<string> Labels,
    IReadOnlyList<MeanStd> PerClassF1,
    ConfusionMatrix SummedConfusion);

/// <summary>Fusion F1 minus the better single branch's F1 for one digit, computed per seed then summarised.</summary>
/// <param name="SeedsAhead">Seeds where fusion's F1 was above both branches'.</param>
/// <param name="SeedsBehind">Seeds where one branch alone had the higher F1.</param>
public sealed record DigitGain(string Label, MeanStd Gain, int SeedsAhead, int SeedsBehind);

/// <summary>One seed's paired tests of A against B.</summary>
public sealed record SeedComparison(int Seed, McNemarResult McNemar, BootstrapResult Bootstrap);

/// <summary>A against B over several seeds on the same test recordings.</summary>
/// <param name="PerSeed">McNemar and bootstrap on each seed's test predictions.</param>
/// <param name="Pooled">Bootstrap over recordings of the seed-averaged correctness (each recording's share of seeds
/// it was right in, for A and for B). Recordings are the unit resampled, so seeds of one recording never count as
/// independent evidence; this is the headline verdict.</param>
/// <param name="SeedsSignificantForA">Seeds where McNemar's p &lt; 0.05 and A was right more often.</param>
/// <param name="SeedsSignificantForB">Seeds where McNemar's p &lt; 0.05 and B was right more often.</param>
public sealed record PairedComparison(
    string ModelA,
    string ModelB,
    IReadOnlyList<SeedComparison> PerSeed,
    BootstrapResult? Pooled,
    int SeedsSignificantForA,
    int SeedsSignificantForB)
{
    /// <summary>Pairs each seed's predictions of A and B by recording id; seeds where either model failed are left out.</summary>
    public static PairedComparison Compute(string modelA, string modelB,
        IReadOnlyList<(int Seed, IReadOnlyList<Prediction> A, IReadOnlyList<Prediction> B)> seeds,
        int resamples = 10000, int bootstrapSeed = 20240601, double alpha = 0.05)
    {
        var perSeed = new List<SeedComparison>();
        var shareA = new Dictionary<string, (double Sum, int N)>(StringComparer.Ordinal);
        var shareB = new Dictionary<string, (double Sum, int N)>(StringComparer.Ordinal);
        foreach (var (seed, a, b) in seeds)
        {
            if (a.Count == 0 || b.Count == 0) continue;
            var bById = b.GroupBy(p => p.RecordingId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
            var pairs = a.Where(p => bById.ContainsKey(p.RecordingId)).Select(p => (A: p.IsCorrect, B: bById[p.RecordingId].IsCorrect, p.RecordingId)).ToList();
            if (pairs.Count == 0) continue;
            var ac = pairs.Select(p => p.A).ToArray();
            var bc = pairs.Select(p => p.B).ToArray();
            perSeed.Add(new SeedComparison(seed, PairedTests.McNemarExact(ac, bc),
                PairedTests.BootstrapAccuracyDifference(ac, bc, resamples, 1 - alpha, bootstrapSeed)));
            foreach (var p in pairs)
            {
                shareA[p.RecordingId] = Add(shareA.GetValueOrDefault(p.RecordingId), p.A);
                shareB[p.RecordingId] = Add(shareB.GetValueOrDefault(p.RecordingId), p.B);
            }
        }
        // Only recordings scored in every compared seed, so each recording's share is over the same seeds.
        var ids = shareA.Where(kv => kv.Value.N == perSeed.Count).Select(kv => kv.Key).Order(StringComparer.Ordinal).ToList();
        BootstrapResult? pooled = ids.Count == 0 ? null : PairedTests.BootstrapMeanDifference(
            ids.Select(id => shareA[id].Sum / shareA[id].N).ToArray(),
            ids.Select(id => shareB[id].Sum / shareB[id].N).ToArray(), resamples, 1 - alpha, bootstrapSeed);
        return new PairedComparison(modelA, modelB, perSeed, pooled,
            perSeed.Count(s => s.McNemar.Significant(alpha) && s.McNemar.OnlyA > s.McNemar.OnlyB),
            perSeed.Count(s => s.McNemar.Significant(alpha) && s.McNemar.OnlyB > s.McNemar.OnlyA));

        static (double, int) Add((double Sum, int N) acc, bool correct) => (acc.Sum + (correct ? 1 : 0), acc.N + 1);
    }
}

/// <summary>How often one true digit was taken for another, summed over seeds, by each model.</summary>
/// <param name="BetterBranch">The single-branch count that is lower for this pair (the better branch for it).</param>
public sealed record ConfusionPairChange(string Truth, string Predicted, int Raw, int Spec, int Fusion)
{
    public int BetterBranch => Math.Min(Raw, Spec);

    /// <summary>Fusion's count minus the better branch's: negative = fusion confuses this pair less.</summary>
    public int Change => Fusion - BetterBranch;
}

/// <summary>The three models over several seeds of one split: the multi-seed tables of the report.</summary>
/// <param name="Seeds">The model seeds, in run order.</param>
/// <param name="FusionGains">Per digit, fusion F1 − max(raw F1, spec F1), per seed then mean ± std; null unless all three models ran.</param>
/// <param name="Comparisons">Fusion against each single branch.</param>
/// <param name="PairChanges">Every off-diagonal (truth, predicted) cell any model confused at least once, fusion vs the better branch; null unless all three models ran.</param>
public sealed record SeedSummary(
    IReadOnlyList<int> Seeds,
    IReadOnlyList<ModelSeedSummary> Models,
    IReadOnlyList<DigitGain>? FusionGains,
    IReadOnlyList<PairedComparison> Comparisons,
    IReadOnlyList<ConfusionPairChange>? PairChanges)
{
    public ModelSeedSummary? Model(string name) => Models.FirstOrDefault(m => m.ModelName == name);

    /// <summary>Summarises runs of the same split that differ only in their model seed (<see cref="RunResults.Training"/>.Seed).</summary>
    public static SeedSummary From(IReadOnlyList<RunResults> runs, int resamples = 10000, int bootstrapSeed = 20240601)
    {
        if (runs.Count == 0) throw new ArgumentException("no runs to summarise");
        var seeds = runs.Select(r => r.Training.Seed).ToList();
        var names = runs.SelectMany(r => r.Models.Select(m => m.ModelName)).Distinct().ToList();
        var models = names.Select(n => SummariseModel(n, runs)).ToList();

        IReadOnlyList<DigitGain>? gains = null;
        IReadOnlyList<ConfusionPairChange>? pairs = null;
        var comparisons = new List<PairedComparison>();
        if (names.Contains(ModelNames.Fusion) && names.Contains(ModelNames.Raw) && names.Contains(ModelNames.Spec))
        {
            var complete = runs.Where(r => new[] { ModelNames.Raw, ModelNames.Spec, ModelNames.Fusion }.All(n => r.Model(n)?.Succeeded == true)).ToList();
            gains = complete.Count == 0 ? null : Gains(complete);
            pairs = ComparePairs(models.First(m => m.ModelName == ModelNames.Raw).SummedConfusion,
                models.First(m => m.ModelName == ModelNames.Spec).SummedConfusion, models.First(m => m.ModelName == ModelNames.Fusion).SummedConfusion);
        }
        if (names.Contains(ModelNames.Fusion))
            foreach (var branch in new[] { ModelNames.Raw, ModelNames.Spec }.Where(names.Contains))
                comparisons.Add(PairedComparison.Compute(ModelNames.Fusion, branch,
                    runs.Select(r => (r.Training.Seed, PredictionsOf(r, ModelNames.Fusion), PredictionsOf(r, branch))).ToList(),
                    resamples, bootstrapSeed));
        return new SeedSummary(seeds, models, gains, comparisons, pairs);
    }

    internal static IReadOnlyList<Prediction> PredictionsOf(RunResults run, string model) =>
        run.Model(model) is { Succeeded: true } m ? m.Predictions : Array.Empty<Prediction>();

    static ModelSeedSummary SummariseModel(string name, IReadOnlyList<RunResults> runs)
    {
        var ok = runs.Select(r => r.Model(name)).Where(m => m is { Succeeded: true }).Select(m => m!.Test!).ToList();
        int failed = runs.Count(r => r.Model(name) is { Succeeded: false });
        var labels = ok.Count > 0 ? ok[0].Confusion.Labels : Evaluator.DigitLabels;
        var perClass = Enumerable.Range(0, labels.Count).Select(c => MeanStd.Of(ok.Select(r => r.PerClass[c].F1))).ToList();
        var summed = labels.Select(_ => new int[labels.Count]).ToArray();
        foreach (var r in ok)
            for (int t = 0; t < labels.Count; t++)
                for (int p = 0; p < labels.Count; p++)
                    summed[t][p] += r.Confusion.Counts[t][p];
        return new ModelSeedSummary(name, ok.Count, failed, MeanStd.Of(ok.Select(r => r.Accuracy)), MeanStd.Of(ok.Select(r => r.MacroF1)),
            labels, perClass, new ConfusionMatrix(labels, summed));
    }

    static IReadOnlyList<DigitGain> Gains(IReadOnlyList<RunResults> complete)
    {
        var perSeed = complete.Select(r =>
        {
            double[] F1(string n) => r.Model(n)!.Test!.PerClass.Select(c => c.F1).ToArray();
            return Charts.FusionGainChart.Gains(F1(ModelNames.Fusion), F1(ModelNames.Raw), F1(ModelNames.Spec));
        }).ToList();
        var labels = complete[0].Model(ModelNames.Fusion)!.Test!.PerClass.Select(c => c.Label).ToList();
        return labels.Select((label, c) => new DigitGain(label, MeanStd.Of(perSeed.Select(g => g[c])),
            perSeed.Count(g => g[c] > 0), perSeed.Count(g => g[c] < 0))).ToList();
    }

    static IReadOnlyList<ConfusionPairChange> ComparePairs(ConfusionMatrix raw, ConfusionMatrix spec, ConfusionMatrix fusion)
    {
        var list = new List<ConfusionPairChange>();
        int k = fusion.ClassCount;
        for (int t = 0; t < k; t++)
            for (int p = 0; p < k; p++)
                if (t != p && raw.Counts[t][p] + spec.Counts[t][p] + fusion.Counts[t][p] > 0)
                    list.Add(new ConfusionPairChange(fusion.Labels[t], fusion.Labels[p], raw.Counts[t][p], spec.Counts[t][p], fusion.Counts[t][p]));
        return list.OrderBy(c => c.Change).ThenByDescending(c => c.BetterBranch).ThenBy(c => c.Truth, StringComparer.Ordinal)
            .ThenBy(c => c.Predicted, StringComparer.Ordinal).ToList();
    }
}
