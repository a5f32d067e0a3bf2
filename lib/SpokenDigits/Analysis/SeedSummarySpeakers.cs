using SpokenDigits.Models;
using SpokenDigits.Evaluation;
using SpokenDigits.Runs;

namespace SpokenDigits.Analysis;

/// <summary>One held-out speaker: each model's test accuracy on that speaker's recordings (mean over the
/// seeds run for it; null where every run of that model failed).</summary>
public sealed record HeldOutSpeaker(string Speaker, int TestRecordings, int Runs, IReadOnlyList<double?> Accuracy);

/// <summary>The held-out speaker a model did worst on.</summary>
public sealed record WorstSpeaker(string ModelName, string Speaker, double Accuracy);

/// <summary>Leave-one-speaker-out: every speaker in turn is the whole test part.</summary>
/// <param name="ModelNames">Column order of <see cref="HeldOutSpeaker.Accuracy"/>.</param>
/// <param name="MeanAccuracy">Per model, mean ± std over held-out speakers (each speaker weighs the same).</param>
/// <param name="Comparisons">Fusion against each branch on all held-out recordings together: every recording is
/// a test recording in exactly one fold, so concatenating the folds' predictions scores each recording once.
/// "Seeds" here are the LOSO seeds.</param>
public sealed record SpeakerIndependentSummary(
    IReadOnlyList<string> ModelNames,
    IReadOnlyList<HeldOutSpeaker> Speakers,
    IReadOnlyList<MeanStd> MeanAccuracy,
    IReadOnlyList<WorstSpeaker> Worst,
    IReadOnlyList<PairedComparison> Comparisons)
{
    public static SpeakerIndependentSummary From(IReadOnlyList<(string Speaker, IReadOnlyList<RunResults> Runs)> folds,
        int resamples = 10000, int bootstrapSeed = 20240601)
    {
        if (folds.Count == 0) throw new ArgumentException("no held-out speakers to summarise");
        var names = folds.SelectMany(f => f.Runs).SelectMany(r => r.Models.Select(m => m.ModelName)).Distinct().ToList();
        var rows = folds.Select(f => new HeldOutSpeaker(f.Speaker,
            f.Runs.Select(r => r.Split.Test).DefaultIfEmpty(0).Max(), f.Runs.Count,
            names.Select(n =>
            {
                var acc = f.Runs.Select(r => r.Model(n)).Where(m => m is { Succeeded: true }).Select(m => m!.Test!.Accuracy).ToList();
                return acc.Count == 0 ? (double?)null : acc.Average();
            }).ToList())).ToList();
        var means = names.Select((_, i) => MeanStd.Of(rows.Where(r => r.Accuracy[i] is not null).Select(r => r.Accuracy[i]!.Value))).ToList();
        var worst = names.Select((n, i) => rows.Where(r => r.Accuracy[i] is not null)
                .OrderBy(r => r.Accuracy[i]!.Value).ThenBy(r => r.Speaker, StringComparer.Ordinal)
                .Select(r => new WorstSpeaker(n, r.Speaker, r.Accuracy[i]!.Value)).FirstOrDefault())
            .Where(w => w is not null).Select(w => w!).ToList();

        var comparisons = new List<PairedComparison>();
        string fusion = Models.ModelNames.Fusion;
        if (names.Contains(fusion))
        {
            var seeds = folds.SelectMany(f => f.Runs.Select(r => r.Training.Seed)).Distinct().Order().ToList();
            foreach (var branch in new[] { Models.ModelNames.Raw, Models.ModelNames.Spec }.Where(names.Contains))
                comparisons.Add(PairedComparison.Compute(fusion, branch, seeds.Select(seed =>
                {
                    var runs = folds.SelectMany(f => f.Runs.Where(r => r.Training.Seed == seed)).ToList();
                    // A fold where either model failed contributes nothing, so A and B cover the same recordings.
                    var both = runs.Where(r => r.Model(fusion)?.Succeeded == true && r.Model(branch)?.Succeeded == true).ToList();
                    return (seed, (IReadOnlyList<Prediction>)both.SelectMany(r => r.Model(fusion)!.Predictions).ToList(),
                        (IReadOnlyList<Prediction>)both.SelectMany(r => r.Model(branch)!.Predictions).ToList());
                }).ToList(), resamples, bootstrapSeed));
        }
        return new SpeakerIndependentSummary(names, rows, means, worst, comparisons);
    }
}
