using SpokenDigits.Models;
using SpokenDigits.Training;
using SpokenDigits.Experiments;
using SpokenDigits.Runs;

namespace SpokenDigits.Tests.Training;

/// <summary>Real TorchSharp training on a subset of the real FSDD recordings.</summary>
public class ShortTrainingTests
{
    [Fact]
    public void SpectrogramModelBeatsChanceByAWideMargin()
    {
        var options = new ExperimentOptions(
            Models: new[] { ModelKind.Spec },
            Training: new TrainingSettings(Epochs: 8, BatchSize: 16, Seed: 7) { Augmentation = new AugmentationSettings() },   // the clean recipe: 8 epochs of the real-world one land near 60 %
            Subset: 20);   // takes 0–4 test (300), takes 5–19 train/validation (900)
        var output = new RunFolder(Path.Combine(Path.GetTempPath(), "sd-short-" + Guid.NewGuid().ToString("N")));
        try
        {
            var run = new Experiment(options).Run("test", output);
            var spec = Assert.Single(run.Models);
            Assert.True(spec.Succeeded, spec.Failure);
            Assert.Equal(300, spec.Predictions.Count);
            Assert.True(spec.Test!.Accuracy > 0.6, $"test accuracy {spec.Test.Accuracy:P1} is not far above chance (10%)");
            Assert.Equal(8, spec.History.Count);
            Assert.InRange(spec.BestEpoch, 1, 8);

            // Everything a reader needs is on disk and reads back.
            var loaded = output.Load();
            Assert.Equal(spec.Test.Accuracy, loaded.Models[0].Test!.Accuracy);
            Assert.Equal(spec.Predictions.Select(p => p.Predicted), loaded.Models[0].Predictions.Select(p => p.Predicted));
            Assert.True(File.Exists(output.WeightsFile(spec.ModelName)));
            Assert.True(File.Exists(Path.Combine(output.Path, RunFolder.SplitFile)));
            Assert.Contains("SpecOnlyModel", File.ReadAllText(Path.Combine(output.Path, RunFolder.SummaryFile)));
        }
        finally
        {
            if (Directory.Exists(output.Path)) Directory.Delete(output.Path, recursive: true);
        }
    }

    [Fact]
    public void ADivergingLossStopsThatModelWithAClearMessageAndTheRunGoesOn()
    {
        var options = new ExperimentOptions(
            Models: new[] { ModelKind.Raw, ModelKind.Spec },
            Training: new TrainingSettings(Epochs: 2, LearningRate: 1e30, Seed: 1),
            Subset: 7);
        var output = new RunFolder(Path.Combine(Path.GetTempPath(), "sd-nan-" + Guid.NewGuid().ToString("N")));
        try
        {
            var run = new Experiment(options).Run("test", output);
            Assert.Equal(2, run.Models.Count);
            foreach (var m in run.Models)
            {
                Assert.False(m.Succeeded);
                Assert.Contains("the training loss became", m.Failure);
                Assert.Contains(m.ModelName, m.Failure);
            }
            Assert.Equal(2, output.Load().Models.Count);
        }
        finally
        {
            if (Directory.Exists(output.Path)) Directory.Delete(output.Path, recursive: true);
        }
    }
}
