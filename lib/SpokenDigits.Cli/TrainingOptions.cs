using SpokenDigits.Models;
using SpokenDigits.Training;

namespace SpokenDigits.Cli;

/// <summary>The options every training command shares (<c>train</c>, <c>report</c>), read the same way.</summary>
public static class TrainingOptions
{
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
            Threads: cl.Int("threads")).Validated();
    }

    /// <summary>--models raw,spec,fusion (null: all three).</summary>
    public static IReadOnlyList<ModelKind>? Models(CommandLine cl) =>
        cl.Get("models") is { } m ? m.Split(',').Select(ModelCatalog.Parse).ToList() : null;
}
