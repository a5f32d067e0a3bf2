using SpokenDigits.Data;
using SpokenDigits.Models;
using static TorchSharp.torch;
using static TorchSharp.torch.nn.functional;

namespace SpokenDigits.Evaluation;

/// <summary>Runs a model in evaluation mode (no dropout, frozen batch-norm, no gradients).</summary>
public static class Evaluator
{
    /// <summary>The digit names used as class labels.</summary>
    public static readonly IReadOnlyList<string> DigitLabels = Enumerable.Range(0, 10).Select(d => d.ToString()).ToArray();

    /// <summary>Every recording's predicted digit and class probabilities.</summary>
    public static IReadOnlyList<Prediction> Predict(DigitClassifier model, FusionDataset data, int batchSize = 256)
    {
        model.eval();
        using var noGrad = no_grad();
        var predictions = new List<Prediction>(data.Count);
        foreach (var batch in new BatchLoader(data, batchSize, shuffle: false, seed: 0).Epoch(0))
        {
            using (batch)
            using (var scope = NewDisposeScope())
            {
                var probabilities = softmax(model.forward(batch.Raw, batch.Spectrograms), 1);   // (B, classes)
                var flat = probabilities.data<float>().ToArray();
                int classes = (int)probabilities.shape[1];
                for (int i = 0; i < batch.Size; i++)
                {
                    var p = flat.AsSpan(i * classes, classes).ToArray();
                    int row = batch.Indices[i];
                    predictions.Add(new Prediction(data.Recordings[row].Id, data.Recordings[row].Digit, ArgMax(p), p, SpeechBounds.Of(data.Speech[row])));
                }
            }
        }
        return predictions;
    }

    /// <summary>Metrics of a list of predictions.</summary>
    public static ClassificationReport Report(IReadOnlyList<Prediction> predictions) =>
        ClassificationReport.From(predictions.Select(p => p.Truth).ToList(), predictions.Select(p => p.Predicted).ToList(), DigitLabels);

    static int ArgMax(float[] values)
    {
        int best = 0;
        for (int i = 1; i < values.Length; i++) if (values[i] > values[best]) best = i;
        return best;
    }
}
