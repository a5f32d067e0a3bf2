using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace SpokenDigits.Models;

/// <summary>1D CNN on the raw waveform, (B, T) → (B, emb). A wide strided first layer acts as a
/// learned filterbank (as in M5, Dai et al. 2017); four pooled blocks then shrink time 256-fold.</summary>
public sealed class RawBranch1D : Module<Tensor, Tensor>
{
    readonly Sequential blocks;
    readonly AdaptiveAvgPool1d pool;
    readonly Sequential embed;

    public RawBranch1D(int embeddingSize = 128) : base(nameof(RawBranch1D))
    {
        blocks = Sequential(
            ConvBlocks.Conv1d(1, 32, kernel: 80, stride: 4, pool: 4),   // T → T/16
            ConvBlocks.Conv1d(32, 64, kernel: 3, pool: 4),              //   → T/64
            ConvBlocks.Conv1d(64, 128, kernel: 3, pool: 4),             //   → T/256
            ConvBlocks.Conv1d(128, 128, kernel: 3));
        pool = AdaptiveAvgPool1d(4);
        embed = Sequential(Linear(128 * 4, embeddingSize), ReLU());
        EmbeddingSize = embeddingSize;
        RegisterComponents();
    }

    public int EmbeddingSize { get; }

    public override Tensor forward(Tensor raw)
    {
        var x = raw.unsqueeze(1);               // (B, 1, T)
        x = blocks.forward(x);                  // (B, 128, ≈T/256)
        x = pool.forward(x).flatten(1);         // (B, 128·4): coarse time layout kept
        return embed.forward(x);                // (B, emb)
    }
}
