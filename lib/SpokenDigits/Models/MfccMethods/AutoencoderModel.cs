using TorchSharp.Modules;
using static TorchSharp.torch;

namespace SpokenDigits.Models.MfccMethods;

/// <summary>What the three autoencoder methods share: the MFCC front-end, an autoencoder that turns the MFCC sequence
/// into one code, and the <see cref="ClassifierHead"/> on that code. While the autoencoder is frozen (after its
/// pre-training) the code is computed without gradients; only the head learns.</summary>
/// <remarks>The layers are readonly fields of each derived model (RegisterComponents finds a model's own fields only);
/// this base reaches them through the abstract properties.</remarks>
public abstract class AutoencoderModel : DigitClassifier, IAutoencoderModel
{
    bool _frozen;

    protected AutoencoderModel(string name) : base(name) { }

    protected abstract MfccFrontEnd Front { get; }
    protected abstract TorchSharp.torch.nn.Module Autoencoder { get; }
    protected abstract ClassifierHead Head { get; }

    public override bool ReadsSpectrograms => false;

    /// <summary>The utterance's code (B, code) from its standardised MFCC sequence (B, C, frames) (and its clips (B, T),
    /// for a method that needs to know where the word is).</summary>
    protected abstract Tensor Encode(Tensor frames, Tensor rawClips);

    /// <summary>The reconstruction loss of the standardised MFCC sequence (B, C, frames) of the clips (B, T).</summary>
    protected abstract Tensor Reconstruction(Tensor frames, Tensor rawClips);

    public override Tensor forward(Tensor rawClips, Tensor spectrograms)
    {
        var frames = Front.forward(rawClips);         // (B, C, frames)
        Tensor code;
        using (_frozen ? no_grad() : null)
            code = Encode(frames, rawClips);                    // (B, code)
        return Head.forward(code);                    // (B, classes)
    }

    /// <summary>The utterance vectors the head sees, (B, code).</summary>
    public Tensor Codes(Tensor rawClips)
    {
        using var noGrad = no_grad();
        return Encode(Front.forward(rawClips), rawClips);
    }

    public Tensor ReconstructionLoss(Tensor rawClips) => Reconstruction(Front.forward(rawClips), rawClips);

    public IReadOnlyList<Parameter> AutoencoderParameters() => Autoencoder.parameters().ToList();

    public void SetAutoencoderTrainable(bool trainable)
    {
        foreach (var p in Autoencoder.parameters()) p.requires_grad = trainable;
        _frozen = !trainable;
    }
}
