using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace SpokenDigits.Models;

/// <summary>Convolutional block attention module (Woo et al. 2018, CBAM), (B, C, H, W) → (B, C, H, W): channel
/// attention (average- and max-pooled descriptors through one shared MLP, summed, sigmoid) reweights the channels,
/// then spatial attention (the channel-wise average and max maps through a 7×7 convolution, sigmoid) reweights
/// every frequency × time cell.</summary>
public sealed class Cbam : Module<Tensor, Tensor>
{
    const int Reduction = 8;
    const int SpatialKernel = 7;
    readonly Sequential channelMlp;
    readonly Conv2d spatialConv;

    public Cbam(long channels) : base(nameof(Cbam))
    {
        long hidden = Math.Max(2, channels / Reduction);
        channelMlp = Sequential(Linear(channels, hidden), ReLU(), Linear(hidden, channels));
        spatialConv = Conv2d(2, 1, SpatialKernel, padding: SpatialKernel / 2, bias: false);
        RegisterComponents();
    }

    public override Tensor forward(Tensor x) => Attend(x).Output;

    /// <summary>The attended features with both attentions: channel weights (B, C) and the spatial map (B, 1, H, W), each in (0, 1).</summary>
    public (Tensor Output, Tensor ChannelWeights, Tensor SpatialMap) Attend(Tensor x)
    {
        var average = channelMlp.forward(x.mean(new long[] { 2, 3 }));              // (B, C)
        var maximum = channelMlp.forward(x.amax(new long[] { 2, 3 }));              // (B, C)
        var channelWeights = (average + maximum).sigmoid();                          // (B, C)
        x = x * channelWeights.unsqueeze(-1).unsqueeze(-1);                          // (B, C, H, W)
        var maps = cat(new[] { x.mean(new long[] { 1 }, keepdim: true), x.amax(new long[] { 1 }, keepdim: true) }, 1);   // (B, 2, H, W)
        var spatialMap = spatialConv.forward(maps).sigmoid();                        // (B, 1, H, W)
        return (x * spatialMap, channelWeights, spatialMap);
    }
}
