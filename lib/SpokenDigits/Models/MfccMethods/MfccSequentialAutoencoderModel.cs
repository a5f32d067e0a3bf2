using SpokenDigits.Features;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace SpokenDigits.Models.MfccMethods;

/// <summary>The assignment's method B, sequential compression: a <see cref="PairAutoencoder"/> encodes frames 1 and 2
/// into one frame-sized code, then that code with frame 3, and so on to the word's last frame (the frames of the
/// silence the fixed-length clip puts around the word are skipped, <see cref="MfccFrontEnd.SpeechFrames"/>); the last
/// code is the utterance vector → <see cref="ClassifierHead"/>.</summary>
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

    protected override Tensor Encode(Tensor frames, Tensor rawClips) => Chain(frames, mfcc.SpeechFrames(rawClips), detach: false).Code;

    /// <summary>The mean reconstruction error of every step's pair; each step's input code is detached, so the
    /// autoencoder learns to compress the pairs it is given without back-propagating through the whole chain.</summary>
    protected override Tensor Reconstruction(Tensor frames, Tensor rawClips) => Chain(frames, mfcc.SpeechFrames(rawClips), detach: true).MeanError;

    /// <summary>The chain over each clip's word frames (<paramref name="speech"/>, (B, frames)): a frame outside the word
    /// leaves the code as it was, so the last code is that of the word's last frame, not of the silence after it.</summary>
    (Tensor Code, Tensor MeanError) Chain(Tensor frames, Tensor speech, bool detach)
    {
        var sequence = frames.transpose(1, 2);                   // (B, frames, C)
        var first = speech.@long().argmax(1);                    // (B,) the word's first frame
        var code = sequence.gather(1, first.view(-1, 1, 1).expand(-1, 1, sequence.shape[2])).squeeze(1);   // (B, C)
        var after = arange(sequence.shape[1]).unsqueeze(0) > first.unsqueeze(1);   // (B, frames): frames after the first
        var steps = (speech & after).to(float32);                // (B, frames): 1 where a word frame joins the chain
        Tensor errorSum = zeros(1).squeeze();
        for (long t = 1; t < sequence.shape[1]; t++)
        {
            var take = steps.select(1, t);                                                      // (B,)
            if (take.max().item<float>() == 0) continue;
            var pair = cat(new[] { detach ? code.detach() : code, sequence.select(1, t) }, 1);   // (B, 2C)
            var (next, errors) = autoencoder.CodesAndErrors(pair);                                // (B, C), (B,)
            errorSum = errorSum + (errors * take).sum();
            code = where(take.unsqueeze(1) > 0, next, code);
        }
        return (code, errorSum / steps.sum().clamp_min(1));
    }
}
