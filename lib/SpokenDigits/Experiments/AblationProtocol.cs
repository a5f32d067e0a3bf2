using SpokenDigits.Runtime;
using SpokenDigits.Models;
using SpokenDigits.Runs;
using SpokenDigits.Training;

namespace SpokenDigits.Experiments;

/// <summary>The fusion ablation, built on a report folder: the report's own runs give the two single-branch
/// models and the concat baseline for every seed (and leave-one-speaker-out fold); each further
/// <see cref="AblationVariant"/> trains only its fused model, with the same split, seeds and settings, into
/// <c>variants/&lt;label&gt;/seed-&lt;n&gt;/</c> and <c>variants/&lt;label&gt;/loso/&lt;speaker&gt;/seed-&lt;n&gt;/</c>.
/// Finished runs are read back, so an interrupted ablation continues where it stopped.</summary>
public sealed class AblationProtocol
{
    readonly ExperimentOptions _options;
    readonly TrainingProgress _progress;

    /// <param name="options">The report's options (split, features, training settings, architecture).</param>
    public AblationProtocol(ExperimentOptions options, TrainingProgress? progress = null)
    {
        _options = options;
        _progress = progress ?? TrainingProgress.Silent;
    }

    /// <summary>The options of <paramref name="variant"/>: the fused model alone, with its fusion layer and remedies.</summary>
    public ExperimentOptions OptionsFor(AblationVariant variant) => _options with
    {
        Models = [ModelKind.Fusion],
        Architecture = _options.ArchitectureOrDefault with { Fusion = variant.Fusion },
        Training = _options.TrainingOrDefault with { Remedies = variant.Remedies.Any ? variant.Remedies : null },
    };

    /// <summary>Trains (or reads back) every variant on the official-split seeds, then on the leave-one-speaker-out
    /// folds for <paramref name="losoVariants"/>. The baseline is skipped: the report's runs hold it.</summary>
    public void Run(string command, ReportFolder report, IReadOnlyList<int> seeds, IReadOnlyList<AblationVariant> variants,
        IReadOnlyList<AblationVariant> losoVariants, IReadOnlyList<int> losoSeeds, CancellationToken cancellation = default)
    {
        cancellation = AmbientCancellation.Or(cancellation);
        var toTrain = variants.Where(v => !v.IsBaseline).ToList();
        for (int i = 0; i < toTrain.Count; i++)
        {
            var variant = toTrain[i];
            _progress.Line($"=== Variant {variant.Label} ({i + 1} of {toTrain.Count}), seeds {string.Join(", ", seeds)}");
            new MultiSeedProtocol(OptionsFor(variant), seeds, _progress).Run(command, AblationFolder.Variant(report, variant), cancellation);
        }
        var losoToTrain = losoVariants.Where(v => !v.IsBaseline).ToList();
        for (int i = 0; i < losoToTrain.Count; i++)
        {
            var variant = losoToTrain[i];
            _progress.Line($"=== Variant {variant.Label}, leave one speaker out ({i + 1} of {losoToTrain.Count})");
            new SpeakerIndependentProtocol(OptionsFor(variant), losoSeeds, _progress).Run(command, AblationFolder.Variant(report, variant), cancellation);
        }
    }
}
