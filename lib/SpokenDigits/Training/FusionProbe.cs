using SpokenDigits.Data;
using SpokenDigits.Models;
using static TorchSharp.torch;

namespace SpokenDigits.Training;

/// <summary>Looks inside a fused model: how each branch classifies on its own, and how much weight
/// the fusion layer gives each branch per recording.</summary>
public static class FusionProbe
{
    public const string AuxiliaryHeads = "auxiliary heads";
    public const string OtherBranchZeroed = "other branch zeroed";

    /// <summary>Accuracy of the raw and of the spectrogram branch alone on the first <paramref name="limit"/>
    /// recordings of <paramref name="data"/> (all when null): through the auxiliary heads, or through the
    /// fused head with the other branch's embedding zeroed.</summary>
    public static (double Raw, double Spec) BranchAccuracy(TwoStreamFusionModel model, FusionDataset data, string method, int? limit = null)
    {
        model.eval();
        using var noGrad = no_grad();
        long rawCorrect = 0, specCorrect = 0, seen = 0;
        foreach (var batch in new BatchLoader(data, 256, shuffle: false, seed: 0).Epoch(0))
        {
            using (batch)
            using (var scope = NewDisposeScope())
            {
                var (rawLogits, specLogits) = BranchLogits(model, batch, method);      // (B, classes) each
                rawCorrect += rawLogits.argmax(1).eq(batch.Labels).sum().item<long>();
                specCorrect += specLogits.argmax(1).eq(batch.Labels).sum().item<long>();
                seen += batch.Size;
            }
            if (limit is int n && seen >= n) break;
        }
        return ((double)rawCorrect / seen, (double)specCorrect / seen);
    }

    /// <summary>Per recording of <paramref name="data"/>, the raw branch's weight in the fusion (its
    /// spectrogram weight is one minus it); null for concat fusion, which has no explicit weights.</summary>
    public static float[]? RawWeights(TwoStreamFusionModel model, FusionDataset data)
    {
        if (model.Fusion == FusionKind.Concat) return null;
        model.eval();
        using var noGrad = no_grad();
        var weights = new List<float>(data.Count);
        foreach (var batch in new BatchLoader(data, 256, shuffle: false, seed: 0).Epoch(0))
        {
            using (batch)
            using (var scope = NewDisposeScope())
            {
                var outputs = model.Forward(batch.Raw, batch.Spectrograms);
                weights.AddRange(outputs.BranchWeights!.select(1, 0).data<float>());     // (B,): raw weight
            }
        }
        return weights.ToArray();
    }

    static (Tensor Raw, Tensor Spec) BranchLogits(TwoStreamFusionModel model, Batch batch, string method)
    {
        if (method == AuxiliaryHeads)
        {
            var outputs = model.Forward(batch.Raw, batch.Spectrograms, auxiliary: true);
            return (outputs.RawLogits!, outputs.SpecLogits!);
        }
        return model.BranchAloneLogits(batch.Raw, batch.Spectrograms);
    }
}
