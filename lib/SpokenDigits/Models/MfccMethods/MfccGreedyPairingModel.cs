using SpokenDigits.Features;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace SpokenDigits.Models.MfccMethods;

/// <summary>The assignment's method C, greedy pairing: a <see cref="PairAutoencoder"/> compresses adjacent frames, and
/// the pair it reconstructs best is replaced by its code, level after level, until one frame-sized vector is left
/// (<see cref="GreedyPairing"/>) → <see cref="ClassifierHead"/>.</summary>
public sealed class MfccGreedyPairingModel : AutoencoderModel
{
    readonly MfccFrontEnd mfcc;
    readonly PairAutoencoder autoencoder;
    readonly ClassifierHead head;

    public MfccGreedyPairingModel(MfccSettings settings, int classes = 10, int sampleRate = 8000, int clipSamples = 8000)
        : base(nameof(MfccGreedyPairingModel))
    {
        mfcc = new MfccFrontEnd(settings, sampleRate, clipSamples);
        autoencoder = new PairAutoencoder(mfcc.FrameSize);
        head = new ClassifierHead(mfcc.FrameSize, classes);
        RegisterComponents();
    }

    protected override MfccFrontEnd Front => mfcc;
    protected override TorchSharp.torch.nn.Module Autoencoder => autoencoder;
    protected override ClassifierHead Head => head;

    protected override Tensor Encode(Tensor frames, Tensor rawClips) =>
        GreedyPairing.Reduce(frames.transpose(1, 2), autoencoder.CodesAndErrors, speech: mfcc.SpeechFrames(rawClips)).Vector;           // (B, frames, C) → (B, C)

    /// <summary>The mean reconstruction error of every candidate pair at every level, each level detached: the
    /// autoencoder learns the pairs the greedy reduction presents to it, codes of earlier merges included.</summary>
    protected override Tensor Reconstruction(Tensor frames, Tensor rawClips) =>
        GreedyPairing.Reduce(frames.transpose(1, 2), autoencoder.CodesAndErrors, detachEachLevel: true, speech: mfcc.SpeechFrames(rawClips)).MeanError;

    /// <summary>The mean reconstruction error of the adjacent pairs of the word's frames, the first level of the
    /// reduction (the deeper levels compress codes of codes, whose scale the pre-training itself changes).</summary>
    public Tensor AdjacentPairError(Tensor rawClips)
    {
        var frames = Front.forward(rawClips).transpose(1, 2);                              // (B, L, C)
        long n = frames.shape[1];
        var pairs = cat(new[] { frames.narrow(1, 0, n - 1), frames.narrow(1, 1, n - 1) }, 2);   // (B, L−1, 2C)
        var (_, errors) = autoencoder.CodesAndErrors(pairs);                               // (B, L−1)
        var speech = mfcc.SpeechFrames(rawClips);                                          // (B, L)
        var both = speech.narrow(1, 0, n - 1).logical_and(speech.narrow(1, 1, n - 1)).to(errors.dtype);   // (B, L−1)
        return (errors * both).sum() / both.sum().clamp_min(1);
    }

    /// <summary>The positions merged at each level for a batch of clips, e.g. to see which parts of a word go first.</summary>
    public IReadOnlyList<long[]> MergeOrder(Tensor rawClips)
    {
        using var noGrad = no_grad();
        return GreedyPairing.Reduce(Front.forward(rawClips).transpose(1, 2), autoencoder.CodesAndErrors, speech: mfcc.SpeechFrames(rawClips)).MergedPositions;
    }
}
