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
    readonly int window, hop;

    public MfccFrontEnd(MfccSettings settings, int sampleRate, int clipSamples) : base(nameof(MfccFrontEnd))
    {
        mfcc = new Features.Mfcc(settings, sampleRate);
        var logMel = settings.LogMel(sampleRate);
        window = logMel.WindowSamples;
        hop = logMel.HopSamples;
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

    /// <summary>Which frames hold the word, (B, frames) booleans: a frame whose energy (the same window and hop as the
    /// MFCCs, centred) is within <paramref name="rangeDb"/> of the clip's loudest frame. The silence the fixed-length
    /// clip puts around the word is left out (the assignment's sequences ended where the utterance did).</summary>
    public Tensor SpeechFrames(Tensor raw, double rangeDb = SpeechRangeDb)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var padded = functional.pad(raw, new long[] { window / 2, window / 2 });                    // (B, T + window)
        var energy = padded.unfold(1, window, hop).square().mean(new long[] { -1 }).narrow(1, 0, Frames);   // (B, frames)
        var level = 10 * (energy + 1e-12).log10();                                                  // (B, frames) dB
        return (level >= level.amax(new long[] { 1 }, keepdim: true) - rangeDb).MoveToOuterDisposeScope();
    }

    /// <summary>How far below the loudest frame a frame still counts as the word's.</summary>
    public const double SpeechRangeDb = 30;

    protected override void Dispose(bool disposing)
    {
        if (disposing) mfcc.Dispose();
        base.Dispose(disposing);
    }
}
