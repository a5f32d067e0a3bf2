using SpokenDigits.Models;
using SpokenDigits.Training;
using SpokenDigits.Experiments;
using SpokenDigits.Runs;

namespace SpokenDigits.Tests.Training;

/// <summary>Same seed and data → same split, same curves, same metrics; and an interrupted run,
/// resumed, ends exactly where an uninterrupted one does.</summary>
public class ReproducibilityTests
{
    static ExperimentOptions Options => new(
        Models: new[] { ModelKind.Spec },
        Training: new TrainingSettings(Epochs: 3, BatchSize: 32, Seed: 11),
        Subset: 8);

    [Fact]
    public void SameSeedGivesTheSameSplitCurvesAndMetrics()
    {
        using var a = new TempRun();
        using var b = new TempRun();
        var first = new Experiment(Options).Run("test", a.Folder);
        var second = new Experiment(Options).Run("test", b.Folder);

        Assert.Equal(File.ReadAllText(Path.Combine(a.Folder.Path, RunFolder.SplitFile)), File.ReadAllText(Path.Combine(b.Folder.Path, RunFolder.SplitFile)));
        AssertSameTraining(first.Models[0], second.Models[0]);
    }

    [Fact]
    public void AnInterruptedRunResumesToTheSameResult()
    {
        using var straight = new TempRun();
        var uninterrupted = new Experiment(Options).Run("test", straight.Folder);

        using var broken = new TempRun();
        using var cancel = new CancellationTokenSource();
        var stopAfterEpoch2 = new TrainingProgress(TextWriter.Null);
        var ended = new List<int>();
        stopAfterEpoch2.EpochEnded += (model, epoch) =>
        {
            ended.Add(epoch.Epoch);
            if (model == "SpecOnlyModel" && epoch.Epoch == 2) cancel.Cancel();
        };
        Assert.ThrowsAny<OperationCanceledException>(() => new Experiment(Options, stopAfterEpoch2).Run("test", broken.Folder, cancel.Token));
        Assert.Equal([1, 2], ended);   // the hook saw each epoch once, and epoch 3 never started
        Assert.True(Directory.Exists(broken.Folder.CheckpointFolder("SpecOnlyModel")), "a checkpoint of epoch 2 must be on disk");

        var resumedEpochs = new TrainingProgress(TextWriter.Null);
        var resumedEnded = new List<int>();
        resumedEpochs.EpochEnded += (_, epoch) => resumedEnded.Add(epoch.Epoch);
        var resumed = new Experiment(broken.Folder.LoadOptions(), resumedEpochs).Run("test", broken.Folder, resume: true);
        Assert.Equal([3], resumedEnded);   // it went on after epoch 2
        AssertSameTraining(uninterrupted.Models[0], resumed.Models[0]);
        Assert.False(Directory.Exists(broken.Folder.CheckpointFolder("SpecOnlyModel")), "checkpoints are removed once the model is done");

        // A second resume finds the model finished and reads it back instead of training again.
        var again = new Experiment(broken.Folder.LoadOptions()).Run("test", broken.Folder, resume: true);
        AssertSameTraining(uninterrupted.Models[0], again.Models[0]);
    }

    static void AssertSameTraining(SpokenDigits.Evaluation.ModelResult expected, SpokenDigits.Evaluation.ModelResult actual)
    {
        Assert.True(actual.Succeeded, actual.Failure);
        Assert.Equal(expected.History.Select(h => h.TrainLoss), actual.History.Select(h => h.TrainLoss));
        Assert.Equal(expected.History.Select(h => h.ValidationAccuracy), actual.History.Select(h => h.ValidationAccuracy));
        Assert.Equal(expected.BestEpoch, actual.BestEpoch);
        Assert.Equal(expected.Test!.Accuracy, actual.Test!.Accuracy);
        Assert.Equal(expected.Test.MacroF1, actual.Test.MacroF1);
        Assert.Equal(expected.Predictions.Select(p => p.Probabilities), actual.Predictions.Select(p => p.Probabilities));
    }

    sealed class TempRun : IDisposable
    {
        public RunFolder Folder { get; } = new(Path.Combine(Path.GetTempPath(), "sd-repro-" + Guid.NewGuid().ToString("N")));
        public void Dispose() { if (Directory.Exists(Folder.Path)) Directory.Delete(Folder.Path, recursive: true); }
    }
}
