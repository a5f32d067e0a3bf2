using static SpokenDigits.Evaluation.Robustness.CorruptionFamily;

namespace SpokenDigits.Evaluation.Robustness;

/// <summary>The conditions of the study (issue 20, part 4) and the order in which each family's curve shows them.</summary>
public static class RobustnessConditions
{
    public static readonly IReadOnlyList<double> NoiseSnrDb = [30, 20, 10, 5, 0, -5];
    public static readonly IReadOnlyList<double> Rt60Seconds = [0.2, 0.4, 0.6, 0.8, 1.0];
    public static readonly IReadOnlyList<double> GainDb = [-20, -10, 10, 20];
    public static readonly IReadOnlyList<double> PlacementSeconds = [1, 2, 3];
    public static readonly IReadOnlyList<double> SpeedFactors = [0.85, 0.9, 1.1, 1.15];

    /// <summary>Background level of <see cref="Placement"/> (the issue's goal: 3 s of noise at 20 dB SNR).</summary>
    public const double PlacementSnrDb = 20;

    /// <summary>Clean first, then every family at every severity, mildest first (30 conditions).</summary>
    public static IReadOnlyList<RobustnessCondition> Standard { get; } =
    [
        RobustnessCondition.Clean,
        .. NoiseSnrDb.Select(s => new RobustnessCondition(WhiteNoise, s)),
        .. NoiseSnrDb.Select(s => new RobustnessCondition(Babble, s)),
        .. Rt60Seconds.Select(s => new RobustnessCondition(Reverb, s)),
        new RobustnessCondition(Telephone, 0),
        .. GainDb.Select(s => new RobustnessCondition(Gain, s)),
        .. PlacementSeconds.Select(s => new RobustnessCondition(Placement, s)),
        .. SpeedFactors.Select(s => new RobustnessCondition(Speed, s)),
    ];

    /// <summary>The families that have curves, in the order of the report.</summary>
    public static readonly IReadOnlyList<CorruptionFamily> Families = [WhiteNoise, Babble, Reverb, Telephone, Gain, Placement, Speed];

    /// <summary>The keys of <see cref="Families"/>, comma-joined, as a constant: the CLI's help shows it without loading
    /// the library (a test keeps the two the same).</summary>
    public const string FamilyList = "white, babble, reverb, telephone, gain, placement, speed";

    /// <summary>The x axis of a family's curve among <paramref name="conditions"/>: clean at the mild end (for gain and speed,
    /// whose clean value 0 dB / ×1 lies inside the range, in its place), then the family's severities in order of harm.</summary>
    public static IReadOnlyList<RobustnessCondition> Curve(CorruptionFamily family, IReadOnlyList<RobustnessCondition> conditions)
    {
        var own = conditions.Where(c => c.Family == family).ToList();
        var clean = conditions.Where(c => c.Family == Clean).Take(1).ToList();
        return family switch
        {
            WhiteNoise or Babble => [.. clean, .. own.OrderByDescending(c => c.Severity)],
            Gain or Speed => [.. own.Where(c => c.Severity < Neutral(family)).OrderBy(c => c.Severity), .. clean,
                              .. own.Where(c => c.Severity > Neutral(family)).OrderBy(c => c.Severity)],
            _ => [.. clean, .. own.OrderBy(c => c.Severity)],
        };
    }

    static double Neutral(CorruptionFamily family) => family == Speed ? 1 : 0;

    /// <summary>The standard condition with <see cref="RobustnessCondition.Key"/> <paramref name="key"/> ("white:0", "reverb:0.8", "clean").</summary>
    public static RobustnessCondition ByKey(string key) =>
        Standard.FirstOrDefault(c => c.Key == key) ?? throw new ArgumentException($"no standard condition '{key}' (known: {string.Join(", ", Standard.Select(c => c.Key))})");

    /// <summary>Parses a comma list of families ("white,babble,reverb") into the standard conditions of those families, clean always included.</summary>
    public static IReadOnlyList<RobustnessCondition> OfFamilies(string text)
    {
        var wanted = new HashSet<CorruptionFamily> { Clean };
        foreach (var part in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var family = Enum.GetValues<CorruptionFamily>().FirstOrDefault(f => RobustnessCondition.FamilyKey(f) == part.ToLowerInvariant(), (CorruptionFamily)(-1));
            if ((int)family < 0)
                throw new ArgumentException($"unknown corruption '{part}' (known: {string.Join(", ", Enum.GetValues<CorruptionFamily>().Select(RobustnessCondition.FamilyKey))})");
            wanted.Add(family);
        }
        return Standard.Where(c => wanted.Contains(c.Family)).ToList();
    }
}
