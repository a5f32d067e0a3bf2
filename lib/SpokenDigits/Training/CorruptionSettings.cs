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
/// <param name="ColouredNoiseProbability">Share mixed with pink or brown noise (even odds) at an SNR uniform in
/// [<paramref name="MinColouredSnrDb"/>, <paramref name="MaxColouredSnrDb"/>] dB: the hum and rumble of rooms and microphones.</param>
/// <param name="MinColouredSnrDb">Lowest SNR of the coloured noise (dB).</param>
/// <param name="MaxColouredSnrDb">Highest SNR of the coloured noise (dB).</param>
public sealed record CorruptionSettings(
    double GainProbability = 0,
    double MaxGainDb = 12,
    double BandLimitProbability = 0,
    double TiltProbability = 0,
    double MaxTiltDb = 6,
    double ReverbProbability = 0,
    double MinRt60 = 0.1,
    double MaxRt60 = 0.8,
    double BabbleProbability = 0,
    double ColouredNoiseProbability = 0,
    double MinColouredSnrDb = 0,
    double MaxColouredSnrDb = 30)
{
    /// <summary>The part names <see cref="Parse"/> accepts (besides "all" and "none"), joined by ", " (a constant, so the
    /// CLI can print it without loading this library).</summary>
    public const string PartList = "gain, band, tilt, reverb, babble, colour";

    /// <summary>The part names <see cref="Parse"/> accepts (besides "all" and "none").</summary>
    public static readonly IReadOnlyList<string> PartNames = PartList.Split(", ");

    /// <summary>The probability a part gets when its name is given without one.</summary>
    public const double DefaultPartProbability = 0.3;

    /// <summary>Every part on at <see cref="DefaultPartProbability"/>: the real-world training recipe.</summary>
    public static CorruptionSettings All => Parse("all");

    public bool AnyOn => PartProbabilities.Any(p => p.Probability > 0);

    /// <summary>Each part's name and probability, in <see cref="PartNames"/> order.</summary>
    public IEnumerable<(string Name, double Probability)> PartProbabilities =>
    [
        ("gain", GainProbability), ("band", BandLimitProbability), ("tilt", TiltProbability),
        ("reverb", ReverbProbability), ("babble", BabbleProbability), ("colour", ColouredNoiseProbability),
    ];

    /// <summary>"none"; or parts joined by '+', each a part name or "all", optionally with its probability after a colon
    /// (e.g. "reverb+babble", "all:0.5", "all+reverb:0.6"); a part without one is on at <see cref="DefaultPartProbability"/>.</summary>
    public static CorruptionSettings Parse(string text)
    {
        var settings = new CorruptionSettings();
        if (text.Trim() is "none" or "") return settings;
        foreach (var token in text.Split('+', StringSplitOptions.TrimEntries))
        {
            var (part, probability) = SplitProbability(token);
            settings = part == "all"
                ? PartNames.Aggregate(settings, (s, name) => s.With(name, probability))
                : settings.With(part, probability);
        }
        return settings;
    }

    /// <summary>The same settings with one part's probability replaced.</summary>
    public CorruptionSettings With(string part, double probability) => part switch
    {
        "gain" => this with { GainProbability = probability },
        "band" => this with { BandLimitProbability = probability },
        "tilt" => this with { TiltProbability = probability },
        "reverb" => this with { ReverbProbability = probability },
        "babble" => this with { BabbleProbability = probability },
        "colour" => this with { ColouredNoiseProbability = probability },
        _ => throw new ArgumentException($"corruptions: unknown part '{part}' (known: none, all, {string.Join(", ", PartNames)})"),
    };

    static (string Part, double Probability) SplitProbability(string token)
    {
        var colon = token.IndexOf(':');
        if (colon < 0) return (token, DefaultPartProbability);
        var text = token[(colon + 1)..];
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var p) || p is < 0 or > 1)
            throw new ArgumentException($"corruptions: '{token}' needs a probability in [0, 1] after the colon (got '{text}')");
        return (token[..colon], p);
    }

    /// <summary>The text <see cref="Parse"/> reads back into these probabilities (ranges at their defaults).</summary>
    public string Label
    {
        get
        {
            var on = PartProbabilities.Where(p => p.Probability > 0).ToList();
            if (on.Count == 0) return "none";
            if (on.Count == PartNames.Count && on.All(p => p.Probability == on[0].Probability))
                return on[0].Probability == DefaultPartProbability ? "all" : string.Create(CultureInfo.InvariantCulture, $"all:{on[0].Probability}");
            return string.Join("+", on.Select(p => p.Probability == DefaultPartProbability ? p.Name
                : string.Create(CultureInfo.InvariantCulture, $"{p.Name}:{p.Probability}")));
        }
    }

    public CorruptionSettings Validated()
    {
        foreach (var (name, p) in PartProbabilities)
            if (p is < 0 or > 1) throw new ArgumentException($"corruptions: the {name} probability must be in [0, 1] (got {p})");
        if (MaxGainDb < 0 || MaxTiltDb < 0) throw new ArgumentException("corruptions: gain and tilt ranges cannot be negative");
        if (MinColouredSnrDb > MaxColouredSnrDb) throw new ArgumentException("corruptions: the lowest coloured-noise SNR exceeds the highest");
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
        if (ColouredNoiseProbability > 0) parts.Add($"pink/brown noise at {MinColouredSnrDb:0}–{MaxColouredSnrDb:0} dB SNR on {P(ColouredNoiseProbability)}");
        return parts.Count == 0 ? "no corruptions" : string.Join(", ", parts);
    }
}
