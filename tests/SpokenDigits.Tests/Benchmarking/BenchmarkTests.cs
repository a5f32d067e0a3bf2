using SpokenDigits.Benchmarking;
using SpokenDigits.Models;
using SpokenDigits.Tests.Data;
using SpokenDigits.Training;
using SpokenDigits.Runs;

namespace SpokenDigits.Tests.Benchmarking;

/// <summary>The benchmark on a few real recordings: it times training steps the way the trainer takes them
/// (augmented batches, the fused model's remedies and per-branch optimiser groups) in repeated trials and
/// reports every budget. Only that it measures is checked here; whether budgets are met is the bench command's business.</summary>
public class BenchmarkTests
{
    static readonly BenchSettings Short = new(Trials: 2, StepsPerTrial: 2, WarmupSteps: 1, LatencySamples: 3, InferenceBatchSize: 8);

    static TempFolder Recordings(Func<SpokenDigits.Data.Recording, bool> which)
    {
        var folder = new TempFolder();
        foreach (var r in SharedFsdd.Recordings.Where(which))
            File.Copy(r.Path, folder.Combine(Path.GetFileName(r.Path)));
        return folder;
    }

    static TempFolder ThirtyRecordings() => Recordings(r => r.Speaker == "theo" && r.Take < 3);

    [Fact]
    public void MeasuresAugmentedTrainingWithRemediesInTrialsAndChecksEveryBudget()
    {
        using var folder = ThirtyRecordings();
        var training = new TrainingSettings(Epochs: 2, BatchSize: 8, Threads: 1, Remedies: FusionRemedies.Parse("aux+moddrop+branch-lr"))
        {
            Augmentation = new AugmentationSettings().WithSpeed(0.9, 1.1),
        };
        var log = new StringWriter();

        var result = new Benchmark(folder.Path, training, log: log, bench: Short).Run("test", new BenchBudgets());

        Assert.Equal(30, result.Recordings);
        Assert.Equal(ModelCatalog.All.Select(ModelCatalog.Name), result.Models.Select(m => m.Model));
        Assert.All(result.Models, m =>
        {
            Assert.Equal(2, m.TrainSamplesPerSecond.Trials);
            Assert.True(m.TrainSamplesPerSecond.Min > 0 && m.TrainSamplesPerSecond.Min <= m.TrainSamplesPerSecond.Median
                        && m.TrainSamplesPerSecond.Median <= m.TrainSamplesPerSecond.Max, $"{m.Model}: {m.TrainSamplesPerSecond}");
            Assert.True(m.MultiplyAdds.Forward > 15_000_000, m.Model);
            Assert.True(m.AchievedGflops > 0 && double.IsFinite(m.AchievedGflops), m.Model);
            Assert.NotNull(m.PageFaultsPerStep);
            Assert.True(m.SingleRecording.P50 > 0, m.Model);
            Assert.Equal(2, m.BatchedMillisecondsPerRecording.Trials);
            Assert.True(m.BatchedAllThreadsMillisecondsPerRecording.Median > 0, m.Model);
            Assert.True(m.EstimatedEpochSeconds > 0, m.Model);
        });
        Assert.True(result.EstimatedFullRunSeconds > result.FeatureSeconds);
        Assert.Null(result.MeasuredFullRunSeconds);
        Assert.Null(result.Mirror);
        Assert.True(result.Peak.MeasuredGflops > 1, $"measured peak {result.Peak.MeasuredGflops} GFLOP/s");
        Assert.True(result.Peak.NominalGflops > 1, "the cores' nominal peak is read from /proc/cpuinfo");
        Assert.Equal(3 + 1 + 2 * result.Models.Count, result.Budgets.Count);
        Assert.Contains(result.Budgets, b => b.Name.StartsWith("spectrogram epoch ≤ raw epoch"));
        Assert.Contains("Estimated default full run (2 epochs × 3 models)", log.ToString());
        Assert.Contains("multiply-adds per recording", log.ToString());
    }

    /// <summary>The PyTorch mirror in the same invocation (python3-torch, installed by .ci/run): its figures per model
    /// and a speed-up budget for each.</summary>
    [Fact]
    public void ComparesWithThePyTorchMirrorInTheSameRun()
    {
        using var folder = Recordings(r => r.Take < 6);   // 360: the mirror's batches are always 64 recordings, 5 of them are timed
        var mirror = MirrorComparison.DefaultScript(ProjectPaths.TryFindRoot())!;
        Assert.True(File.Exists(mirror), $"the PyTorch mirror is expected at {mirror}");
        var training = new TrainingSettings(Epochs: 1, Threads: 1);
        var log = new StringWriter();

        var result = new Benchmark(folder.Path, training, log: log, bench: Short).Run("test", new BenchBudgets(), mirrorScript: mirror);

        Assert.NotNull(result.Mirror);
        Assert.StartsWith("1.", result.Mirror!.TorchVersion);
        Assert.Equal(result.Models.Select(m => m.Model), result.Mirror.Models.Select(m => m.Model));
        Assert.All(result.Models, m => Assert.True(result.Mirror.TrainingSpeedup(m) > 0, m.Model));
        Assert.Equal("0", result.Mirror.AllocatorEnvironment["MALLOC_MMAP_MAX_"]);
        Assert.Contains("--bench-steps 4", result.Mirror.Command);   // 2 trials × 2 steps, as ours
        Assert.Equal(3, result.Budgets.Count(b => b.Name.StartsWith("PyTorch time / ours")));
        Assert.Contains("[mirror]", log.ToString());
    }
}
