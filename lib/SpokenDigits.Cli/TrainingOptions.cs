using SpokenDigits.Models;
using SpokenDigits.Training;

namespace SpokenDigits.Cli;

/// <summary>The options every training command shares (<c>train</c>, <c>report</c>, <c>ablation</c>), read the same way.</summary>
public static class TrainingOptions
{
    /// <summary>Usage lines of the options read by <see cref="Settings"/> and <see cref="Architecture"/>
    /// beyond the basic ones (augmentation, remedies, architecture), each line ending in a newline so that
    /// a command's usage text can go on after it.</summary>
    public const string ModelUsage = "\n" + """
          --augment on|off     time-shift and noise augmentation of training batches, every model alike (default on)
          --speed MIN,MAX      also play each training recording at a random speed in [MIN, MAX], e.g. 0.85,1.15
                               (pitch and tempo of other speakers; default off)
          --remedies R         fused-model remedies: none, or aux, moddrop, two-stage, branch-lr joined by '+' (default none)
          --aux-weight X       weight of each auxiliary-head loss when aux is on (default 0.5)
          --modality-dropout X probability of dropping each branch's embedding when moddrop is on (default 0.25)
          --branch-lr RAW,SPEC learning-rate factors of the raw and spectrogram branches when branch-lr is on (default 0.5,2)
          --fusion F           concat | gated | attention (default concat)
          --raw-front-end F    filterbank | strided (default filterbank; strided is the M5-style layer of the first runs)
        """ + "\n";

    /// <summary>--epochs, --batch-size, --lr, --weight-decay, --seed, --validation, --threads; with
    /// <paramref name="quick"/> the epochs default to 2.</summary>
    public static TrainingSettings Settings(CommandLine cl, bool quick)
    {
        var defaults = new TrainingSettings();
        return new TrainingSettings(
            Epochs: cl.Int("epochs") ?? (quick ? 2 : defaults.Epochs),
            BatchSize: cl.Int("batch-size") ?? defaults.BatchSize,
            LearningRate: cl.Double("lr") ?? defaults.LearningRate,
            WeightDecay: cl.Double("weight-decay") ?? defaults.WeightDecay,
            Seed: cl.Int("seed") ?? defaults.Seed,
            ValidationFraction: cl.Double("validation") ?? defaults.ValidationFraction,
            Threads: cl.Int("threads"),
            Remedies: Remedies(cl))
        {
            Augmentation = WithSpeed(ParseAugmentation(cl.Get("augment"), defaults.Augmentation), cl.Get("speed")),
        }.Validated();
    }

    static AugmentationSettings? WithSpeed(AugmentationSettings? augmentation, string? speed)
    {
        if (speed is null) return augmentation;
        if (augmentation is null) throw new UsageException("--speed needs augmentation on (it is off through --augment off)");
        var (min, max) = Parse(speed, text => ParsePair(text, "two speed factors MIN,MAX such as 0.85,1.15"), "--speed");
        try { return augmentation.WithSpeed(min, max).Validated(); }
        catch (ArgumentException e) { throw new UsageException($"--speed: {e.Message}"); }
    }

    /// <summary>--remedies, --aux-weight, --modality-dropout, --branch-lr (null when none).</summary>
    public static FusionRemedies? Remedies(CommandLine cl)
    {
        var remedies = Parse(cl.Get("remedies") ?? "none", FusionRemedies.Parse, "--remedies");
        if (cl.Double("aux-weight") is double w) remedies = remedies with { AuxiliaryLossWeight = remedies.AuxiliaryLossWeight > 0 ? w : 0 };
        if (cl.Double("modality-dropout") is double p) remedies = remedies with { ModalityDropout = remedies.ModalityDropout > 0 ? p : 0 };
        if (cl.Get("branch-lr") is { } factors && remedies.BranchRates)
        {
            var (raw, spec) = Parse(factors, text => ParsePair(text, "two factors RAW,SPEC such as 0.5,2"), "--branch-lr");
            remedies = remedies with { RawRateFactor = raw, SpecRateFactor = spec };
        }
        try { remedies.Validated(); }
        catch (ArgumentException e) { throw new UsageException($"--remedies: {e.Message}"); }
        return remedies.Any ? remedies : null;
    }

    /// <summary>--fusion, --raw-front-end.</summary>
    public static ModelSettings Architecture(CommandLine cl)
    {
        var defaults = new ModelSettings();
        return new ModelSettings(
            RawFrontEnd: cl.Get("raw-front-end") is { } f ? Parse(f, ParseFrontEnd, "--raw-front-end") : defaults.RawFrontEnd,
            Fusion: cl.Get("fusion") is { } k ? Parse(k, ParseFusion, "--fusion") : defaults.Fusion);
    }

    public static FusionKind ParseFusion(string text) => text.Trim().ToLowerInvariant() switch
    {
        "concat" => FusionKind.Concat,
        "gated" or "gate" => FusionKind.Gated,
        "attention" or "weighted" => FusionKind.Attention,
        _ => throw new ArgumentException($"unknown fusion '{text}': use concat, gated or attention"),
    };

    static (double First, double Second) ParsePair(string text, string expected)
    {
        var parts = text.Split(',', StringSplitOptions.TrimEntries);
        if (parts.Length != 2 || !double.TryParse(parts[0], System.Globalization.CultureInfo.InvariantCulture, out var first)
            || !double.TryParse(parts[1], System.Globalization.CultureInfo.InvariantCulture, out var second))
            throw new ArgumentException($"expected {expected}, got '{text}'");
        return (first, second);
    }

    static RawFrontEnd ParseFrontEnd(string text) => text.Trim().ToLowerInvariant() switch
    {
        "filterbank" => RawFrontEnd.Filterbank,
        "strided" or "m5" => RawFrontEnd.StridedConv,
        _ => throw new ArgumentException($"unknown raw front-end '{text}': use filterbank or strided"),
    };

    static AugmentationSettings? ParseAugmentation(string? text, AugmentationSettings? defaults) => text?.Trim().ToLowerInvariant() switch
    {
        null => defaults,
        "on" or "yes" or "true" => defaults ?? new AugmentationSettings(),
        "off" or "no" or "false" or "none" => null,
        _ => throw new UsageException($"--augment expects on or off, got '{text}'"),
    };

    static T Parse<T>(string text, Func<string, T> parse, string option)
    {
        try { return parse(text); }
        catch (ArgumentException e) { throw new UsageException($"{option}: {e.Message}"); }
    }

    /// <summary>--models raw,spec,fusion (null: all three).</summary>
    public static IReadOnlyList<ModelKind>? Models(CommandLine cl) =>
        cl.Get("models") is { } m ? m.Split(',').Select(ModelCatalog.Parse).ToList() : null;
}
