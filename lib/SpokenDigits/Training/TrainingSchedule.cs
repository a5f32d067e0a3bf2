namespace SpokenDigits.Training;

/// <summary>What an epoch trains.</summary>
public enum TrainingStage
{
    /// <summary>Everything, on the fused loss (the normal case, and every single-branch model).</summary>
    Joint,
    /// <summary>Two-stage schedule, first stage: each branch through its own auxiliary head only.</summary>
    Branches,
    /// <summary>Two-stage schedule, second stage: the fusion layer and head, with the branches frozen.</summary>
    Head,
    /// <summary>Two-stage schedule, last stage: everything, on the fused loss, at a lower rate.</summary>
    FineTune,
}

/// <summary>The stage and learning rate of every epoch: one cosine annealing from the peak rate to zero
/// over all epochs, or, with the two-stage remedy, one cosine per stage
/// (<see cref="FusionRemedies.BranchStageShare"/>, <see cref="FusionRemedies.HeadStageShare"/>, the rest
/// fine-tuning at <see cref="FusionRemedies.FineTuneRateFactor"/> of the peak).</summary>
public sealed class TrainingSchedule
{
    readonly (TrainingStage Stage, int First, int Length, double Peak)[] _stages;

    public TrainingSchedule(int epochs, double learningRate, bool twoStage)
    {
        if (!twoStage) { _stages = [(TrainingStage.Joint, 1, epochs, learningRate)]; return; }
        if (epochs < 3) throw new ArgumentException($"the two-stage schedule needs at least 3 epochs (got {epochs})");
        int branches = Math.Max(1, (int)Math.Round(epochs * FusionRemedies.BranchStageShare));
        int head = Math.Max(1, (int)Math.Round(epochs * FusionRemedies.HeadStageShare));
        if (branches + head >= epochs) branches = epochs - head - 1;
        _stages =
        [
            (TrainingStage.Branches, 1, branches, learningRate),
            (TrainingStage.Head, 1 + branches, head, learningRate),
            (TrainingStage.FineTune, 1 + branches + head, epochs - branches - head, learningRate * FusionRemedies.FineTuneRateFactor),
        ];
    }

    public TrainingStage Stage(int epoch) => Find(epoch).Stage;

    /// <summary>Learning rate of <paramref name="epoch"/> (1-based): peak · ½(1 + cos(π · k / n)) for the
    /// k-th epoch (from 0) of a stage of n epochs.</summary>
    public double Rate(int epoch)
    {
        var s = Find(epoch);
        return s.Peak * 0.5 * (1 + Math.Cos(Math.PI * (epoch - s.First) / s.Length));
    }

    /// <summary>Whether this epoch's validation accuracy may select the kept weights: not while the
    /// fused head has not been trained yet.</summary>
    public bool CanSelect(int epoch) => Stage(epoch) != TrainingStage.Branches;

    (TrainingStage Stage, int First, int Length, double Peak) Find(int epoch) =>
        _stages.Last(s => epoch >= s.First);
}
