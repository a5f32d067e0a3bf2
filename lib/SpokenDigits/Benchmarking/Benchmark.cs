using System.Diagnostics;
using SpokenDigits.Data;
using SpokenDigits.Features;
using SpokenDigits.Models;
using SpokenDigits.Reporting;
using SpokenDigits.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace SpokenDigits.Benchmarking;

/// <summary>Measures where the time of a run goes, on this machine: feature extraction, training
/// throughput, inference latency, peak memory; and checks them against <see cref="BenchBudgets"/>.</summary>
public sealed class Benchmark
{
    readonly string? _dataFolder;
    readonly TrainingSettings _training;
    readonly FeatureSettings _features;
    readonly TextWriter _log;
    readonly int _trainSteps;
    readonly int _latencySamples;

    public Benchmark(string? dataFolder = null, TrainingSettings? training = null, FeatureSettings? features = null,
        TextWriter? log = null, int trainSteps = 12, int latencySamples = 200)
    {
        _dataFolder = dataFolder;
        _training = training ?? new TrainingSettings();
        _features = features ?? new FeatureSettings();
        _log = log ?? TextWriter.Null;
        _trainSteps = trainSteps;
        _latencySamples = latencySamples;
    }

    public BenchResult Run(string command, BenchBudgets budgets, bool measureFullRun = false)
    {
        int threads = _training.EffectiveThreads;
        torch.set_num_threads(threads);
        var info = RunInfo.Capture(command, ProjectPaths.TryFindRoot(), threads);
        _log.WriteLine($"Machine: {info.Machine}");

        var recordings = RecordingCatalog.Discover(DataLocator.FindRecordings(_dataFolder));
        var (dataset, featureSeconds) = ExtractFeatures(recordings);
        using var _ = dataset;
        using var __ = dataset.Pipeline;
        _log.WriteLine($"Feature extraction: {recordings.Count} recordings in {featureSeconds:F2}s ({recordings.Count / featureSeconds:F0}/s) — decode + resample + log-mel");

        var speeds = ModelCatalog.All.Select(kind => MeasureModel(kind, dataset, threads)).ToList();

        // Estimate of the default full run on the official split: 90 % of train takes train, 10 % validate, 300 test.
        // Every epoch validates once; the fused model's epoch also probes each branch alone (two passes over
        // the validation part and as many training recordings: FusionProbe), about four more passes.
        int train = (int)Math.Round(recordings.Count * 0.9 * 0.9), validation = (int)Math.Round(recordings.Count * 0.9 * 0.1);
        double estimate = featureSeconds + speeds.Sum(s =>
        {
            int passesPerEpoch = s.Model == ModelCatalog.Name(ModelKind.Fusion) ? 5 : 1;
            return _training.Epochs * (train / s.TrainSamplesPerSecond + passesPerEpoch * validation * s.BatchedMillisecondsPerRecording / 1000)
                   + recordings.Count * 0.1 * s.BatchedMillisecondsPerRecording / 1000;
        });
        _log.WriteLine($"Estimated default full run ({_training.Epochs} epochs × 3 models): {estimate / 60:F1} min");

        double? measured = null;
        if (measureFullRun)
        {
            var clock = Stopwatch.StartNew();
            new Experiment(new ExperimentOptions(DataFolder: _dataFolder, Features: _features, Training: _training),
                new TrainingProgress(_log)).Run(command + " (full run)");
            measured = clock.Elapsed.TotalSeconds;
            _log.WriteLine($"Measured full run: {measured / 60:F1} min");
        }

        double peakGiB = Process.GetCurrentProcess().PeakWorkingSet64 / (1024.0 * 1024 * 1024);
        var checks = new List<BudgetCheck>
        {
            new(measured is null ? "full run (estimated)" : "full run", measured ?? estimate, budgets.FullRunSeconds, "s"),
            new($"feature extraction of {recordings.Count} recordings", featureSeconds, budgets.FeatureExtractionSeconds, "s"),
            new("peak memory", peakGiB, budgets.PeakMemoryGiB, "GiB"),
        };
        checks.AddRange(speeds.Select(s => new BudgetCheck($"inference p50, 1 thread, {s.Model}", s.SingleRecording.P50, budgets.InferenceP50Milliseconds, "ms")));
        return new BenchResult(info with { Finished = DateTimeOffset.Now }, recordings.Count, featureSeconds, recordings.Count / featureSeconds,
            speeds, estimate, measured, peakGiB, checks);
    }

    (FusionDataset Dataset, double Seconds) ExtractFeatures(IReadOnlyList<Recording> recordings)
    {
        var clock = Stopwatch.StartNew();
        var clips = ClipLoader.Load(recordings, _features);
        var pipeline = new SpectrogramPipeline(new LogMelSpectrogram(_features), FeatureNormaliser.PerUtterance());
        var dataset = FusionDataset.Create(clips, pipeline);   // the pipeline stays: augmented training steps recompute spectrograms
        return (dataset, clock.Elapsed.TotalSeconds);
    }

    ModelSpeed MeasureModel(ModelKind kind, FusionDataset data, int threads)
    {
        string name = ModelCatalog.Name(kind);
        torch.manual_seed(_training.Seed);
        using var model = ModelCatalog.Create(kind);

        // Training throughput: optimisation steps on real batches, after two warm-up steps, done as the
        // trainer does them: the same augmentation (spectrograms recomputed) and, for the fused model, the same remedies.
        torch.set_num_threads(threads);
        model.train();
        var augmentation = _training.Augmentation is { } a
            ? new WaveformAugmentation(a, data.Pipeline, data.Pipeline.Spectrogram.Settings.SampleRate) : null;
        var remedies = model is TwoStreamFusionModel ? _training.RemediesOrNone : FusionRemedies.None;
        var step = new TrainingStep(remedies);
        using var rates = new BranchRateOptimizer(model, _training, remedies);
        var optimizer = rates.Optimizer;
        var batches = new BatchLoader(data, _training.BatchSize, shuffle: true, _training.Seed).Epoch(1).Take(_trainSteps + 2).ToList();
        var clock = new Stopwatch();
        int samples = 0;
        for (int i = 0; i < batches.Count; i++)
        {
            using var scope = NewDisposeScope();
            if (i == 2) clock.Start();
            var batch = augmentation?.Apply(batches[i]) ?? batches[i];
            optimizer.zero_grad();
            step.Compute(model, batch, TrainingStage.Joint).Loss.backward();
            optimizer.step();
            if (i >= 2) samples += batches[i].Size;
        }
        clock.Stop();
        foreach (var b in batches) b.Dispose();
        double trainRate = samples / clock.Elapsed.TotalSeconds;

        // Inference: one recording at a time on one thread, then batched on all threads.
        model.eval();
        using var noGrad = no_grad();
        torch.set_num_threads(1);
        var timings = new List<double>();
        for (int i = 0; i < _latencySamples + 5; i++)
        {
            using var scope = NewDisposeScope();
            long row = i % data.Count;
            var raw = data.Raw.narrow(0, row, 1);
            var spec = data.Spectrograms.narrow(0, row, 1);
            var t = Stopwatch.StartNew();
            model.forward(raw, spec).argmax(1).item<long>();
            if (i >= 5) timings.Add(t.Elapsed.TotalMilliseconds);
        }
        torch.set_num_threads(threads);
        int batchSize = 256;
        var batchClock = Stopwatch.StartNew();
        int inferred = 0;
        foreach (var batch in new BatchLoader(data, batchSize, shuffle: false, seed: 0).Epoch(0).Take(4))
        {
            using (batch)
            using (var scope = NewDisposeScope())
            {
                model.forward(batch.Raw, batch.Spectrograms).argmax(1).data<long>().ToArray();
                inferred += batch.Size;
            }
        }
        var speed = new ModelSpeed(name, model.ParameterCount, trainRate, Latency.Of(timings),
            batchClock.Elapsed.TotalMilliseconds / inferred, batchSize);
        _log.WriteLine($"{name}: train {trainRate:F0} samples/s; inference 1 thread p50 {speed.SingleRecording.P50:F2} ms, p95 {speed.SingleRecording.P95:F2} ms; batched {speed.BatchedMillisecondsPerRecording:F3} ms/recording");
        return speed;
    }
}
