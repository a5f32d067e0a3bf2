using System.Globalization;
using System.Text.Json.Serialization;

namespace SpokenDigits.Evaluation.Robustness;

/// <summary>One corruption at one severity (see <see cref="CorruptionFamily"/> for the unit of each).</summary>
public sealed record RobustnessCondition(CorruptionFamily Family, double Severity)
{
    static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static RobustnessCondition Clean { get; } = new(CorruptionFamily.Clean, 0);

    /// <summary>A stable machine name, e.g. "clean", "white:10", "reverb:0.4", "speed:0.85"; it seeds the corruption.</summary>
    [JsonIgnore]
    public string Key => Family is CorruptionFamily.Clean or CorruptionFamily.Telephone
        ? FamilyKey(Family)
        : $"{FamilyKey(Family)}:{Severity.ToString("R", Inv)}";

    /// <summary>The severity in words: "10 dB", "0.4 s", "+10 dB", "3 s", "×0.85"; "" for clean and telephone.</summary>
    [JsonIgnore]
    public string SeverityLabel => Family switch
    {
        CorruptionFamily.WhiteNoise or CorruptionFamily.Babble => $"{Signed(Severity, plus: false)} dB",
        CorruptionFamily.Gain => $"{Signed(Severity, plus: true)} dB",
        CorruptionFamily.Reverb or CorruptionFamily.Placement => $"{Severity.ToString("0.##", Inv)} s",
        CorruptionFamily.Speed => $"×{Severity.ToString("0.##", Inv)}",
        _ => "",
    };

    /// <summary>The condition in words: "white noise at 10 dB SNR", "reverberation RT60 0.4 s", "clean".</summary>
    [JsonIgnore]
    public string Label => Family switch
    {
        CorruptionFamily.Clean => "clean",
        CorruptionFamily.WhiteNoise => $"white noise at {SeverityLabel} SNR",
        CorruptionFamily.Babble => $"babble at {SeverityLabel} SNR",
        CorruptionFamily.Reverb => $"reverberation RT60 {SeverityLabel}",
        CorruptionFamily.Telephone => "telephone band 300–3,400 Hz",
        CorruptionFamily.Gain => $"gain {SeverityLabel} (clipped at ±1)",
        CorruptionFamily.Placement => $"placed in {SeverityLabel} of noise at 20 dB SNR",
        CorruptionFamily.Speed => $"speed {SeverityLabel}",
        _ => Key,
    };

    public override string ToString() => Label;

    /// <summary>The family's machine name: clean, white, babble, reverb, telephone, gain, placement, speed.</summary>
    public static string FamilyKey(CorruptionFamily family) => family switch
    {
        CorruptionFamily.WhiteNoise => "white",
        _ => family.ToString().ToLowerInvariant(),
    };

    /// <summary>The family in words, for chart titles: "white noise", "babble", "reverberation", ...</summary>
    public static string FamilyName(CorruptionFamily family) => family switch
    {
        CorruptionFamily.WhiteNoise => "white noise",
        CorruptionFamily.Reverb => "reverberation",
        CorruptionFamily.Telephone => "telephone band",
        CorruptionFamily.Placement => "word placed in background noise (20 dB SNR)",
        _ => family.ToString().ToLowerInvariant(),
    };

    static string Signed(double v, bool plus) =>
        v.ToString(plus ? "+0.##;−0.##;0" : "0.##;−0.##;0", Inv);
}
