using SpokenDigits.Data;
using SpokenDigits.Models;
using SpokenDigits.Training;
using SpokenDigits.Experiments;
using SpokenDigits.Runs;
using static TorchSharp.torch;

namespace SpokenDigits.Tests.Training;

/// <summary>The fusion remedies and diagnostics, on real recordings (a small subset, few epochs).</summary>
public class FusionTrainingTests
{
    [Fact]
    public void ModalityDropoutNeverDropsBothBranchesAndDropsEachAtItsRate()
    {
        manual_seed(21);
        var step = new TrainingStep(new FusionRemedies(ModalityDropout: 0.25));
        using var model = new TwoStreamFusionModel(settings: new ModelSettings(Fusion: FusionKind.Concat));
        var (keepRaw, keepSpec) = TrainingStep.ModalityMasks(100_000, 0.25);
        Assert.Equal(new long[] { 100_000, 1 }, keepRaw!.shape);
        Assert.Equal(0, (keepRaw + keepSpec!).eq(0).sum().item<long>());                       // never both dropped
        Assert.InRange(1 - keepRaw.mean().item<float>(), 0.24, 0.26);
        Assert.InRange(1 - keepSpec.mean().item<float>(), 0.24, 0.26);
        Assert.Equal((null, null), TrainingStep.ModalityMasks(10, 0));
        using var batch = new Batch(randn(8, 8000), randn(8, 1, 64, 101), randint(0, 10, new long[] { 8 }), Enumerable.Range(0, 8).ToArray());
        model.train();
        var (loss, logits) = step.Compute(model, batch, TrainingStage.Joint);
        Assert.True(double.IsFinite(loss.item<float>()));
        Assert.Equal(new long[] { 8, 10 }, logits.shape);
    }

    [Fact]
    public void TwoStageGatedFusionWithAuxiliaryHeadsTrainsAndRecordsItsDiagnostics()
    {
        var options = new ExperimentOptions(
            Models: [ModelKind.Fusion],
            Training: new TrainingSettings(Epochs: 3, BatchSize: 32, Seed: 5, Remedies: FusionRemedies.Parse("two-stage+aux")) { Augmentation = null },
            Architecture: new ModelSettings(Fusion: FusionKind.Gated),
            Subset: 8);
        var output = new RunFolder(Path.Combine(Path.GetTempPath(), "sd-fusion-" + Guid.NewGuid().ToString("N")));
        try
        {
            var run = new Experiment(options).Run("test", output);
            var fused = Assert.Single(run.Models);
            Assert.True(fused.Succeeded, fused.Failure);
            Assert.NotEqual(1, fused.BestEpoch);   // the branches-only epoch cannot be kept: its fused head is untrained
            Assert.All(fused.History, h => Assert.NotNull(h.Branches));
            Assert.Equal(FusionProbe.AuxiliaryHeads, fused.History[0].Branches!.Method);
            var d = fused.Fusion!;
            Assert.Equal("Gated", d.FusionKind);
            Assert.Equal("two-stage+aux", d.Remedies);
            Assert.Equal(fused.Predictions.Count, d.RawWeights!.Length);
            Assert.All(d.RawWeights, w => Assert.InRange(w, 0f, 1f));
            Assert.InRange(d.RawAloneAccuracy, 0, 1);

            // The architecture is saved, and the weights load back into it.
            var loaded = output.Load();
            Assert.Equal(FusionKind.Gated, loaded.ArchitectureOrOriginal.Fusion);
            using var trained = SpokenDigits.Inference.TrainedRun.Load(output.Path);
            Assert.Single(trained.Models);
        }
        finally
        {
            if (Directory.Exists(output.Path)) Directory.Delete(output.Path, recursive: true);
        }
    }

    [Fact]
    public void TheHeadStageLeavesTheBranchesUntouched()
    {
        manual_seed(22);
        using var model = new TwoStreamFusionModel(settings: new ModelSettings(Fusion: FusionKind.Attention));
        var step = new TrainingStep(FusionRemedies.Parse("two-stage"));
        var branchBefore = model.named_parameters().Where(p => p.name.StartsWith("raw.") || p.name.StartsWith("spec."))
            .Select(p => (p.name, p.parameter.clone())).ToList();
        var headBefore = model.named_parameters().First(p => p.name.StartsWith("head.")).parameter.clone();
        using var optimizer = optim.AdamW(model.parameters(), 1e-2);
        model.SetBranchesTrainable(false);
        model.train();
        for (int i = 0; i < 3; i++)
        {
            using var batch = new Batch(randn(8, 8000), randn(8, 1, 64, 101), randint(0, 10, new long[] { 8 }), Enumerable.Range(0, 8).ToArray());
            optimizer.zero_grad();
            step.Compute(model, batch, TrainingStage.Head).Loss.backward();
            optimizer.step();
        }
        model.SetBranchesTrainable(true);
        var now = model.named_parameters().ToDictionary(p => p.name, p => p.parameter);
        foreach (var (name, before) in branchBefore.Where(b => !b.name.Contains("running") && !b.name.Contains("num_batches")))
            Assert.True(before.allclose(now[name], rtol: 0, atol: 0), $"{name} changed during the head stage");
        Assert.False(headBefore.allclose(now.First(p => p.Key.StartsWith("head.")).Value, rtol: 0, atol: 0));
    }
}
