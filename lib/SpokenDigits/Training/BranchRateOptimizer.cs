using SpokenDigits.Models;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace SpokenDigits.Training;

/// <summary>The trainer's AdamW: one parameter group for the whole model, or, for a fused model trained with
/// per-branch learning rates (<see cref="FusionRemedies.BranchRates"/>), three groups (raw branch, spectrogram
/// branch, fusion layer and head) whose rates are the scheduled rate times their own factor.</summary>
public sealed class BranchRateOptimizer : IDisposable
{
    /// <summary>The moment coefficients of TorchSharp 0.107's <c>torch.optim.AdamW</c> and <see cref="AdamW.ParamGroup"/>
    /// defaults, which every run before <see cref="ScalarSafeAdamW"/> was trained with (tested to the bit).</summary>
    public const double Beta1 = 0.9, Beta2 = 0.999;

    readonly double[] _factors;

    public BranchRateOptimizer(DigitClassifier model, TrainingSettings settings, FusionRemedies remedies)
    {
        if (model is TwoStreamFusionModel fused && remedies.BranchRates)
        {
            var (raw, spec, shared) = fused.ParameterGroups();
            _factors = [remedies.RawRateFactor, remedies.SpecRateFactor, 1];
            Optimizer = new ScalarSafeAdamW(new[] { raw, spec, shared }.Select((p, i) =>
                new AdamW.ParamGroup(p, lr: settings.LearningRate * _factors[i], weight_decay: settings.WeightDecay)),
                settings.LearningRate, Beta1, Beta2, settings.WeightDecay);
        }
        else
        {
            _factors = [1];
            Optimizer = new ScalarSafeAdamW(model.parameters(), settings.LearningRate, Beta1, Beta2, settings.WeightDecay);
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
