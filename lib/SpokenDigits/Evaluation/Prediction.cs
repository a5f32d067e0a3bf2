using System.Text.Json.Serialization;

namespace SpokenDigits.Evaluation;

/// <summary>One model's output for one test recording, enough to recompute every metric.</summary>
public sealed record Prediction(string RecordingId, int Truth, int Predicted, float[] Probabilities)
{
    [JsonIgnore] public bool IsCorrect => Truth == Predicted;
}
