using System.CommandLine;
using System.Globalization;
using SpokenDigits.Models;
using SpokenDigits.Training;

namespace SpokenDigits.Cli;

/// <summary>The options every training command shares (<c>train</c>, <c>report</c>; <c>ablation</c> takes
/// <c>--threads</c>), each defined once with its description; the defaults shown in <c>--help</c> are read from the
/// settings records themselves (<see cref="TrainingSettings"/>, <see cref="FusionRemedies"/>,
/// <see cref="ModelSettings"/>), so a changed default changes the help with it.</summary>
/// <remarks>Only primitive option types, and library types only inside lambdas: building the command tree must not
/// load the SpokenDigits library (see <see cref="OptionValues.CheckedBy{T}"/>).</remarks>
public sealed class TrainingOptions
{
    /// <summary>The epochs of <c>--quick</c> unless <c>--epochs</c> is given.</summary>
    public const int QuickEpochs = 2;

    public Option<int> Epochs { get; } = new("--epochs")
    {
        HelpName = "N", Description = $"passes over the training part (--quick: {QuickEpochs})",
        DefaultValueFactory = _ => new TrainingSettings().Epochs,
    };

    public Option<int> BatchSize { get; } = new("--batch-size")
    {
        HelpName = "N", Description = "recordings per optimisation step", DefaultValueFactory = _ => new TrainingSettings().BatchSize,
    };

    public Option<double> LearningRate { get; } = new("--lr")
    {
        HelpName = "X", Description = "peak AdamW learning rate (cosine-annealed to zero)", DefaultValueFactory = _ => new TrainingSettings().LearningRate,
    };

    public Option<double> WeightDecay { get; } = new("--weight-decay")
    {
        HelpName = "X", Description = "AdamW decoupled weight decay", DefaultValueFactory = _ => new TrainingSettings().WeightDecay,
    };

    public Option<int> Seed { get; } = new("--seed")
    {
        HelpName = "N", Description = "seed of weight initialisation, dropout, batch order (and the split unless --split-seed)",
        DefaultValueFactory = _ => new TrainingSettings().Seed,
    };

    public Option<double> Validation { get; } = new("--validation")
    {
        HelpName = "X", Description = "share of the training recordings held out for validation",
        DefaultValueFactory = _ => new TrainingSettings().ValidationFraction,
    };

    public Option<int?> Threads { get; } = CreateThreads();

    public Option<string> Augment { get; } = new Option<string>("--augment")
    {
        HelpName = "on|off", Description = "time-shift and noise augmentation of training batches, every model alike",
        DefaultValueFactory = _ => new TrainingSettings().Augmentation is null ? "off" : "on",
    }.CheckedBy(text => ParseSwitch(text)).Completing("on", "off");

    public Option<string> Speed { get; } = new Option<string>("--speed")
    {
        HelpName = "MIN,MAX",
        Description = "also play each training recording at a random speed in [MIN, MAX], e.g. 0.85,1.15 (pitch and tempo of other speakers)",
        DefaultValueFactory = _ => SpeedLabel(new TrainingSettings().Augmentation),
    }.CheckedBy(text => ParseSpeed(text));

    public Option<string> Corrupt { get; } = new Option<string>("--corrupt")
    {
        HelpName = "PARTS",
        Description = "real-world corruptions of training recordings, every model alike: none, all, or parts joined by '+' ("
                      + CorruptionSettings.PartList + "), each optionally PART:PROBABILITY"
                      + FormattableString.Invariant($" (default probability {CorruptionSettings.DefaultPartProbability})"),
        DefaultValueFactory = _ => new TrainingSettings().Augmentation?.CorruptionsOrNone.Label ?? "none",
    }.CheckedBy(text => CorruptionSettings.Parse(text)).Completing(["none", "all", .. CorruptionSettings.PartList.Split(", ")]);

    public Option<string> Remedies { get; } = new Option<string>("--remedies")
    {
        HelpName = "R", Description = "fused-model remedies: none, or aux, moddrop, two-stage, branch-lr joined by '+'",
        DefaultValueFactory = _ => new TrainingSettings().RemediesOrNone.Label,
    }.CheckedBy(text => FusionRemedies.Parse(text)).Completing("none", "aux", "moddrop", "two-stage", "branch-lr");

    public Option<double> AuxWeight { get; } = new("--aux-weight")
    {
        HelpName = "X", Description = "weight of each auxiliary-head loss when aux is on",
        DefaultValueFactory = _ => FusionRemedies.Parse("aux").AuxiliaryLossWeight,
    };

    public Option<double> ModalityDropout { get; } = new("--modality-dropout")
    {
        HelpName = "X", Description = "probability of dropping each branch's embedding when moddrop is on",
        DefaultValueFactory = _ => FusionRemedies.Parse("moddrop").ModalityDropout,
    };

    public Option<string> BranchRates { get; } = new Option<string>("--branch-lr")
    {
        HelpName = "RAW,SPEC", Description = "learning-rate factors of the raw and spectrogram branches when branch-lr is on",
        DefaultValueFactory = _ => BranchRatesLabel(FusionRemedies.Parse("branch-lr")),
    }.CheckedBy(text => ParsePair(text, "two factors RAW,SPEC such as 0.5,2"));

    public Option<string> Fusion { get; } = new Option<string>("--fusion")
    {
        HelpName = "F", Description = "concat | gated | attention", DefaultValueFactory = _ => FusionLabel(new ModelSettings().Fusion),
    }.CheckedBy(text => ParseFusion(text)).Completing("concat", "gated", "attention");

    public Option<string> FrontEnd { get; } = new Option<string>("--raw-front-end")
    {
        HelpName = "F", Description = "filterbank | strided (strided is the M5-style layer of the first runs)",
        DefaultValueFactory = _ => FrontEndLabel(new ModelSettings().RawFrontEnd),
    }.CheckedBy(text => ParseFrontEnd(text)).Completing("filterbank", "strided");

    public Option<string> SpecAttentionChoice { get; } = new Option<string>("--spec-attention")
    {
        HelpName = "A", Description = "none | cbam (a CBAM after each conv block of the spectrogram branch, alone and fused)",
        DefaultValueFactory = _ => new ModelSettings().SpecAttention.ToString().ToLowerInvariant(),
    }.CheckedBy(text => ParseSpecAttention(text)).Completing("none", "cbam");

    public Option<string> MfccDeltas { get; } = new Option<string>("--mfcc-deltas")
    {
        HelpName = "on|off", Description = "MFCC models: append Δ and ΔΔ to the 13 coefficients of every frame",
        DefaultValueFactory = _ => new ModelSettings().MfccOrDefault.Deltas ? "on" : "off",
    }.CheckedBy(text => ParseSwitch(text)).Completing("on", "off");

    public Option<int> PretrainEpochs { get; } = new("--pretrain-epochs")
    {
        HelpName = "N", Description = "MFCC autoencoder models: reconstruction pre-training epochs before the classifier is trained",
        DefaultValueFactory = _ => new TrainingSettings().PretrainEpochs,
    };

    public Option<string?> ModelChoice { get; } = new Option<string?>("--models")
    {
        HelpName = "M", Description = "comma list of raw, spec, fusion (default all three), or the MFCC models mfcc-average, mfcc-flat-ae, mfcc-sequential-ae, mfcc-greedy-ae",
    }.CheckedBy(text => ParseModels(text)).Completing("raw", "spec", "fusion", "raw,spec,fusion", "mfcc-average,mfcc-flat-ae,mfcc-sequential-ae,mfcc-greedy-ae");

    /// <summary><c>--threads</c>, also for commands that take no other training option.</summary>
    public static Option<int?> CreateThreads() => new("--threads")
    {
        HelpName = "N",
        Description = "torch threads (default: one per core that no other process keeps busy at the start; the count chosen is saved with the run)",
    };

    /// <summary>Adds the options to <paramref name="command"/>, in the order of its help.</summary>
    public void AddTo(Command command)
    {
        foreach (var option in new Option[]
                 {
                     ModelChoice, Epochs, BatchSize, LearningRate, WeightDecay, Seed, Validation, Threads,
                     Augment, Speed, Corrupt, Remedies, AuxWeight, ModalityDropout, BranchRates, Fusion, FrontEnd, SpecAttentionChoice,
                     MfccDeltas, PretrainEpochs,
                 })
            command.Options.Add(option);
    }

    /// <summary>--epochs, --batch-size, --lr, --weight-decay, --seed, --validation, --threads, the augmentation and the
    /// remedies; with <paramref name="quick"/> the epochs default to <see cref="QuickEpochs"/>.</summary>
    public TrainingSettings Settings(ParseResult parse, bool quick)
    {
        var defaults = new TrainingSettings();
        var settings = new TrainingSettings(
            Epochs: quick && !parse.WasGiven(Epochs) ? QuickEpochs : parse.GetValue(Epochs),
            BatchSize: parse.GetValue(BatchSize),
            LearningRate: parse.GetValue(LearningRate),
            WeightDecay: parse.GetValue(WeightDecay),
            Seed: parse.GetValue(Seed),
            ValidationFraction: parse.GetValue(Validation),
            Threads: parse.GetValue(Threads),
            Remedies: RemediesOf(parse))
        {
            Augmentation = Augmentation(parse, defaults.Augmentation),
            PretrainEpochs = parse.GetValue(PretrainEpochs),
        };
        OptionValues.Bind("training settings", settings.Validated);
        // the two-stage remedy's own check of the epochs, before any data is read
        OptionValues.Bind("--remedies", () => new TrainingSchedule(settings.Epochs, settings.LearningRate, settings.RemediesOrNone.TwoStage));
        return settings;
    }

    AugmentationSettings? Augmentation(ParseResult parse, AugmentationSettings? defaults)
    {
        var augmentation = ParseSwitch(parse.GetValue(Augment)!) ? defaults ?? new AugmentationSettings() : null;
        if (parse.WasGiven(Corrupt))
        {
            var corruptions = CorruptionSettings.Parse(parse.GetValue(Corrupt)!);
            if (augmentation is null)
                return corruptions.AnyOn ? throw new UsageException("--corrupt needs augmentation on (it is off through --augment off)") : null;
            augmentation = augmentation with { Corruptions = corruptions.AnyOn ? corruptions : null };
        }
        if (!parse.WasGiven(Speed)) return augmentation;
        var (min, max) = ParseSpeed(parse.GetValue(Speed)!);
        if (augmentation is null) throw new UsageException("--speed needs augmentation on (it is off through --augment off)");
        return OptionValues.Bind("--speed", () => augmentation.WithSpeed(min, max).Validated());
    }

    /// <summary>--remedies, --aux-weight, --modality-dropout, --branch-lr (null when none).</summary>
    FusionRemedies? RemediesOf(ParseResult parse)
    {
        var remedies = FusionRemedies.Parse(parse.GetValue(Remedies)!);
        if (parse.WasGiven(AuxWeight))
            remedies = remedies with { AuxiliaryLossWeight = remedies.AuxiliaryLossWeight > 0 ? parse.GetValue(AuxWeight) : 0 };
        if (parse.WasGiven(ModalityDropout))
            remedies = remedies with { ModalityDropout = remedies.ModalityDropout > 0 ? parse.GetValue(ModalityDropout) : 0 };
        if (parse.WasGiven(BranchRates) && remedies.BranchRates)
        {
            var (raw, spec) = ParsePair(parse.GetValue(BranchRates)!, "two factors RAW,SPEC such as 0.5,2");
            remedies = remedies with { RawRateFactor = raw, SpecRateFactor = spec };
        }
        OptionValues.Bind("--remedies", remedies.Validated);
        return remedies.Any ? remedies : null;
    }

    /// <summary>--fusion, --raw-front-end, --spec-attention, --mfcc-deltas (MFCC settings stay null, the defaults, unless changed).</summary>
    public ModelSettings Architecture(ParseResult parse)
    {
        var mfcc = new ModelSettings().MfccOrDefault with { Deltas = ParseSwitch(parse.GetValue(MfccDeltas)!) };
        return new(RawFrontEnd: ParseFrontEnd(parse.GetValue(FrontEnd)!), Fusion: ParseFusion(parse.GetValue(Fusion)!),
            SpecAttention: ParseSpecAttention(parse.GetValue(SpecAttentionChoice)!), Mfcc: mfcc == new ModelSettings().MfccOrDefault ? null : mfcc);
    }

    static SpecAttention ParseSpecAttention(string text) => text.Trim().ToLowerInvariant() switch
    {
        "none" or "off" => SpecAttention.None,
        "cbam" => SpecAttention.Cbam,
        _ => throw new ArgumentException($"unknown spectrogram attention '{text}': use none or cbam"),
    };

    /// <summary>--models raw,spec,fusion (null: all three).</summary>
    public IReadOnlyList<ModelKind>? ModelKinds(ParseResult parse) =>
        parse.GetValue(ModelChoice) is { } m ? ParseModels(m) : null;

    public static FusionKind ParseFusion(string text) => text.Trim().ToLowerInvariant() switch
    {
        "concat" => FusionKind.Concat,
        "gated" or "gate" => FusionKind.Gated,
        "attention" or "weighted" => FusionKind.Attention,
        _ => throw new ArgumentException($"unknown fusion '{text}': use concat, gated or attention"),
    };

    static string FusionLabel(FusionKind fusion) => fusion.ToString().ToLowerInvariant();

    static RawFrontEnd ParseFrontEnd(string text) => text.Trim().ToLowerInvariant() switch
    {
        "filterbank" => RawFrontEnd.Filterbank,
        "strided" or "m5" => RawFrontEnd.StridedConv,
        _ => throw new ArgumentException($"unknown raw front-end '{text}': use filterbank or strided"),
    };

    static string FrontEndLabel(RawFrontEnd frontEnd) => frontEnd == RawFrontEnd.StridedConv ? "strided" : frontEnd.ToString().ToLowerInvariant();

    static List<ModelKind> ParseModels(string text) => text.Split(',').Select(ModelCatalog.Parse).ToList();

    static bool ParseSwitch(string text) => text.Trim().ToLowerInvariant() switch
    {
        "on" or "yes" or "true" => true,
        "off" or "no" or "false" or "none" => false,
        _ => throw new ArgumentException($"expects on or off, got '{text}'"),
    };

    static (double Min, double Max) ParseSpeed(string text) =>
        text.Trim().ToLowerInvariant() is "off" or "none" ? (1, 1) : ParsePair(text, "two speed factors MIN,MAX such as 0.85,1.15");

    static string SpeedLabel(AugmentationSettings? augmentation) => augmentation is { PerturbsSpeed: true }
        ? string.Create(CultureInfo.InvariantCulture, $"{augmentation.MinSpeed},{augmentation.MaxSpeed}")
        : "off";

    static string BranchRatesLabel(FusionRemedies remedies) =>
        string.Create(CultureInfo.InvariantCulture, $"{remedies.RawRateFactor},{remedies.SpecRateFactor}");

    static (double First, double Second) ParsePair(string text, string expected)
    {
        var parts = text.Split(',', StringSplitOptions.TrimEntries);
        if (parts.Length != 2 || !double.TryParse(parts[0], CultureInfo.InvariantCulture, out var first)
            || !double.TryParse(parts[1], CultureInfo.InvariantCulture, out var second))
            throw new ArgumentException($"expected {expected}, got '{text}'");
        return (first, second);
    }
}
