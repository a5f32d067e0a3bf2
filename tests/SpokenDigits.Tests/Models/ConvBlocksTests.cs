using SpokenDigits.Models;
using static TorchSharp.torch;

namespace SpokenDigits.Tests.Models;

/// <summary>The pooling blocks max-pool before their ReLU; that computes exactly what ReLU-then-pool computes.</summary>
public class ConvBlocksTests
{
    static (Tensor Output, Tensor InputGradient, Tensor[] ParameterGradients) Run(nn.Module<Tensor, Tensor> block, Tensor input,
        Func<Tensor, Tensor>? forward = null)
    {
        block.zero_grad();
        var x = input.detach().requires_grad_(true);
        var y = (forward ?? block.call)(x);
        (y * y).sum().backward();
        return (y.detach(), x.grad!.clone(), block.parameters().Select(p => p.grad!.clone()).ToArray());
    }

    static void AssertSame((Tensor Output, Tensor InputGradient, Tensor[] ParameterGradients) a,
        (Tensor Output, Tensor InputGradient, Tensor[] ParameterGradients) b)
    {
        Assert.True(a.Output.SameValues(b.Output));
        Assert.True(a.InputGradient.SameValues(b.InputGradient));
        Assert.All(a.ParameterGradients.Zip(b.ParameterGradients), g => Assert.True(g.First.SameValues(g.Second)));
    }

    [Fact]
    public void TwoDimensionalBlockEqualsReluThenPool()
    {
        manual_seed(8);
        var block = ConvBlocks.Conv2d(3, 8, pool: 2);
        block.train();
        var layers = block.children().Cast<nn.Module<Tensor, Tensor>>().ToArray();   // conv, batch-norm, pool, ReLU
        Assert.IsType<TorchSharp.Modules.MaxPool2d>(layers[2]);
        using var input = randn(4, 3, 16, 21);
        var fast = Run(block, input);
        var reference = Run(block, input, x => layers[2].call(layers[3].call(layers[1].call(layers[0].call(x)))));
        AssertSame(fast, reference);
    }

    [Fact]
    public void OneDimensionalBlockEqualsReluThenPool()
    {
        manual_seed(9);
        var block = ConvBlocks.Conv1d(5, 8, kernel: 3, pool: 2);
        block.train();
        var layers = block.children().Cast<nn.Module<Tensor, Tensor>>().ToArray();
        Assert.IsType<TorchSharp.Modules.MaxPool1d>(layers[2]);
        using var input = randn(4, 5, 33);
        var fast = Run(block, input);
        var reference = Run(block, input, x => layers[2].call(layers[3].call(layers[1].call(layers[0].call(x)))));
        AssertSame(fast, reference);
    }

    [Fact]
    public void ParameterNamesAreThoseOfSavedRuns() =>
        Assert.Equal(new[] { "0.weight", "1.weight", "1.bias", "1.running_mean", "1.running_var", "1.num_batches_tracked" },
            ConvBlocks.Conv2d(1, 16, pool: 2).state_dict().Keys);
}
