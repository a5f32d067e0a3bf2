using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace SpokenDigits.Models;

/// <summary>1D CNN on the raw waveform, (B, T) → (B, emb). Two front-ends (see <see cref="RawFrontEnd"/>):
/// a learnable Gabor filterbank followed by 1D conv blocks over time (the default), or the M5-style
/// wide strided first layer (Dai et al. 2017) of the first runs. Both end in a coarse 4-step time
/// pooling and one linear layer.</summary>
public sealed class RawBranch1D : Module<Tensor, Tensor>
{
    const int FilterbankBands = 64;
    readonly Module<Tensor, Tensor> frontEnd;
    readonly Sequential blocks;
    readonly AdaptiveAvgPool1d pool;
    readonly Sequential embed;

    public RawBranch1D(int embeddingSize = 128, RawFrontEnd frontEndKind = RawFrontEnd.Filterbank, int sampleRate = 8000)
        : base(nameof(RawBranch1D))
    {
        long channels;
        (frontEnd, blocks, channels) = frontEndKind switch
        {
            RawFrontEnd.Filterbank => (new LearnableFilterbank(FilterbankBands, sampleRate), Sequential(
                ConvBlocks.Conv1d(FilterbankBands, 128, kernel: 5),        // (64, frames) → (128, frames)
                ConvBlocks.Conv1d(128, 128, kernel: 3, pool: 2),           //              → frames/2
                ConvBlocks.Conv1d(128, 256, kernel: 3, pool: 2),           //              → frames/4
                ConvBlocks.Conv1d(256, 256, kernel: 3)), 256L),
            RawFrontEnd.StridedConv => ((Module<Tensor, Tensor>)new AddChannel(), Sequential(
                ConvBlocks.Conv1d(1, 32, kernel: 80, stride: 4, pool: 4),  // T → T/16
                ConvBlocks.Conv1d(32, 64, kernel: 3, pool: 4),             //   → T/64
                ConvBlocks.Conv1d(64, 128, kernel: 3, pool: 4),            //   → T/256
                ConvBlocks.Conv1d(128, 128, kernel: 3)), 128L),
            _ => throw new ArgumentOutOfRangeException(nameof(frontEndKind), frontEndKind, null),
        };
        pool = AdaptiveAvgPool1d(4);
        embed = Sequential(Linear(channels * 4, embeddingSize), ReLU());
        EmbeddingSize = embeddingSize;
        RegisterComponents();
    }

    public int EmbeddingSize { get; }

    public override Tensor forward(Tensor raw)
    {
        var x = frontEnd.forward(raw);          // (B, C₀, T₀): filterbank (B, 64, T/80) or waveform (B, 1, T)
        x = blocks.forward(x);                  // (B, C, T')
        x = pool.forward(x).flatten(1);         // (B, C·4): coarse time layout kept
        return embed.forward(x);                // (B, emb)
    }

    /// <summary>(B, T) → (B, 1, T): the waveform as a one-channel signal.</summary>
    sealed class AddChannel : Module<Tensor, Tensor>
    {
        public AddChannel() : base(nameof(AddChannel)) { }
        public override Tensor forward(Tensor raw) => raw.unsqueeze(1);
    }
}
