using SpokenDigits.Models;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace SpokenDigits.Training;

/// <summary>The trainer's AdamW: one parameter group for the whole model, or, for a fused model trained with
/// per-branch learning rates (<see cref="FusionRemedies.BranchRates"/>), three groups (raw branch, spectrogram
/// branch, fusion layer and head) whose rates are the scheduled rate times their own factor.</summary>
public sealed class BranchRateOptimizer : IDisposable
{
    readonly double[] _factors;

    public BranchRateOptimizer(DigitClassifier model, TrainingSettings settings, FusionRemedies remedies)
    {
        if (model is TwoStreamFusionModel fused && remedies.BranchRates)
        {
            var (raw, spec, shared) = fused.ParameterGroups();
            _factors = [remedies.RawRateFactor, remedies.SpecRateFactor, 1];
            Optimizer = optim.AdamW(new[] { raw, spec, shared }.Select((p, i) =>
                new AdamW.ParamGroup(p, lr: settings.LearningRate * _factors[i], weight_decay: settings.WeightDecay)),
                settings.LearningRate, weight_decay: settings.WeightDecay);
        }
        else
        {
            _factors = [1];
            Optimizer = optim.AdamW(model.parameters(), settings.LearningRate, weight_decay: settings.WeightDecay);
        }
    }

    public OptimizerHelper Optimizer { get; }

    /// <summary>Sets every group's rate to <paramref name="rate"/> times the group's factor.</summary>
    public void SetRate(double rate)
    {
        int i = 0;
        foreach (var group in Optimizer.ParamGroups) group.LearningRate = rate * _factors[i++];
    }

    /// <summary>The groups' current rates, in order (raw, spectrogram, shared when split).</summary>
    public IReadOnlyList<double> Rates => Optimizer.ParamGroups.Select(g => g.LearningRate).ToList();

    public void Dispose() => Optimizer.Dispose();
}
