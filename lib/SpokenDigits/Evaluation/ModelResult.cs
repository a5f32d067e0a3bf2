using System.Text.Json.Serialization;
using SpokenDigits.Training;

namespace SpokenDigits.Evaluation;

/// <summary>Everything one model's training and test evaluation produced.</summary>
/// <param name="ModelName">"RawOnlyModel", "SpecOnlyModel" or "TwoStreamFusionModel".</param>
/// <param name="BestEpoch">The epoch whose weights (best validation accuracy) were tested.</param>
/// <param name="Test">Metrics on the test part; null when training failed.</param>
/// <param name="Failure">Why training stopped early (e.g. the loss became NaN); null on success.</param>
public sealed record ModelResult(
    string ModelName,
    long ParameterCount,
    IReadOnlyList<EpochRecord> History,
    int BestEpoch,
    ClassificationReport? Test,
    IReadOnlyList<Prediction> Predictions,
    string? Failure = null)
{
    [JsonIgnore] public bool Succeeded => Failure is null && Test is not null;
}
