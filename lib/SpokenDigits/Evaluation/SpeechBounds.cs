using SpokenDigits.Features;

namespace SpokenDigits.Evaluation;

/// <summary>What endpointing found in a recording, as saved with a prediction: the word's start and end in
/// seconds, or <see cref="NoSpeech"/> (then both are null).</summary>
public sealed record SpeechBounds(bool NoSpeech, double? StartSeconds, double? EndSeconds)
{
    /// <summary>Null when the detector did not run.</summary>
    public static SpeechBounds? Of(DetectedSpeech speech) =>
        !speech.Enabled ? null
        : speech.Segment is { } s ? new SpeechBounds(false, Math.Round(s.StartSeconds, 4), Math.Round(s.EndSeconds, 4))
        : new SpeechBounds(true, null, null);
}
