using SpokenDigits.Models;
using SpokenDigits.Training;
using static TorchSharp.torch;

namespace SpokenDigits.Tests.Training;

public class BranchRateOptimizerTests
{
    [Fact]
    public void BranchRatesSplitTheFusedModelIntoThreeGroupsThatCoverEveryParameterOnce()
    {
        using var model = new TwoStreamFusionModel(settings: new ModelSettings(Fusion: FusionKind.Gated));
        var settings = new TrainingSettings(LearningRate: 0.01);
        using var rates = new BranchRateOptimizer(model, settings, FusionRemedies.Parse("branch-lr"));
        rates.SetRate(0.004);
        Assert.Equal(new[] { 0.002, 0.008, 0.004 }, rates.Rates.Select(r => Math.Round(r, 12)));

        var (raw, spec, shared) = model.ParameterGroups();
        var all = model.parameters().ToList();
        Assert.Equal(all.Count, raw.Count + spec.Count + shared.Count);
        Assert.Equal(all.Count, raw.Concat(spec).Concat(shared).Distinct().Count());
    }

    [Fact]
    public void WithoutBranchRatesOrForASingleBranchModelThereIsOneGroupAtTheScheduledRate()
    {
        using var fused = new TwoStreamFusionModel();
        using var plain = new BranchRateOptimizer(fused, new TrainingSettings(), FusionRemedies.Parse("aux"));
        using var raw = new RawOnlyModel();
        using var single = new BranchRateOptimizer(raw, new TrainingSettings(), FusionRemedies.Parse("branch-lr"));
        plain.SetRate(0.003);
        single.SetRate(0.003);
        Assert.Equal(new[] { 0.003 }, plain.Rates);
        Assert.Equal(new[] { 0.003 }, single.Rates);
    }

    [Fact]
    public void AFirstAdamWStepMovesEachBranchByItsOwnRate()
    {
        // Adam's first update of a weight is lr · g/(|g| + eps) ≈ ±lr, so the largest change per group shows its rate.
        manual_seed(3);
        using var model = new TwoStreamFusionModel();
        using var rates = new BranchRateOptimizer(model, new TrainingSettings(WeightDecay: 0), FusionRemedies.Parse("branch-lr"));
        rates.SetRate(1e-3);
        var (rawParams, specParams, sharedParams) = model.ParameterGroups();
        var before = model.parameters().Select(p => p.detach().clone()).ToList();
        model.train();
        var outputs = model.Forward(randn(4, 8000), randn(4, 1, 64, 101), auxiliary: true);
        var loss = outputs.Logits.sum() + outputs.RawLogits!.sum() + outputs.SpecLogits!.sum();
        rates.Optimizer.zero_grad();
        loss.backward();
        rates.Optimizer.step();
        var moved = model.parameters().Zip(before, (p, b) => (p, Change: (p.detach() - b).abs().max().item<float>())).ToList();
        double Largest(IReadOnlyList<TorchSharp.Modules.Parameter> group) => moved.Where(m => group.Contains(m.p)).Max(m => m.Change);
        Assert.InRange(Largest(rawParams), 0.45e-3, 0.5001e-3);
        Assert.InRange(Largest(specParams), 1.8e-3, 2.0001e-3);
        Assert.InRange(Largest(sharedParams), 0.9e-3, 1.0001e-3);
    }
}
