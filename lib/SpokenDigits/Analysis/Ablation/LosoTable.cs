using SpokenDigits.Evaluation;
using SpokenDigits.Runs;

namespace SpokenDigits.Analysis.Ablation;

/// <summary>One model left one speaker out at a time.</summary>
/// <param name="Speakers">Held-out speakers with a finished run (each one's accuracy is the mean over its seeds).</param>
/// <param name="Accuracy">Mean ± std over those held-out speakers (each speaker weighs the same).</param>
/// <param name="Worst">The held-out speaker this model did worst on.</param>
/// <param name="MeanDifference">Mean accuracy minus the best single model's (a share); NaN for the best single itself.</param>
/// <param name="VsBestSingle">Paired against the best single on all held-out recordings both scored (each recording once per seed).</param>
public sealed record LosoRow(
    string Name,
    ContenderKind Kind,
    IReadOnlyList<string> Speakers,
    MeanStd Accuracy,
    WorstSpeaker? Worst,
    double MeanDifference,
    PairedComparison? VsBestSingle);

/// <summary>The leave-one-speaker-out table: singles, baseline and the variants trained that way.</summary>
public sealed record LosoTable(string? BestSingle, string? BestFusion, IReadOnlyList<LosoRow> Rows)
{
    public LosoRow? Row(string? name) => Rows.FirstOrDefault(r => r.Name == name);

    /// <summary>Null when no model was trained leave one speaker out.</summary>
    public static LosoTable? Of(IReadOnlyList<AblationContender> contenders, int resamples, int bootstrapSeed)
    {
        var ran = contenders.Where(c => c.Loso.Count > 0).ToList();
        if (ran.Count == 0) return null;
        var bestSingle = ran.Where(c => c.Kind == ContenderKind.Single).OrderByDescending(c => Accuracy(c).Mean).FirstOrDefault();
        var bestFusion = ran.Where(c => c.IsFused).OrderByDescending(c => Accuracy(c).Mean).FirstOrDefault();
        var rows = ran.Select(c => new LosoRow(c.Name, c.Kind, c.Loso.Select(f => f.Speaker).ToList(), Accuracy(c), Worst(c),
            bestSingle is null || c == bestSingle ? double.NaN : Accuracy(c).Mean - Accuracy(bestSingle).Mean,
            bestSingle is null || c == bestSingle ? null : Against(c, bestSingle, resamples, bootstrapSeed))).ToList();
        return new LosoTable(bestSingle?.Name, bestFusion?.Name, rows);
    }

    /// <summary>Each held-out speaker's accuracy (mean over its seeds).</summary>
    public static IReadOnlyList<(string Speaker, double Accuracy)> PerSpeaker(AblationContender c) =>
        c.Loso.Select(f => (f.Speaker, f.Runs.Average(r => r.Model.Test!.Accuracy))).ToList();

    static MeanStd Accuracy(AblationContender c) => MeanStd.Of(PerSpeaker(c).Select(x => x.Accuracy));

    static WorstSpeaker? Worst(AblationContender c) =>
        PerSpeaker(c).OrderBy(x => x.Accuracy).ThenBy(x => x.Speaker, StringComparer.Ordinal)
            .Select(x => new WorstSpeaker(c.Name, x.Speaker, x.Accuracy)).FirstOrDefault();

    /// <summary>Per LOSO seed, the predictions of every fold both models finished, concatenated (each recording is tested in one fold).</summary>
    static PairedComparison Against(AblationContender a, AblationContender b, int resamples, int bootstrapSeed)
    {
        var seeds = a.Loso.SelectMany(f => f.Runs.Select(r => r.Seed)).Distinct().Order().ToList();
        return PairedComparison.Compute(a.Name, b.Name, seeds.Select(seed =>
        {
            var both = a.Loso.Select(f => (A: f.Runs.FirstOrDefault(r => r.Seed == seed),
                    B: b.Loso.FirstOrDefault(g => g.Speaker == f.Speaker)?.Runs.FirstOrDefault(r => r.Seed == seed)))
                .Where(x => x.A is not null && x.B is not null).ToList();
            return (seed, (IReadOnlyList<Prediction>)both.SelectMany(x => x.A!.Model.Predictions).ToList(),
                (IReadOnlyList<Prediction>)both.SelectMany(x => x.B!.Model.Predictions).ToList());
        }).ToList(), resamples, bootstrapSeed);
    }
}
