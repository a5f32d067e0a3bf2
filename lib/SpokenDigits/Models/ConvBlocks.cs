using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace SpokenDigits.Models;

/// <summary>The conv → batch-norm → ReLU (→ max-pool) blocks both branches are made of. Where a block pools,
/// the max-pool runs before the ReLU: max and ReLU commute exactly (ReLU never reorders values), so the block
/// computes the same values and gradients, with the ReLU on a quarter (2D) or half (1D) of the elements.
/// Neither layer has parameters, so saved weights keep their names.</summary>
internal static class ConvBlocks
{
    public static Sequential Conv1d(long inChannels, long outChannels, long kernel, long stride = 1, long pool = 1) =>
        pool > 1
            ? Sequential(nn.Conv1d(inChannels, outChannels, kernel, stride: stride, padding: kernel / 2, bias: false),
                         BatchNorm1d(outChannels), MaxPool1d(pool), ReLU())
            : Sequential(nn.Conv1d(inChannels, outChannels, kernel, stride: stride, padding: kernel / 2, bias: false),
                         BatchNorm1d(outChannels), ReLU());

    public static Sequential Conv2d(long inChannels, long outChannels, long pool = 1) =>
        pool > 1
            ? Sequential(nn.Conv2d(inChannels, outChannels, 3, padding: 1, bias: false),
                         BatchNorm2d(outChannels), MaxPool2d(pool), ReLU())
            : Sequential(nn.Conv2d(inChannels, outChannels, 3, padding: 1, bias: false),
                         BatchNorm2d(outChannels), ReLU());
}
