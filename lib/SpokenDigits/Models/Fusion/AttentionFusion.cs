using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace SpokenDigits.Models.Fusion;

/// <summary>Attention over the two branches: each embedding is projected to h = tanh(W e), scored by
/// s = vᵀ tanh(U h), and the softmax of the two scores weights the sum: fused = α_raw h_raw + α_spec h_spec.
/// The weights (α_raw, α_spec) of every recording are read out as its branch weights.</summary>
public sealed class AttentionFusion : FusionLayer
{
    const int ScoreHidden = 64;
    readonly Linear rawProjection;
    readonly Linear specProjection;
    readonly Sequential score;
    readonly int _embeddingSize;

    public AttentionFusion(int embeddingSize) : base(nameof(AttentionFusion))
    {
        rawProjection = Linear(embeddingSize, embeddingSize);
        specProjection = Linear(embeddingSize, embeddingSize);
        score = Sequential(Linear(embeddingSize, ScoreHidden), Tanh(), Linear(ScoreHidden, 1));
        _embeddingSize = embeddingSize;
        RegisterComponents();
    }

    public override int OutputSize => _embeddingSize;

    public override (Tensor Fused, Tensor? BranchWeights) Fuse(Tensor rawEmbedding, Tensor specEmbedding)
    {
        var h = stack(new[] { rawProjection.call(rawEmbedding).tanh(),
                              specProjection.call(specEmbedding).tanh() }, dim: 1);      // (B, 2, emb)
        var alpha = score.call(h).squeeze(2).softmax(1);                                 // (B, 2)
        var fused = (alpha.unsqueeze(2) * h).sum(1);                                      // (B, emb)
        return (fused, alpha);
    }
}
