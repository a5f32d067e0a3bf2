using SpokenDigits.Benchmarking;
using SpokenDigits.Models;
using static TorchSharp.torch;

namespace SpokenDigits.Tests.Benchmarking;

public class MultiplyAddsTests
{
    static readonly Tensor Raw = randn(1, 8000);
    static readonly Tensor Spec = randn(1, 1, 64, 101);

    // The classifier head every model ends with: 128 → 128 → 10.
    const long Head = 128 * 128 + 128 * 10;

    [Fact]
    public void SpectrogramModelIsCountedLayerByLayer()
    {
        long convs = 64 * 101 * 16 * 1 * 9       // 1 → 16 at full resolution
                     + 32 * 50 * 32 * 16 * 9     // 16 → 32 after the first pooling
                     + 16 * 25 * 64 * 32 * 9     // 32 → 64
                     + 8 * 12 * 64 * 64 * 9;     // 64 → 64
        long embed = 64 * 2 * 3 * 128;
        using var model = new SpecOnlyModel();
        var macs = MultiplyAdds.Count(model, Raw, Spec);
        Assert.Equal(convs + embed + Head, macs.Forward);
        // Training: forward + weight gradients + input gradients of every layer but the first (its input is the data).
        Assert.Equal(3 * macs.Forward - 64 * 101 * 16 * 9, macs.Training);
    }

    [Fact]
    public void RawModelIsCountedIncludingItsFilterbank()
    {
        long filterbank = 200 * 128 * 201;       // 2·64 Gabor kernels of 201 taps, stride 40 → 200 frames
        long convs = 100 * 128 * 64 * 5 + 100 * 128 * 128 * 3 + 50 * 256 * 128 * 3 + 25 * 256 * 256 * 3;
        long embed = 256 * 4 * 128;
        using var model = new RawOnlyModel();
        var macs = MultiplyAdds.Count(model, Raw, Spec);
        Assert.Equal(filterbank + convs + embed + Head, macs.Forward);
        Assert.Equal(3 * macs.Forward - filterbank, macs.Training);
    }

    [Fact]
    public void FusedModelCountsBothBranchesAndLeavesTheModelAsItWas()
    {
        using var raw = new RawOnlyModel();
        using var spec = new SpecOnlyModel();
        using var fused = new TwoStreamFusionModel();
        fused.train();
        var runningMean = fused.state_dict().First(kv => kv.Key.EndsWith("running_mean")).Value.clone();
        var macs = MultiplyAdds.Count(fused, Raw, Spec);
        long branches = MultiplyAdds.Count(raw, Raw, Spec).Forward + MultiplyAdds.Count(spec, Raw, Spec).Forward - 2 * Head;
        Assert.Equal(branches + 256 * 128 + 128 * 10, macs.Forward);   // concat (256) → head
        Assert.True(fused.training);
        Assert.True(runningMean.SameValues(fused.state_dict().First(kv => kv.Key.EndsWith("running_mean")).Value));
    }

    [Fact]
    public void CountingNeedsOneRecording() =>
        Assert.Throws<ArgumentException>(() => MultiplyAdds.Count(new SpecOnlyModel(), randn(2, 8000), randn(2, 1, 64, 101)));
}
