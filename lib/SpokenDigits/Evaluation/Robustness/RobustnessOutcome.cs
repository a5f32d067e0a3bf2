using System.Text.Json.Serialization;

namespace SpokenDigits.Evaluation.Robustness;

/// <summary>What every model of one run answered for one corrupted recording.</summary>
/// <param name="Id">The recording id.</param>
/// <param name="Truth">The spoken digit.</param>
/// <param name="NoSpeech">The detector found no word: the answer is "no speech", wrong for every model.</param>
/// <param name="Predicted">Each model's digit, in the run's model order; −1 when <paramref name="NoSpeech"/>.</param>
public sealed record ClipOutcome(string Id, int Truth, bool NoSpeech, int[] Predicted)
{
    /// <summary>Whether model <paramref name="model"/> (its index in the run) answered the right digit.</summary>
    public bool Correct(int model) => !NoSpeech && Predicted[model] == Truth;
}

/// <summary>One run's answers under one condition.</summary>
public sealed record ConditionOutcome(RobustnessCondition Condition, IReadOnlyList<ClipOutcome> Clips);

/// <summary>The silence and noise-only recordings (no word in them) and how many were answered "no speech".</summary>
/// <param name="Recordings">Every probe, with its kind and level.</param>
/// <param name="AnsweredWithDigit">Ids of the probes in which the detector found a word (each a false alarm).</param>
public sealed record ProbeOutcome(IReadOnlyList<NoSpeechProbe> Recordings, IReadOnlyList<string> AnsweredWithDigit)
{
    [JsonIgnore] public int Count => Recordings.Count;
    [JsonIgnore] public double NoSpeechShare => Count == 0 ? double.NaN : 1 - (double)AnsweredWithDigit.Count / Count;

    /// <summary>The share answered "no speech" among probes of one kind.</summary>
    public double NoSpeechShareOf(ProbeKind kind)
    {
        var ids = Recordings.Where(r => r.Kind == kind).Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        return ids.Count == 0 ? double.NaN : 1 - (double)AnsweredWithDigit.Count(ids.Contains) / ids.Count;
    }
}

/// <summary>Every condition's answers of one trained run (one model seed).</summary>
/// <param name="RunFolder">The run folder.</param>
/// <param name="ModelSeed">The run's training seed.</param>
/// <param name="Models">The run's models, in the order of <see cref="ClipOutcome.Predicted"/>.</param>
public sealed record RunRobustness(string RunFolder, int ModelSeed, IReadOnlyList<string> Models,
    IReadOnlyList<ConditionOutcome> Conditions, ProbeOutcome Probes)
{
    public ConditionOutcome? Condition(RobustnessCondition condition) => Conditions.FirstOrDefault(c => c.Condition == condition);
}
