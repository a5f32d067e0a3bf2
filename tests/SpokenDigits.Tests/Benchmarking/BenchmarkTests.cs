using SpokenDigits.Benchmarking;
using SpokenDigits.Models;
using SpokenDigits.Tests.Data;
using SpokenDigits.Training;

namespace SpokenDigits.Tests.Benchmarking;

/// <summary>The benchmark on a few real recordings: it times training steps the way the trainer takes them
/// (augmented batches, the fused model's remedies and per-branch optimiser groups) and reports every budget.
/// Only that it measures is checked here; whether budgets are met is the bench command's business.</summary>
public class BenchmarkTests
{
    [Fact]
    public void MeasuresAugmentedTrainingWithRemediesAndChecksEveryBudget()
    {
        using var folder = new TempFolder();
        foreach (var r in SharedFsdd.Recordings.Where(r => r.Speaker == "theo" && r.Take < 3))
            File.Copy(r.Path, folder.Combine(Path.GetFileName(r.Path)));
        var training = new TrainingSettings(Epochs: 2, BatchSize: 8, Threads: 1, Remedies: FusionRemedies.Parse("aux+moddrop+branch-lr"))
        {
            Augmentation = new AugmentationSettings().WithSpeed(0.9, 1.1),
        };
        var log = new StringWriter();

        var result = new Benchmark(folder.Path, training, log: log, trainSteps: 2, latencySamples: 3).Run("test", new BenchBudgets());

        Assert.Equal(30, result.Recordings);
        Assert.Equal(ModelCatalog.All.Select(ModelCatalog.Name), result.Models.Select(m => m.Model));
        Assert.All(result.Models, m =>
        {
            Assert.True(m.TrainSamplesPerSecond > 0 && double.IsFinite(m.TrainSamplesPerSecond), $"{m.Model}: {m.TrainSamplesPerSecond}");
            Assert.True(m.SingleRecording.P50 > 0, m.Model);
            Assert.True(m.BatchedMillisecondsPerRecording > 0, m.Model);
        });
        Assert.True(result.EstimatedFullRunSeconds > result.FeatureSeconds);
        Assert.Null(result.MeasuredFullRunSeconds);
        Assert.Equal(3 + result.Models.Count, result.Budgets.Count);
        Assert.Contains("Estimated default full run (2 epochs × 3 models)", log.ToString());
    }
}
