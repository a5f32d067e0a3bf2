using SpokenDigits.Features;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace SpokenDigits.Models.MfccMethods;

/// <summary>The assignment's method B, sequential compression: a <see cref="PairAutoencoder"/> encodes frames 1 and 2
/// into one frame-sized code, then that code with frame 3, and so on to the last frame; the last code is the utterance
/// vector → <see cref="ClassifierHead"/>.</summary>
public sealed class MfccSequentialAutoencoderModel : AutoencoderModel
{
    readonly MfccFrontEnd mfcc;
    readonly PairAutoencoder autoencoder;
    readonly ClassifierHead head;

    public MfccSequentialAutoencoderModel(MfccSettings settings, int classes = 10, int sampleRate = 8000, int clipSamples = 8000)
        : base(nameof(MfccSequentialAutoencoderModel))
    {
        mfcc = new MfccFrontEnd(settings, sampleRate, clipSamples);
        autoencoder = new PairAutoencoder(mfcc.FrameSize);
        head = new ClassifierHead(mfcc.FrameSize, classes);
        RegisterComponents();
    }

    protected override MfccFrontEnd Front => mfcc;
    protected override TorchSharp.torch.nn.Module Autoencoder => autoencoder;
    protected override ClassifierHead Head => head;

    protected override Tensor Encode(Tensor frames) => Chain(frames, detach: false).Code;

    /// <summary>The mean reconstruction error of every step's pair; each step's input code is detached, so the
    /// autoencoder learns to compress the pairs it is given without back-propagating through the whole chain.</summary>
    protected override Tensor Reconstruction(Tensor frames) => Chain(frames, detach: true).MeanError;

    (Tensor Code, Tensor MeanError) Chain(Tensor frames, bool detach)
    {
        var sequence = frames.transpose(1, 2);                   // (B, frames, C)
        var code = sequence.select(1, 0);                        // (B, C)
        Tensor? errorSum = null;
        long steps = sequence.shape[1] - 1;
        for (long t = 1; t <= steps; t++)
        {
            var pair = cat(new[] { detach ? code.detach() : code, sequence.select(1, t) }, 1);   // (B, 2C)
            var (next, errors) = autoencoder.CodesAndErrors(pair);                                // (B, C), (B,)
            errorSum = errorSum is null ? errors.mean() : errorSum + errors.mean();
            code = next;
        }
        return (code, errorSum is null ? zeros(1).squeeze() : errorSum / steps);
    }
}
