using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace SpokenDigits.Models;

/// <summary>Concat late fusion: the two branch embeddings side by side, (B, 2·emb), into the shared
/// <see cref="ClassifierHead"/>.</summary>
public sealed class FusionHead : Module<Tensor, Tensor, Tensor>
{
    readonly ClassifierHead head;

    public FusionHead(int rawEmbeddingSize, int specEmbeddingSize, int classes) : base(nameof(FusionHead))
    {
        head = new ClassifierHead(rawEmbeddingSize + specEmbeddingSize, classes);
        RegisterComponents();
    }

    public override Tensor forward(Tensor rawEmbedding, Tensor specEmbedding)
    {
        var joint = cat(new[] { rawEmbedding, specEmbedding }, dim: 1);   // (B, 2·emb)
        return head.forward(joint);                                       // (B, classes)
    }
}
