using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace SpokenDigits.Models;

/// <summary>2D CNN on the log-mel spectrogram, (B, 1, F, T_spec) → (B, emb): four 3×3 conv blocks,
/// three of them halving both frequency and time, then global average pooling. Computed channels-last
/// (<see cref="MemoryLayout.ChannelsLast"/>): the same mathematics, three times faster on the CPU.</summary>
public sealed class SpecBranch2D : Module<Tensor, Tensor>
{
    readonly Sequential blocks;
    readonly AdaptiveAvgPool2d pool;
    readonly Sequential embed;

    public SpecBranch2D(int embeddingSize = 128) : base(nameof(SpecBranch2D))
    {
        blocks = Sequential(
            ConvBlocks.Conv2d(1, 16, pool: 2),     // (F, T_spec) → (F/2, T_spec/2)
            ConvBlocks.Conv2d(16, 32, pool: 2),    //             → (F/4, T_spec/4)
            ConvBlocks.Conv2d(32, 64, pool: 2),    //             → (F/8, T_spec/8)
            ConvBlocks.Conv2d(64, 64));
        pool = AdaptiveAvgPool2d(new long[] { 2, 3 });
        embed = Sequential(Linear(64 * 2 * 3, embeddingSize), ReLU());
        EmbeddingSize = embeddingSize;
        RegisterComponents();
    }

    public int EmbeddingSize { get; }

    public override Tensor forward(Tensor spectrogram)
    {
        var x = MemoryLayout.ChannelsLast(spectrogram);   // (B, 1, F, T_spec), NHWC strides: fast CPU kernels
        x = blocks.forward(x);                  // (B, 64, F/8, T_spec/8)
        x = pool.forward(x).flatten(1);         // (B, 64·2·3): coarse frequency × time layout kept
        return embed.forward(x);                // (B, emb)
    }
}
