using SpokenDigits.Data;
using SpokenDigits.Models;
using static TorchSharp.torch;
using static TorchSharp.torch.nn.functional;

namespace SpokenDigits.Training;

/// <summary>The trainer's look at the validation part after every epoch, in evaluation mode (no dropout, frozen
/// batch-norm, no gradients).</summary>
public static class Validation
{
    /// <summary>Mean cross-entropy and accuracy over <paramref name="data"/>.</summary>
    public static (double Loss, double Accuracy) LossAndAccuracy(DigitClassifier model, FusionDataset data, int batchSize = 256)
    {
        model.eval();
        using var noGrad = no_grad();
        double lossSum = 0;
        long correct = 0;
        foreach (var batch in new BatchLoader(data, batchSize, shuffle: false, seed: 0).Epoch(0))
        {
            using (batch)
            using (var scope = NewDisposeScope())
            {
                var logits = model.forward(batch.Raw, batch.Spectrograms);    // (B, classes)
                lossSum += cross_entropy(logits, batch.Labels).item<float>() * batch.Size;
                correct += logits.argmax(1).eq(batch.Labels).sum().item<long>();
            }
        }
        return (lossSum / data.Count, (double)correct / data.Count);
    }
}
