using SpokenDigits.Features;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;
using static TorchSharp.torch.nn.functional;

namespace SpokenDigits.Models.MfccMethods;

/// <summary>The assignment's method A: the whole padded MFCC sequence flattened into one vector (C · frames values)
/// → an MLP autoencoder → <see cref="ClassifierHead"/> on its code.</summary>
public sealed class MfccFlatAutoencoderModel : AutoencoderModel
{
    public const int HiddenSize = 512;
    public const int CodeSize = 128;
    readonly MfccFrontEnd mfcc;
    readonly FlatAutoencoder autoencoder;
    readonly ClassifierHead head;

    public MfccFlatAutoencoderModel(MfccSettings settings, int classes = 10, int sampleRate = 8000, int clipSamples = 8000)
        : base(nameof(MfccFlatAutoencoderModel))
    {
        mfcc = new MfccFrontEnd(settings, sampleRate, clipSamples);
        autoencoder = new FlatAutoencoder(mfcc.FrameSize * mfcc.Frames);
        head = new ClassifierHead(CodeSize, classes);
        RegisterComponents();
    }

    protected override MfccFrontEnd Front => mfcc;
    protected override TorchSharp.torch.nn.Module Autoencoder => autoencoder;
    protected override ClassifierHead Head => head;

    protected override Tensor Encode(Tensor frames, Tensor rawClips) => autoencoder.forward(frames.flatten(1));   // (B, C·frames) → (B, code)

    protected override Tensor Reconstruction(Tensor frames, Tensor rawClips)
    {
        var flat = frames.flatten(1);                                       // (B, C·frames)
        return mse_loss(autoencoder.Decode(autoencoder.forward(flat)), flat);
    }

    /// <summary>(B, n) → code (B, <see cref="CodeSize"/>) → (B, n).</summary>
    sealed class FlatAutoencoder : Module<Tensor, Tensor>
    {
        readonly Sequential encoder;
        readonly Sequential decoder;

        public FlatAutoencoder(int inputSize) : base(nameof(FlatAutoencoder))
        {
            encoder = Sequential(Linear(inputSize, HiddenSize), ReLU(), Linear(HiddenSize, CodeSize));
            decoder = Sequential(Linear(CodeSize, HiddenSize), ReLU(), Linear(HiddenSize, inputSize));
            RegisterComponents();
        }

        public override Tensor forward(Tensor flat) => encoder.forward(flat);   // (B, n) → (B, code)
        public Tensor Decode(Tensor code) => decoder.forward(code);            // (B, code) → (B, n)
    }
}
