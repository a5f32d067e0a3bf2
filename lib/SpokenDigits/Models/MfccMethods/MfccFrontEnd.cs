using SpokenDigits.Features;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace SpokenDigits.Models.MfccMethods;

/// <summary>What every MFCC model starts with: the clip's MFCC sequence (<see cref="Features.Mfcc"/>, no parameters),
/// each coefficient standardised by a batch norm without learnable scale or shift (batch statistics while training,
/// their running averages, saved with the weights, at test time): (B, T) → (B, C, frames).</summary>
public sealed class MfccFrontEnd : Module<Tensor, Tensor>
{
    readonly Features.Mfcc mfcc;
    readonly BatchNorm1d standardise;

    public MfccFrontEnd(MfccSettings settings, int sampleRate, int clipSamples) : base(nameof(MfccFrontEnd))
    {
        mfcc = new Features.Mfcc(settings, sampleRate);
        standardise = BatchNorm1d(settings.FrameSize, affine: false);
        FrameSize = settings.FrameSize;
        Frames = settings.Frames(clipSamples, sampleRate);
        RegisterComponents();
    }

    /// <summary>Values per frame, C.</summary>
    public int FrameSize { get; }
    /// <summary>Frames of a clip: the sequence is the whole fixed-length clip, the silence around the word included
    /// (the project's stand-in for the assignment's zero padding to the longest utterance).</summary>
    public int Frames { get; }

    public override Tensor forward(Tensor raw)
    {
        using var noGrad = no_grad();
        var cepstra = mfcc.Compute(raw);         // (B, C, frames)
        return standardise.forward(cepstra);     // (B, C, frames), each coefficient standardised
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing) mfcc.Dispose();
        base.Dispose(disposing);
    }
}
