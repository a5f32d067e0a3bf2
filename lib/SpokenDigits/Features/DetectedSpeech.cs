namespace SpokenDigits.Features;

/// <summary>What endpointing found in one recording.</summary>
/// <param name="Segment">The word (samples at the run's rate), or null when none was found or endpointing is off.</param>
/// <param name="Enabled">Whether the detector ran (<see cref="EndpointSettings.Enabled"/>).</param>
public sealed record DetectedSpeech(SpeechSegment? Segment, bool Enabled)
{
    /// <summary>The detector ran and found no word: the recording's answer is "no speech".</summary>
    public bool NoSpeech => Enabled && Segment is null;

    public static DetectedSpeech NotDetected { get; } = new(null, false);
}
