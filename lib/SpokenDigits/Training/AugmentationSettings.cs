namespace SpokenDigits.Training;

/// <summary>Waveform augmentation of training batches, applied identically to every model: each
/// recording is shifted in time and, with some probability, mixed with white noise; its spectrogram is
/// then recomputed from the altered waveform, so both branches see the same altered recording.</summary>
/// <param name="MaxShiftMs">Largest time shift either way (zero-filled), in milliseconds.</param>
/// <param name="NoiseProbability">Share of recordings that get noise.</param>
/// <param name="MinSnrDb">Lowest signal-to-noise ratio of the added noise (dB, against the clip's RMS).</param>
/// <param name="MaxSnrDb">Highest signal-to-noise ratio.</param>
/// <param name="MinSpeed">Lowest speed factor of the speed perturbation (below 1: slower and lower-pitched).</param>
/// <param name="MaxSpeed">Highest speed factor (above 1: faster and higher-pitched); 1 and 1 turn it off.</param>
/// <param name="Corruptions">The switchable real-world corruptions (gain, band-limit and tilt, reverberation, babble);
/// off in this record's own defaults, so runs saved before they existed read back without them; <see cref="RealWorld"/>,
/// the training default, turns them all on.</param>
public sealed record AugmentationSettings(
    double MaxShiftMs = 100,
    double NoiseProbability = 0.5,
    double MinSnrDb = 10,
    double MaxSnrDb = 30,
    double MinSpeed = 1,
    double MaxSpeed = 1,
    CorruptionSettings? Corruptions = null)
{
    /// <summary>The training default (<see cref="TrainingSettings.Augmentation"/>): shift and noise, speed ×0.85–1.15 and every
    /// corruption on 30 % of the batches (<c>train --speed 0.85,1.15 --corrupt all</c>); <c>--corrupt none --speed off</c> is the
    /// clean recipe the runs made before it used.</summary>
    public static AugmentationSettings RealWorld { get; } = new(MinSpeed: 0.85, MaxSpeed: 1.15, Corruptions: CorruptionSettings.All);

    /// <summary>The corruptions in force (all off when none are saved).</summary>
    public CorruptionSettings CorruptionsOrNone => Corruptions ?? new CorruptionSettings();

    /// <summary>Whether recordings are resampled to a random speed (a stand-in for other speakers' pitch and tempo).</summary>
    public bool PerturbsSpeed => MinSpeed != 1 || MaxSpeed != 1;

    /// <summary>These settings with speed perturbation over [<paramref name="min"/>, <paramref name="max"/>].</summary>
    public AugmentationSettings WithSpeed(double min, double max) => this with { MinSpeed = min, MaxSpeed = max };

    public AugmentationSettings Validated()
    {
        if (MaxShiftMs < 0) throw new ArgumentException("augmentation: the time shift cannot be negative");
        if (NoiseProbability is < 0 or > 1) throw new ArgumentException("augmentation: the noise probability must be in [0, 1]");
        if (MinSnrDb > MaxSnrDb) throw new ArgumentException("augmentation: the lowest SNR exceeds the highest");
        if (!(MinSpeed >= 0.5 && MinSpeed <= MaxSpeed && MaxSpeed <= 2))
            throw new ArgumentException($"augmentation: speed factors must satisfy 0.5 ≤ min ≤ max ≤ 2 (got {MinSpeed}, {MaxSpeed})");
        CorruptionsOrNone.Validated();
        return this;
    }

    /// <summary>One line for people: "shift ±100 ms, noise on 50% at 10–30 dB SNR", then speed and the corruptions in force.</summary>
    public string Describe() =>
        FormattableString.Invariant($"shift ±{MaxShiftMs:0} ms, noise on {NoiseProbability:P0} at {MinSnrDb:0}–{MaxSnrDb:0} dB SNR")
        + (PerturbsSpeed ? FormattableString.Invariant($", speed ×{MinSpeed:0.##}–{MaxSpeed:0.##}") : "")
        + (CorruptionsOrNone.AnyOn ? ", " + CorruptionsOrNone.Describe() : "");

    /// <summary><see cref="Describe()"/> of <paramref name="augmentation"/>, or "none".</summary>
    public static string Describe(AugmentationSettings? augmentation) => augmentation?.Describe() ?? "none";

    public override string ToString() => Describe();
}
