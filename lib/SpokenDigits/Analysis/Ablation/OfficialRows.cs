using SpokenDigits.Runs;

namespace SpokenDigits.Analysis.Ablation;

/// <summary>One row of the official-split table.</summary>
/// <param name="Seeds">The seeds whose run of this model finished.</param>
/// <param name="ValidationAccuracy">Validation accuracy of the kept (best-on-validation) epoch, over seeds.</param>
/// <param name="VsBestSingle">This model against the best single branch, paired by seed and recording (McNemar per seed,
/// the pooled bootstrap of seed-averaged correctness over recordings); null for the best single itself.</param>
/// <param name="TestRecordings">How many recordings each seed's test part holds.</param>
public sealed record AblationRow(
    string Name,
    ContenderKind Kind,
    IReadOnlyList<int> Seeds,
    MeanStd Accuracy,
    MeanStd MacroF1,
    MeanStd ValidationAccuracy,
    PairedComparison? VsBestSingle,
    int TestRecordings)
{
    /// <summary>Pooled mean paired difference in accuracy against the best single (a share), or NaN.</summary>
    public double Delta => VsBestSingle?.Pooled?.Difference ?? double.NaN;

    /// <summary>True when the pooled 95% interval excludes 0.</summary>
    public bool DeltaSignificant => VsBestSingle?.Pooled is { } p && (p.Lower > 0 || p.Upper < 0);
}

/// <summary>The official-split table: every model's accuracy and macro-F1 over seeds, and each against the best single branch.</summary>
public static class OfficialRows
{
    /// <summary>The single-branch model with the higher mean test accuracy (then macro-F1); null when neither ran.</summary>
    public static AblationContender? BestSingle(IReadOnlyList<AblationContender> contenders) =>
        Best(contenders.Where(c => c.Kind == ContenderKind.Single));

    /// <summary>The fused model (baseline or variant) with the highest mean test accuracy (then macro-F1), among those run on
    /// the most seeds: a mean over fewer seeds is not comparable (those still appear in the tables with their seed count).</summary>
    public static AblationContender? BestFusion(IReadOnlyList<AblationContender> contenders) => Best(FusedOnMostSeeds(contenders));

    /// <summary>The fused model a practitioner would pick without looking at the test part: the highest mean validation
    /// accuracy of the kept epochs (then the lower mean validation loss), among the fused models run on the most seeds.
    /// With many variants, the highest test mean is partly luck; this pick is not.</summary>
    public static AblationContender? ChosenOnValidation(IReadOnlyList<AblationContender> contenders) =>
        FusedOnMostSeeds(contenders)
            .OrderByDescending(c => ValidationAccuracy(c).Mean)
            .ThenBy(c => c.Seeds.Average(s => s.Model.KeptEpoch?.ValidationLoss ?? double.PositiveInfinity))
            .FirstOrDefault();

    static IReadOnlyList<AblationContender> FusedOnMostSeeds(IReadOnlyList<AblationContender> contenders)
    {
        var fused = contenders.Where(c => c.IsFused && c.Seeds.Count > 0).ToList();
        if (fused.Count == 0) return fused;
        int most = fused.Max(f => f.Seeds.Count);
        return fused.Where(c => c.Seeds.Count == most).ToList();
    }

    public static IReadOnlyList<AblationRow> Compute(IReadOnlyList<AblationContender> contenders, AblationContender? bestSingle, int resamples, int bootstrapSeed)
    {
        return contenders.Where(c => c.Seeds.Count > 0).Select(c => new AblationRow(c.Name, c.Kind, c.Seeds.Select(s => s.Seed).ToList(),
            Accuracy(c), MacroF1(c), ValidationAccuracy(c),
            bestSingle is null || c == bestSingle ? null : Against(c, bestSingle, resamples, bootstrapSeed),
            c.Seeds[0].Model.Predictions.Count)).ToList();
    }

    /// <summary>A against B on the seeds both finished, each seed's predictions paired by recording.</summary>
    public static PairedComparison Against(AblationContender a, AblationContender b, int resamples, int bootstrapSeed) =>
        PairedComparison.Compute(a.Name, b.Name, a.Seeds.Where(s => b.Seed(s.Seed) is not null)
            .Select(s => (s.Seed, s.Model.Predictions, b.Seed(s.Seed)!.Model.Predictions)).ToList(), resamples, bootstrapSeed);

    public static MeanStd Accuracy(AblationContender c) => MeanStd.Of(c.Seeds.Select(s => s.Model.Test!.Accuracy));

    public static MeanStd MacroF1(AblationContender c) => MeanStd.Of(c.Seeds.Select(s => s.Model.Test!.MacroF1));

    /// <summary>Validation accuracy of each seed's kept epoch, over the seeds whose history holds it.</summary>
    public static MeanStd ValidationAccuracy(AblationContender c) =>
        MeanStd.Of(c.Seeds.Select(s => s.Model.KeptEpoch?.ValidationAccuracy).OfType<double>());

    static AblationContender? Best(IEnumerable<AblationContender> candidates) =>
        candidates.Where(c => c.Seeds.Count > 0)
            .OrderByDescending(c => Accuracy(c).Mean).ThenByDescending(c => MacroF1(c).Mean).FirstOrDefault();
}
