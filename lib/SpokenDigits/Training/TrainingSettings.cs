namespace SpokenDigits.Training;

/// <summary>One record of optimisation settings, shared by all three models so the comparison is
/// fair. Printed at the start of every run and saved with its results.</summary>
/// <param name="Epochs">Passes over the training part.</param>
/// <param name="BatchSize">Recordings per optimisation step.</param>
/// <param name="LearningRate">Peak AdamW learning rate (cosine-annealed to zero over the epochs).</param>
/// <param name="WeightDecay">AdamW decoupled weight decay.</param>
/// <param name="Seed">Seeds weight initialisation, dropout and batch order, and the split unless
/// <see cref="ExperimentOptions.SplitSeed"/> is set.</param>
/// <param name="ValidationFraction">Share of the training recordings held out for validation.</param>
/// <param name="Threads">Torch intra-op threads; null means one per core (an experiment first leaves out cores other
/// processes keep busy: <see cref="Runtime.TorchThreads"/>, and saves the count it chose).</param>
/// <param name="Remedies">Modality-imbalance remedies for fused models; null means none.</param>
public sealed record TrainingSettings(
    int Epochs = 15,
    int BatchSize = 64,
    double LearningRate = 2e-3,
    double WeightDecay = 1e-4,
    int Seed = 42,
    double ValidationFraction = 0.1,
    int? Threads = null,
    FusionRemedies? Remedies = null)
{
    /// <summary>Waveform augmentation of training batches, every model alike; null means none. On by default with the
    /// real-world recipe (<see cref="AugmentationSettings.RealWorld"/>), which lifted accuracy on other people's recordings
    /// from about 65 % to about 80 % (README, <c>results/realworld-ablation</c>).</summary>
    public AugmentationSettings? Augmentation { get; init; } = AugmentationSettings.RealWorld;

    /// <summary>Epochs of reconstruction pre-training for the MFCC autoencoder models, before their classifier is trained
    /// for <see cref="Epochs"/> epochs on the frozen codes (<see cref="Models.IAutoencoderModel"/>); other models ignore it.</summary>
    public int PretrainEpochs { get; init; } = 10;

    public FusionRemedies RemediesOrNone => Remedies ?? FusionRemedies.None;

    public int EffectiveThreads => Threads ?? Environment.ProcessorCount;

    /// <summary>One line for people: the optimisation loop ("15 epochs, batch 64, AdamW ..."). Augmentation and remedies have
    /// lines of their own (<see cref="SettingsText"/>).</summary>
    public string Describe() =>
        FormattableString.Invariant($"{Epochs} epoch{(Epochs == 1 ? "" : "s")}, batch {BatchSize}, AdamW at peak lr {LearningRate} (cosine to 0), weight decay {WeightDecay}; ") +
        FormattableString.Invariant($"seed {Seed}; validation {ValidationFraction:P0} of the training recordings; ") +
        (Threads is int t ? FormattableString.Invariant($"{t} torch thread{(t == 1 ? "" : "s")}") : "torch threads: one per free core");

    public override string ToString() =>
        Describe() + "; augmentation " + AugmentationSettings.Describe(Augmentation) + "; remedies " + RemediesOrNone.Describe();

    public TrainingSettings Validated()
    {
        if (Epochs < 1) throw new ArgumentException("epochs must be at least 1");
        if (BatchSize < 1) throw new ArgumentException("batch size must be at least 1");
        if (!(LearningRate > 0) || double.IsInfinity(LearningRate)) throw new ArgumentException("learning rate must be a positive number");
        if (WeightDecay < 0) throw new ArgumentException("weight decay cannot be negative");
        if (ValidationFraction <= 0 || ValidationFraction >= 0.5) throw new ArgumentException("validation fraction must be in (0, 0.5)");
        if (PretrainEpochs < 0) throw new ArgumentException("pre-training epochs cannot be negative");
        if (Threads is < 1) throw new ArgumentException("threads must be at least 1");
        Augmentation?.Validated();
        Remedies?.Validated();
        return this;
    }
}
