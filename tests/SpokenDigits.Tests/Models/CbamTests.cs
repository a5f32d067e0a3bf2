using SpokenDigits.Experiments;
using SpokenDigits.Inference;
using SpokenDigits.Models;
using SpokenDigits.Runs;
using SpokenDigits.Training;
using static TorchSharp.torch;

namespace SpokenDigits.Tests.Models;

public class CbamTests
{
    [Fact]
    public void CbamKeepsTheShapeAndItsAttentionLiesStrictlyBetweenZeroAndOne()
    {
        using var cbam = new Cbam(16);
        using var x = randn(3, 16, 32, 50);
        var (output, channels, spatial) = cbam.Attend(x);
        Assert.Equal(x.shape, output.shape);
        Assert.Equal(new long[] { 3, 16 }, channels.shape);
        Assert.Equal(new long[] { 3, 1, 32, 50 }, spatial.shape);
        foreach (var a in new[] { channels, spatial })
            Assert.True(a.gt(0).all().item<bool>() && a.lt(1).all().item<bool>(), "attention outside (0, 1)");
        // the output is the input reweighted by both attentions, cell by cell
        using var expected = x * channels.unsqueeze(-1).unsqueeze(-1) * spatial;
        Assert.True(output.allclose(expected, rtol: 1e-5, atol: 1e-6));
    }

    [Fact]
    public void TheSpectrogramBranchWithCbamGivesEmbeddingsAndOneMapPerBlock()
    {
        using var plain = new SpecBranch2D(96);
        using var branch = new SpecBranch2D(96, SpecAttention.Cbam);
        using var spec = randn(2, 1, 64, 101);
        using var y = branch.forward(spec);
        Assert.Equal(new long[] { 2, 96 }, y.shape);
        var maps = branch.SpatialAttentionMaps(spec);
        Assert.Equal(new[] { new long[] { 2, 1, 32, 50 }, new long[] { 2, 1, 16, 25 }, new long[] { 2, 1, 8, 12 }, new long[] { 2, 1, 8, 12 } },
            maps.Select(m => m.shape));
        Assert.Empty(plain.SpatialAttentionMaps(spec));
        long cbamParameters = new long[] { 16, 32, 64, 64 }.Sum(c => { using var m = new Cbam(c); return m.parameters().Sum(p => p.numel()); });
        Assert.Equal(plain.parameters().Sum(p => p.numel()) + cbamParameters, branch.parameters().Sum(p => p.numel()));
        // without attention the layers keep the names saved weights of earlier runs have
        Assert.Contains("blocks.3.0.weight", plain.named_parameters().Select(p => p.name));
    }

    [Fact]
    public void CbamIsAvailableInsideTheFusedModel()
    {
        using var model = new TwoStreamFusionModel(settings: new ModelSettings(SpecAttention: SpecAttention.Cbam));
        model.eval();
        using var logits = model.forward(randn(2, 8000), randn(2, 1, 64, 101));
        Assert.Equal(new long[] { 2, 10 }, logits.shape);
        Assert.Equal(SpecAttention.Cbam, model.SpecBranch.Attention);
        Assert.Equal(4, model.SpecBranch.SpatialAttentionMaps(randn(1, 1, 64, 101)).Count);
    }

    [Fact]
    public void ARunSavesTheAttentionSoTheReloadedModelRebuildsIt()
    {
        var options = new ExperimentOptions(
            Models: new[] { ModelKind.Spec },
            Training: new TrainingSettings(Epochs: 1, BatchSize: 32, Seed: 3, Threads: 1) { Augmentation = null },
            Subset: 7, Architecture: new ModelSettings(SpecAttention: SpecAttention.Cbam));
        var output = new RunFolder(Path.Combine(Path.GetTempPath(), "sd-cbam-" + Guid.NewGuid().ToString("N")));
        try
        {
            var run = new Experiment(options).Run("test", output);
            using var reloaded = TrainedRun.Load(output.Path);
            var model = Assert.IsType<SpecOnlyModel>(reloaded.Models.Single().Module);
            Assert.Equal(SpecAttention.Cbam, model.Branch.Attention);
            Assert.Equal(run.Models[0].ParameterCount, model.ParameterCount);
        }
        finally
        {
            if (Directory.Exists(output.Path)) Directory.Delete(output.Path, recursive: true);
        }
    }
}
