using System.Text.Json.Serialization;

namespace SpokenDigits.Evaluation;

/// <summary>One model's output for one test recording, enough to recompute every metric.</summary>
/// <param name="Speech">Where endpointing found the word (seconds in the recording), or "no speech"; null when
/// endpointing was off (runs saved before it existed).</param>
public sealed record Prediction(string RecordingId, int Truth, int Predicted, float[] Probabilities, SpeechBounds? Speech = null)
{
    [JsonIgnore] public bool IsCorrect => Truth == Predicted;
}
