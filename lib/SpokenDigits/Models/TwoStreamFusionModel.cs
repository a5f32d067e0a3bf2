using static TorchSharp.torch;

namespace SpokenDigits.Models;

/// <summary>Both branches, fused late: raw and spectrogram embeddings concatenated into
/// <see cref="FusionHead"/>.</summary>
public sealed class TwoStreamFusionModel : DigitClassifier
{
    readonly RawBranch1D raw;
    readonly SpecBranch2D spec;
    readonly FusionHead fusion;

    public TwoStreamFusionModel(int classes = 10, int embeddingSize = 128) : base(nameof(TwoStreamFusionModel))
    {
        raw = new RawBranch1D(embeddingSize);
        spec = new SpecBranch2D(embeddingSize);
        fusion = new FusionHead(embeddingSize, embeddingSize, classes);
        RegisterComponents();
    }

    public override Tensor forward(Tensor rawClips, Tensor spectrograms)
    {
        var rawEmbedding = raw.forward(rawClips);          // (B, emb)
        var specEmbedding = spec.forward(spectrograms);    // (B, emb)
        return fusion.forward(rawEmbedding, specEmbedding); // (B, classes)
    }
}
