using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace SpokenDigits.Models.Fusion;

/// <summary>Gated multimodal unit (Arevalo et al. 2017): each embedding is projected to h = tanh(W e);
/// a gate z = σ(W_z [e_raw; e_spec]) chooses, per dimension and per recording, how much of h_raw
/// versus h_spec passes: fused = z ⊙ h_raw + (1 − z) ⊙ h_spec. The branch weights read out are the
/// gate's mean over dimensions (raw) and one minus it (spec).</summary>
public sealed class GatedFusion : FusionLayer
{
    readonly Linear rawProjection;
    readonly Linear specProjection;
    readonly Linear gate;
    readonly int _embeddingSize;

    public GatedFusion(int embeddingSize) : base(nameof(GatedFusion))
    {
        rawProjection = Linear(embeddingSize, embeddingSize);
        specProjection = Linear(embeddingSize, embeddingSize);
        gate = Linear(2 * embeddingSize, embeddingSize);
        _embeddingSize = embeddingSize;
        RegisterComponents();
    }

    public override int OutputSize => _embeddingSize;

    public override (Tensor Fused, Tensor? BranchWeights) Fuse(Tensor rawEmbedding, Tensor specEmbedding)
    {
        var hRaw = rawProjection.call(rawEmbedding).tanh();                                       // (B, emb)
        var hSpec = specProjection.call(specEmbedding).tanh();                                    // (B, emb)
        var z = gate.call(cat(new[] { rawEmbedding, specEmbedding }, dim: 1)).sigmoid();         // (B, emb)
        var fused = z * hRaw + (1 - z) * hSpec;                                                  // (B, emb)
        var rawWeight = z.mean(new long[] { 1 }, keepdim: true);                                 // (B, 1)
        return (fused, cat(new[] { rawWeight, 1 - rawWeight }, dim: 1));                         // (B, 2)
    }
}
