using static TorchSharp.torch;

namespace SpokenDigits.Models;

/// <summary>Raw waveform only: <see cref="RawBranch1D"/> → <see cref="ClassifierHead"/>.</summary>
public sealed class RawOnlyModel : DigitClassifier
{
    readonly RawBranch1D raw;
    readonly ClassifierHead head;

    public RawOnlyModel(int classes = 10, int embeddingSize = 128, RawFrontEnd frontEnd = RawFrontEnd.Filterbank, int sampleRate = 8000)
        : base(nameof(RawOnlyModel))
    {
        raw = new RawBranch1D(embeddingSize, frontEnd, sampleRate);
        head = new ClassifierHead(embeddingSize, classes);
        RegisterComponents();
    }

    public override bool ReadsSpectrograms => false;

    public override Tensor forward(Tensor rawClips, Tensor spectrograms) =>
        head.forward(raw.forward(rawClips));   // (B, T) → (B, emb) → (B, classes)
}
