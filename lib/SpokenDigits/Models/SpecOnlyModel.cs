using static TorchSharp.torch;

namespace SpokenDigits.Models;

/// <summary>Log-mel spectrogram only: <see cref="SpecBranch2D"/> → <see cref="ClassifierHead"/>.</summary>
public sealed class SpecOnlyModel : DigitClassifier
{
    readonly SpecBranch2D spec;
    readonly ClassifierHead head;

    public SpecOnlyModel(int classes = 10, int embeddingSize = 128, SpecAttention attention = SpecAttention.None) : base(nameof(SpecOnlyModel))
    {
        spec = new SpecBranch2D(embeddingSize, attention);
        head = new ClassifierHead(embeddingSize, classes);
        RegisterComponents();
    }

    /// <summary>The spectrogram branch, e.g. to read its attention maps.</summary>
    public SpecBranch2D Branch => spec;

    public override Tensor forward(Tensor rawClips, Tensor spectrograms) =>
        head.forward(spec.forward(spectrograms));   // (B, 1, F, T_spec) → (B, emb) → (B, classes)
}
