using SpokenDigits.Models;
using static TorchSharp.torch;

namespace SpokenDigits.Tests.Models;

public class MemoryLayoutTests
{
    [Fact]
    public void OneChannelTensorsOnlyGetChannelsLastStrides()
    {
        using var x = randn(3, 1, 64, 101);
        using var y = MemoryLayout.ChannelsLast(x);
        Assert.Equal(new long[] { 64 * 101, 1, 101, 1 }, y.stride());
        Assert.Equal(x.storage<float>().data_ptr(), y.storage<float>().data_ptr());   // a view: no copy
        Assert.True(x.SameValues(y));
    }

    [Fact]
    public void ManyChannelTensorsAreStoredChannelsLast()
    {
        using var x = randn(2, 16, 8, 5);
        using var y = MemoryLayout.ChannelsLast(x);
        Assert.Equal(new long[] { 8 * 5 * 16, 1, 5 * 16, 16 }, y.stride());
        Assert.True(x.SameValues(y));
    }

    [Fact]
    public void OnlyImageBatchesHaveAChannelsLastLayout() =>
        Assert.Throws<ArgumentException>(() => MemoryLayout.ChannelsLast(randn(2, 16, 8)));

    /// <summary>The spectrogram branch computes channels-last; its layers run one by one on the ordinary NCHW layout
    /// give the same embedding and the same parameter gradients, within float rounding.</summary>
    [Fact]
    public void SpectrogramBranchComputesWhatItsLayersComputeInNchw()
    {
        manual_seed(3);
        using var branch = new SpecBranch2D();
        branch.train();
        using var input = randn(8, 1, 64, 101);
        var layers = branch.named_children().ToDictionary(c => c.name, c => (nn.Module<Tensor, Tensor>)c.module);

        var nchw = layers["embed"].call(layers["pool"].call(layers["blocks"].call(input)).flatten(1));   // (B, emb)
        Assert.True(nchw.is_contiguous());
        nchw.sum().backward();
        var nchwGrads = branch.parameters().Select(p => p.grad!.clone()).ToList();
        branch.zero_grad();

        var fast = branch.forward(input);
        fast.sum().backward();
        Assert.True(fast.allclose(nchw, rtol: 1e-4, atol: 1e-5), $"max difference {(fast - nchw).abs().max().item<float>()}");
        foreach (var (p, expected) in branch.parameters().Zip(nchwGrads))
            Assert.True(p.grad!.allclose(expected, rtol: 1e-3, atol: 1e-4), $"gradient differs by {(p.grad! - expected).abs().max().item<float>()}");
    }
}
