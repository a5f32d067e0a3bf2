using SpokenDigits.Data;
using SpokenDigits.Models;
using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn.functional;

namespace SpokenDigits.Training;

/// <summary>The loss of one batch for one model in one stage, with the fusion remedies applied to a
/// fused model: auxiliary-head losses, modality dropout, and the two-stage schedule's stage losses.</summary>
public sealed class TrainingStep
{
    readonly FusionRemedies _remedies;

    public TrainingStep(FusionRemedies remedies) { _remedies = remedies; }

    /// <summary>Loss to minimise and the logits whose accuracy is reported, (B, classes).</summary>
    public (Tensor Loss, Tensor Logits) Compute(DigitClassifier model, Batch batch, TrainingStage stage)
    {
        if (model is not TwoStreamFusionModel fused)
        {
            var logits = model.forward(batch.Raw, batch.Spectrograms);                       // (B, classes)
            return (cross_entropy(logits, batch.Labels), logits);
        }
        bool auxiliary = stage == TrainingStage.Branches || _remedies.AuxiliaryLossWeight > 0;
        var (keepRaw, keepSpec) = stage == TrainingStage.Branches ? (null, null) : ModalityMasks(batch.Size, _remedies.ModalityDropout);
        var outputs = fused.Forward(batch.Raw, batch.Spectrograms, keepRaw, keepSpec, auxiliary);
        if (stage == TrainingStage.Branches)   // branches alone: only their auxiliary heads learn
            return (cross_entropy(outputs.RawLogits!, batch.Labels) + cross_entropy(outputs.SpecLogits!, batch.Labels), outputs.Logits);
        var loss = cross_entropy(outputs.Logits, batch.Labels);
        if (auxiliary && stage != TrainingStage.Head)
        {
            using var weight = _remedies.AuxiliaryLossWeight.ToScalar();   // explicit and disposed after use: see ScalarSafeAdamW
            loss = loss + (cross_entropy(outputs.RawLogits!, batch.Labels) + cross_entropy(outputs.SpecLogits!, batch.Labels)).mul(weight);
        }
        return (loss, outputs.Logits);
    }

    /// <summary>Per-recording keep masks (B, 1): with probability p the raw embedding is dropped, with
    /// probability p (disjointly) the spectrogram embedding; null when modality dropout is off.</summary>
    internal static (Tensor? KeepRaw, Tensor? KeepSpec) ModalityMasks(int batchSize, double p)
    {
        if (p <= 0) return (null, null);
        using Scalar once = p.ToScalar(), twice = (2 * p).ToScalar();   // explicit and disposed after use: see ScalarSafeAdamW
        var u = rand(batchSize, 1);                                  // (B, 1)
        var keepRaw = u.ge(once).to_type(ScalarType.Float32);        // u < p: raw dropped
        var keepSpec = u.lt(once).logical_or(u.ge(twice)).to_type(ScalarType.Float32);   // p ≤ u < 2p: spectrogram dropped
        return (keepRaw, keepSpec);
    }
}
