using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;
using static TorchSharp.torch.nn.functional;

namespace SpokenDigits.Models.MfccMethods;

/// <summary>Compresses two frame-sized vectors into one: (…, 2C) → code (…, C) → reconstruction (…, 2C). Methods B
/// and C of the assignment are built on it.</summary>
public sealed class PairAutoencoder : Module<Tensor, Tensor>
{
    public const int HiddenSize = 64;
    readonly Sequential encoder;
    readonly Sequential decoder;

    public PairAutoencoder(int frameSize) : base(nameof(PairAutoencoder))
    {
        encoder = Sequential(Linear(2 * frameSize, HiddenSize), ReLU(), Linear(HiddenSize, frameSize));
        decoder = Sequential(Linear(frameSize, HiddenSize), ReLU(), Linear(HiddenSize, 2 * frameSize));
        RegisterComponents();
    }

    /// <summary>(…, 2C) → (…, C).</summary>
    public override Tensor forward(Tensor pairs) => encoder.forward(pairs);

    /// <summary>Codes (…, C) of pairs (…, 2C) and each pair's mean squared reconstruction error (…).</summary>
    public (Tensor Codes, Tensor Errors) CodesAndErrors(Tensor pairs)
    {
        var codes = encoder.forward(pairs);                                          // (…, C)
        var errors = mse_loss(decoder.forward(codes), pairs, Reduction.None).mean(new long[] { -1 });   // (…)
        return (codes, errors);
    }
}
