namespace SpokenDigits.Analysis.Robustness;

/// <summary>What a goal measures.</summary>
public enum GoalMeasure
{
    /// <summary>Share of the silence and noise-only probes answered "no speech" (at least the target).</summary>
    ProbesAnsweredNoSpeech,
    /// <summary>Share of clean test recordings answered "no speech" (at most the target).</summary>
    CleanAnsweredNoSpeech,
    /// <summary>Every model's accuracy under one condition (at least the target), given by its key (e.g. "placement:3").</summary>
    AccuracyUnder,
}

/// <summary>A target a study is checked against (data passed to <see cref="RobustnessSummary.From"/>, not part of the method).</summary>
public sealed record RobustnessGoal(string Description, GoalMeasure Measure, double Target, string? ConditionKey = null);

/// <summary>A goal as measured: one line per goal, or per model for accuracy goals.</summary>
public sealed record GoalResult(string Description, double Target, double Measured, bool Met, string? Model = null);

/// <summary>The goals issue 20 sets for this study.</summary>
public static class RobustnessGoals
{
    public static IReadOnlyList<RobustnessGoal> Issue20 { get; } =
    [
        new("silence and noise-only recordings answered \"no speech\"", GoalMeasure.ProbesAnsweredNoSpeech, 0.99),
        new("FSDD test recordings answered \"no speech\"", GoalMeasure.CleanAnsweredNoSpeech, 0),
        new("accuracy with the word at a random offset in 3 s of noise at 20 dB SNR", GoalMeasure.AccuracyUnder, 0.97, "placement:3"),
    ];
}
