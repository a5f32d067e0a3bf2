using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace SpokenDigits.Models.Fusion;

/// <summary>Combines the raw and spectrogram embeddings into one vector for the classifier head.
/// <see cref="Fuse"/> also returns per-recording branch weights (B, 2) = (raw, spec) where the
/// layer has them, so that a reader can see which branch a prediction leaned on.</summary>
public abstract class FusionLayer : Module<Tensor, Tensor, Tensor>
{
    protected FusionLayer(string name) : base(name) { }

    /// <summary>Size of the fused vector.</summary>
    public abstract int OutputSize { get; }

    /// <summary>(B, emb), (B, emb) → fused (B, <see cref="OutputSize"/>) and branch weights (B, 2), or null.</summary>
    public abstract (Tensor Fused, Tensor? BranchWeights) Fuse(Tensor rawEmbedding, Tensor specEmbedding);

    public override Tensor forward(Tensor rawEmbedding, Tensor specEmbedding) => Fuse(rawEmbedding, specEmbedding).Fused;

    public static FusionLayer Create(FusionKind kind, int embeddingSize) => kind switch
    {
        FusionKind.Concat => new ConcatFusion(embeddingSize),
        FusionKind.Gated => new GatedFusion(embeddingSize),
        FusionKind.Attention => new AttentionFusion(embeddingSize),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}
