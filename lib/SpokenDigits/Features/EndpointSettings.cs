namespace SpokenDigits.Features;

/// <summary>Parameters of the <see cref="SpeechDetector"/>. They are part of <see cref="FeatureSettings"/>
/// and saved with every run; a run saved before endpointing existed has none and is loaded with
/// <see cref="Off"/> (its models were trained on centre-fitted clips). Tuned on FSDD training clips
/// and synthetic silence / white / pink / brown noise only.</summary>
/// <param name="Enabled">Whether the word is located at all; off means the whole recording is centre fitted as before.</param>
/// <param name="FrameMs">Analysis frame (Hann) length.</param>
/// <param name="HopMs">Frame hop; segment bounds are multiples of it.</param>
/// <param name="LowHz">Lower edge of the speech band the detector looks at.</param>
/// <param name="HighHz">Upper edge of the speech band (clamped to the Nyquist frequency).</param>
/// <param name="FloorPercentile">Frames at or below this percentile of band energy estimate the noise floor spectrum.</param>
/// <param name="OnDb">A frame this far (dB) above the noise floor is speech on energy alone.</param>
/// <param name="OffDb">Hysteresis: speech continues into neighbouring frames while they stay this far above the floor.</param>
/// <param name="VoicedDb">A frame at least this far above the floor whose spectrum, relative to the floor spectrum,
/// is as peaky as voiced speech (<paramref name="MaxRelativeFlatness"/>) is speech too: the cue for tight, quiet clips
/// whose quietest frames are already part of the word.</param>
/// <param name="MaxRelativeFlatness">Spectral flatness (geometric / arithmetic mean) of a frame's band spectrum divided by
/// the floor spectrum; steady noise of any colour stays near 0.56, voiced speech far below.</param>
/// <param name="SilenceDbfs">Frames whose band energy (dB relative to full scale) is below this are silence, whatever the contrast.</param>
/// <param name="MinSpeechMs">Speech shorter than this (after merging) is ignored: clicks and pops.</param>
/// <param name="MergeGapMs">Speech regions closer than this are one word (the closure in "six", "eight").</param>
public sealed record EndpointSettings(
    bool Enabled = true,
    double FrameMs = 32,
    double HopMs = 10,
    double LowHz = 300,
    double HighHz = 3400,
    double FloorPercentile = 10,
    double OnDb = 9,
    double OffDb = 3,
    double VoicedDb = 3,
    double MaxRelativeFlatness = 0.25,
    double SilenceDbfs = -75,
    double MinSpeechMs = 60,
    double MergeGapMs = 200)
{
    /// <summary>No endpointing: what runs saved before it existed used.</summary>
    public static EndpointSettings Off { get; } = new(Enabled: false);

    /// <summary>One line for people: "off (...)", or "on: ..." with every parameter.</summary>
    public string Describe() => !Enabled
        ? "off: the whole recording is centre fitted"
        : FormattableString.Invariant(
            $"on: {LowHz}–{HighHz} Hz band, {FrameMs} ms frames every {HopMs} ms; speech {OnDb} dB above the noise floor (frames at the {FloorPercentile}th percentile), ") +
          FormattableString.Invariant(
            $"held while {OffDb} dB above, or voiced at {VoicedDb} dB with relative flatness ≤ {MaxRelativeFlatness}; silence below {SilenceDbfs} dBFS; ") +
          FormattableString.Invariant($"words of at least {MinSpeechMs} ms, gaps under {MergeGapMs} ms merged");

    public override string ToString() => Describe();

    /// <summary>Throws <see cref="ArgumentException"/> naming the first inconsistent setting.</summary>
    public EndpointSettings Validated()
    {
        if (FrameMs <= 0 || HopMs <= 0 || HopMs > FrameMs) throw new ArgumentException($"endpoint frame {FrameMs} ms / hop {HopMs} ms are inconsistent");
        if (LowHz < 0 || HighHz <= LowHz) throw new ArgumentException($"endpoint band {LowHz}–{HighHz} Hz is empty");
        if (FloorPercentile <= 0 || FloorPercentile >= 100) throw new ArgumentException($"endpoint floor percentile {FloorPercentile} must lie in (0, 100)");
        if (OffDb > OnDb) throw new ArgumentException($"endpoint off threshold {OffDb} dB exceeds the on threshold {OnDb} dB");
        return this;
    }
}
