using TorchSharp;
using static TorchSharp.torch;

namespace SpokenDigits.Tests.Native;

/// <summary>Proves the patched TorchSharp natives load and run: a conv layer forward and backward.</summary>
public class TorchSharpLoadsTests
{
    [Fact]
    public void ConvForwardAndBackwardRun()
    {
        using var scope = NewDisposeScope();
        var conv = nn.Conv1d(1, 4, kernel_size: 5, padding: 2);
        var x = randn(2, 1, 32);
        var y = conv.forward(x);
        Assert.Equal(new long[] { 2, 4, 32 }, y.shape);
        var loss = y.pow(2).mean();
        loss.backward();
        var grad = conv.weight!.grad;
        Assert.NotNull(grad);
        Assert.True(grad!.abs().sum().item<float>() > 0f);
    }
}
