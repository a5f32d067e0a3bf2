using SpokenDigits.Features;
using static TorchSharp.torch;

namespace SpokenDigits.Models.MfccMethods;

/// <summary>The assignment's baseline: the average MFCC vector of the utterance (C values) → <see cref="ClassifierHead"/>.</summary>
public sealed class MfccAverageModel : DigitClassifier
{
    readonly MfccFrontEnd mfcc;
    readonly ClassifierHead head;

    public MfccAverageModel(MfccSettings settings, int classes = 10, int sampleRate = 8000, int clipSamples = 8000)
        : base(nameof(MfccAverageModel))
    {
        mfcc = new MfccFrontEnd(settings, sampleRate, clipSamples);
        head = new ClassifierHead(mfcc.FrameSize, classes);
        RegisterComponents();
    }

    public override bool ReadsSpectrograms => false;

    public override Tensor forward(Tensor rawClips, Tensor spectrograms)
    {
        var frames = mfcc.forward(rawClips);                     // (B, C, frames)
        return head.forward(frames.mean(new long[] { 2 }));      // (B, C) → (B, classes)
    }
}
