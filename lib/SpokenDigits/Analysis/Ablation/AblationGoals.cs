namespace SpokenDigits.Analysis.Ablation;

/// <summary>One target of the ablation's issue, checked against the measured number.</summary>
/// <param name="Measured">The number the target is checked on (a share; for margins, a difference of shares); NaN when not measured.</param>
/// <param name="Met">Null when the number needed was not measured (e.g. no leave-one-speaker-out runs).</param>
/// <param name="Model">The model the number belongs to.</param>
public sealed record AblationGoal(string Goal, double Target, double Measured, bool? Met, string? Model);

/// <summary>The targets: raw-only ≥ 98.5 % mean; the best fusion ≥ 99.5 % and above the best single on the official
/// split; leave one speaker out, the best fusion ≥ 95 % and at least 2 points above the best single.</summary>
public static class AblationGoals
{
    public const double RawOnlyTarget = 0.985;
    public const double FusionTarget = 0.995;
    public const double LosoFusionTarget = 0.95;
    public const double LosoMargin = 0.02;

    public static IReadOnlyList<AblationGoal> Check(IReadOnlyList<AblationRow> official, string? bestSingle, string? bestFusion, LosoTable? loso)
    {
        var raw = official.FirstOrDefault(r => r.Name == SeedSummary.RawName);
        var fusion = official.FirstOrDefault(r => r.Name == bestFusion);
        var single = official.FirstOrDefault(r => r.Name == bestSingle);
        var goals = new List<AblationGoal>
        {
            Goal("Raw-only mean test accuracy ≥ target (official split)", RawOnlyTarget, raw?.Accuracy.Mean, raw?.Name),
            Goal("Best fusion mean test accuracy ≥ target (official split)", FusionTarget, fusion?.Accuracy.Mean, fusion?.Name),
            Above("Best fusion above the best single branch (official split, difference of means)", 0,
                fusion is null || single is null ? null : fusion.Accuracy.Mean - single.Accuracy.Mean, fusion?.Name),
        };
        var losoFusion = loso?.Row(loso.BestFusion);
        var losoSingle = loso?.Row(loso.BestSingle);
        goals.Add(Goal("Leave one speaker out: best fusion mean accuracy ≥ target", LosoFusionTarget, losoFusion?.Accuracy.Mean, losoFusion?.Name));
        goals.Add(Goal("Leave one speaker out: best fusion at least this far above the best single (difference of means)", LosoMargin,
            losoFusion is null || losoSingle is null ? null : losoFusion.Accuracy.Mean - losoSingle.Accuracy.Mean, losoFusion?.Name));
        return goals;
    }

    static AblationGoal Goal(string goal, double target, double? measured, string? model) =>
        measured is double m && double.IsFinite(m) ? new(goal, target, m, m >= target, model) : new(goal, target, double.NaN, null, model);

    static AblationGoal Above(string goal, double target, double? measured, string? model) =>
        measured is double m && double.IsFinite(m) ? new(goal, target, m, m > target, model) : new(goal, target, double.NaN, null, model);
}
