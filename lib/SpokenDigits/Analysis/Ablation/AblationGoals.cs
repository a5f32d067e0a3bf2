using SpokenDigits.Runs;
using static SpokenDigits.Analysis.ReportFormat;

namespace SpokenDigits.Analysis.Ablation;

/// <summary>One goal of the study, checked against the measured number.</summary>
/// <param name="Goal">What is measured, in words.</param>
/// <param name="Measured">The number the target is checked on (a share; for margins, a difference of shares); NaN when not measured.</param>
/// <param name="Met">Null when the number needed was not measured (e.g. no leave-one-speaker-out runs).</param>
/// <param name="Model">The model the number belongs to.</param>
public sealed record AblationGoal(GoalMeasure Measure, string Goal, double Target, double Measured, bool? Met, string? Model)
{
    /// <summary>Accuracies as percentages, margins as signed points.</summary>
    public string Format(double v) => !double.IsFinite(v) ? "not measured" : IsMargin(Measure) ? Points(v) + " points" : Percent(v);

    internal static bool IsMargin(GoalMeasure m) => m is GoalMeasure.BestFusionMargin or GoalMeasure.LosoBestFusionMargin;
}

/// <summary>Checks the goals a study set itself (from its ablation manifest, <see cref="AblationManifest.Goals"/>) against
/// the measured numbers: a goal is met when the number is at least its target.</summary>
public static class AblationGoals
{
    public static IReadOnlyList<AblationGoal> Check(IReadOnlyList<StudyGoal>? goals, IReadOnlyList<AblationRow> official, string? bestSingle, string? bestFusion, LosoTable? loso)
    {
        if (goals is null || goals.Count == 0) return [];
        var raw = official.FirstOrDefault(r => r.Name == Models.ModelNames.Raw);
        var fusion = official.FirstOrDefault(r => r.Name == bestFusion);
        var single = official.FirstOrDefault(r => r.Name == bestSingle);
        var losoFusion = loso?.Row(loso.BestFusion);
        var losoSingle = loso?.Row(loso.BestSingle);
        return goals.Select(g => g.Measure switch
        {
            GoalMeasure.RawOnlyAccuracy => Goal(g, "Raw-only mean test accuracy (official split)", raw?.Accuracy.Mean, raw?.Name),
            GoalMeasure.BestFusionAccuracy => Goal(g, "Best fusion mean test accuracy (official split)", fusion?.Accuracy.Mean, fusion?.Name),
            GoalMeasure.BestFusionMargin => Goal(g, "Best fusion above the best single branch (official split, difference of mean accuracies)",
                fusion is null || single is null ? null : fusion.Accuracy.Mean - single.Accuracy.Mean, fusion?.Name),
            GoalMeasure.LosoBestFusionAccuracy => Goal(g, "Leave one speaker out: best fusion mean accuracy", losoFusion?.Accuracy.Mean, losoFusion?.Name),
            GoalMeasure.LosoBestFusionMargin => Goal(g, "Leave one speaker out: best fusion above the best single (difference of mean accuracies)",
                losoFusion is null || losoSingle is null ? null : losoFusion.Accuracy.Mean - losoSingle.Accuracy.Mean, losoFusion?.Name),
            _ => throw new ArgumentOutOfRangeException(nameof(goals), g.Measure, "unknown goal measure"),
        }).ToList();
    }

    static AblationGoal Goal(StudyGoal g, string goal, double? measured, string? model) =>
        measured is double m && double.IsFinite(m) ? new(g.Measure, goal, g.Target, m, m >= g.Target, model) : new(g.Measure, goal, g.Target, double.NaN, null, model);
}
