using static TorchSharp.torch;

namespace SpokenDigits.Models.Fusion;

/// <summary>Concat late fusion: the two embeddings side by side. No branch weights: the head's
/// first layer decides, implicitly, how much each branch counts.</summary>
public sealed class ConcatFusion : FusionLayer
{
    readonly int _embeddingSize;

    public ConcatFusion(int embeddingSize) : base(nameof(ConcatFusion))
    {
        _embeddingSize = embeddingSize;
        RegisterComponents();
    }

    public override int OutputSize => 2 * _embeddingSize;

    public override (Tensor Fused, Tensor? BranchWeights) Fuse(Tensor rawEmbedding, Tensor specEmbedding) =>
        (cat(new[] { rawEmbedding, specEmbedding }, dim: 1), null);   // (B, 2·emb)
}
