using System.Text.Json.Serialization;
using SpokenDigits.Training;

namespace SpokenDigits.Evaluation;

/// <summary>Everything one model's training and test evaluation produced.</summary>
/// <param name="ModelName">"RawOnlyModel", "SpecOnlyModel" or "TwoStreamFusionModel".</param>
/// <param name="BestEpoch">The epoch whose weights (best validation accuracy) were tested.</param>
/// <param name="Test">Metrics on the test part; null when training failed.</param>
/// <param name="Failure">Why training stopped early (e.g. the loss became NaN); null on success.</param>
/// <param name="Fusion">For a fused model: its fusion layer, remedies and test-time branch diagnostics.</param>
/// <param name="Pretraining">For an MFCC autoencoder model: its reconstruction pre-training, epoch by epoch.</param>
public sealed record ModelResult(
    string ModelName,
    long ParameterCount,
    IReadOnlyList<EpochRecord> History,
    int BestEpoch,
    ClassificationReport? Test,
    IReadOnlyList<Prediction> Predictions,
    string? Failure = null,
    FusionDiagnostics? Fusion = null,
    IReadOnlyList<PretrainingRecord>? Pretraining = null)
{
    [JsonIgnore] public bool Succeeded => Failure is null && Test is not null;

    /// <summary>The record of the epoch whose weights were kept (the best on validation); null when the history lacks it.</summary>
    [JsonIgnore] public EpochRecord? KeptEpoch => History.FirstOrDefault(h => h.Epoch == BestEpoch);
}

/// <summary>What a fused model shows of its two branches on the test recordings.</summary>
/// <param name="FusionKind">"Concat", "Gated" or "Attention".</param>
/// <param name="Remedies">The remedies it was trained with (<see cref="Training.FusionRemedies.Label"/>).</param>
/// <param name="BranchMethod">How a branch was tested alone (<see cref="FusionProbe"/>).</param>
/// <param name="RawAloneAccuracy">Test accuracy of the raw branch alone.</param>
/// <param name="SpecAloneAccuracy">Test accuracy of the spectrogram branch alone.</param>
/// <param name="RawWeights">Per test recording, in the order of the predictions, the raw branch's fusion
/// weight (the spectrogram's is one minus it); null for concat fusion.</param>
public sealed record FusionDiagnostics(
    string FusionKind,
    string Remedies,
    string BranchMethod,
    double RawAloneAccuracy,
    double SpecAloneAccuracy,
    float[]? RawWeights);
