using TorchSharp.Modules;
using static TorchSharp.torch.nn;

namespace SpokenDigits.Training;

/// <summary>What a checkpoint remembers besides tensors: where training stood after an epoch.</summary>
public sealed record CheckpointState(int Epoch, IReadOnlyList<EpochRecord> History, int BestEpoch, double BestValidationAccuracy);

/// <summary>Where the trainer keeps one model's checkpoint after each epoch and resumes from; the results store's
/// <c>Runs.CheckpointStore</c> keeps them in the run folder.</summary>
public interface ITrainingCheckpoints
{
    /// <summary>Where the checkpoints are, for messages.</summary>
    string Folder { get; }

    void Save(CheckpointState state, Module model, OptimizerHelper optimizer, ModelWeights best);

    /// <summary>Restores the newest checkpoint into <paramref name="model"/> and <paramref name="optimizer"/>; returns
    /// its state and the best weights, or null when there is none.</summary>
    (CheckpointState State, ModelWeights Best)? Restore(Module model, OptimizerHelper optimizer);
}
