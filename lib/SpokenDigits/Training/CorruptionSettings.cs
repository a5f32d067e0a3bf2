using System.Globalization;

namespace SpokenDigits.Training;

/// <summary>Switchable real-world corruptions of training recordings (each from <see cref="Audio.Corruptions"/>), applied
/// per recording with the given probability, identically for every model and deterministically from the epoch's seed.
/// A probability of 0 turns a part off; all are off by default (not yet measured to help on FSDD validation).</summary>
/// <param name="GainProbability">Share of recordings scaled by a random gain in ±<paramref name="MaxGainDb"/>.</param>
/// <param name="MaxGainDb">Largest gain either way (dB).</param>
/// <param name="BandLimitProbability">Share band-limited to the 300–3,400 Hz telephone band.</param>
/// <param name="TiltProbability">Share given a random spectral tilt (high shelf at 1 kHz) in ±<paramref name="MaxTiltDb"/>.</param>
/// <param name="MaxTiltDb">Largest tilt either way (dB).</param>
/// <param name="ReverbProbability">Share convolved with a synthetic room response, RT60 uniform in [<paramref name="MinRt60"/>, <paramref name="MaxRt60"/>] s.</param>
/// <param name="MinRt60">Shortest RT60 (s).</param>
/// <param name="MaxRt60">Longest RT60 (s).</param>
/// <param name="BabbleProbability">Share mixed with babble of three other recordings of the same training batch at 5–25 dB SNR.</param>
public sealed record CorruptionSettings(
    double GainProbability = 0,
    double MaxGainDb = 12,
    double BandLimitProbability = 0,
    double TiltProbability = 0,
    double MaxTiltDb = 6,
    double ReverbProbability = 0,
    double MinRt60 = 0.1,
    double MaxRt60 = 0.8,
    double BabbleProbability = 0)
{
    /// <summary>The names <see cref="Parse"/> accepts, each turning one part on at probability 0.5.</summary>
    public static readonly IReadOnlyList<string> PartNames = ["gain", "band", "tilt", "reverb", "babble"];

    public bool AnyOn => GainProbability > 0 || BandLimitProbability > 0 || TiltProbability > 0 || ReverbProbability > 0 || BabbleProbability > 0;

    /// <summary>"none", or part names joined by '+' (e.g. "reverb+babble"), each on at probability 0.5.</summary>
    public static CorruptionSettings Parse(string text)
    {
        var settings = new CorruptionSettings();
        if (text.Trim() is "none" or "") return settings;
        foreach (var part in text.Split('+', StringSplitOptions.TrimEntries))
            settings = part switch
            {
                "gain" => settings with { GainProbability = 0.5 },
                "band" => settings with { BandLimitProbability = 0.5 },
                "tilt" => settings with { TiltProbability = 0.5 },
                "reverb" => settings with { ReverbProbability = 0.5 },
                "babble" => settings with { BabbleProbability = 0.5 },
                _ => throw new ArgumentException($"corruptions: unknown part '{part}' (known: none, {string.Join(", ", PartNames)})"),
            };
        return settings;
    }

    public CorruptionSettings Validated()
    {
        foreach (var (name, p) in new[] { ("gain", GainProbability), ("band", BandLimitProbability), ("tilt", TiltProbability),
                     ("reverb", ReverbProbability), ("babble", BabbleProbability) })
            if (p is < 0 or > 1) throw new ArgumentException($"corruptions: the {name} probability must be in [0, 1] (got {p})");
        if (MaxGainDb < 0 || MaxTiltDb < 0) throw new ArgumentException("corruptions: gain and tilt ranges cannot be negative");
        if (!(MinRt60 > 0 && MinRt60 <= MaxRt60)) throw new ArgumentException($"corruptions: RT60 needs 0 < min ≤ max (got {MinRt60}, {MaxRt60})");
        return this;
    }

    public override string ToString() => Describe();

    /// <summary>One line for people: each corruption in force with its range and share, or "no corruptions".</summary>
    public string Describe()
    {
        var parts = new List<string>();
        string P(double p) => p.ToString("P0", CultureInfo.InvariantCulture);
        if (GainProbability > 0) parts.Add(FormattableString.Invariant($"gain ±{MaxGainDb:0} dB on {P(GainProbability)}"));
        if (BandLimitProbability > 0) parts.Add($"telephone band on {P(BandLimitProbability)}");
        if (TiltProbability > 0) parts.Add(FormattableString.Invariant($"tilt ±{MaxTiltDb:0} dB on {P(TiltProbability)}"));
        if (ReverbProbability > 0) parts.Add(FormattableString.Invariant($"reverb RT60 {MinRt60:0.##}–{MaxRt60:0.##} s on {P(ReverbProbability)}"));
        if (BabbleProbability > 0) parts.Add($"babble on {P(BabbleProbability)}");
        return parts.Count == 0 ? "no corruptions" : string.Join(", ", parts);
    }
}
