using System.Diagnostics;
using SpokenDigits.Data;
using SpokenDigits.Features;
using SpokenDigits.Models;
using SpokenDigits.Runtime;
using SpokenDigits.Training;
using SpokenDigits.Experiments;
using SpokenDigits.Runs;
using TorchSharp;
using static TorchSharp.torch;

namespace SpokenDigits.Benchmarking;

/// <summary>Measures where the time of a run goes, on this machine: feature extraction, training
/// throughput, inference latency, peak memory; and checks them against <see cref="BenchBudgets"/>.
/// Every speed is the median of repeated trials with its spread, and training is timed the way the
/// trainer trains (augmented batches with spectrograms recomputed where the model reads them, the fused
/// model's remedies and optimiser groups).</summary>
public sealed class Benchmark
{
    /// <summary>Inference passes over as many recordings as the validation part, per epoch: validation itself, and
    /// for the fused model the branch probes (FusionProbe) on the validation part and on as many training
    /// recordings, each computing both embeddings once for its two branch-alone outputs.</summary>
    static int ValidationPasses(ModelKind kind) => kind == ModelKind.Fusion ? 3 : 1;

    readonly string? _dataFolder;
    readonly TrainingSettings _training;
    readonly FeatureSettings _features;
    readonly BenchSettings _bench;
    readonly TextWriter _log;

    public Benchmark(string? dataFolder = null, TrainingSettings? training = null, FeatureSettings? features = null,
        TextWriter? log = null, BenchSettings? bench = null)
    {
        _dataFolder = dataFolder;
        _training = training ?? new TrainingSettings();
        _features = features ?? new FeatureSettings();
        _bench = (bench ?? new BenchSettings()).Validated();
        _log = log ?? TextWriter.Null;
    }

    /// <param name="command">The command line, saved with the result.</param>
    /// <param name="budgets">Targets to check.</param>
    /// <param name="measureFullRun">Also time a real default run and compare its epochs with the estimates.</param>
    /// <param name="mirrorScript">When given, run the PyTorch mirror afterwards (same threads, steps, allocator) and compare.</param>
    public BenchResult Run(string command, BenchBudgets budgets, bool measureFullRun = false, string? mirrorScript = null)
    {
        int threads = _training.EffectiveThreads;
        torch.set_num_threads(threads);
        var info = RunInfo.Capture(command, ProjectPaths.TryFindRoot(), threads);
        var peak = MachinePeak.Measure(threads);
        _log.WriteLine($"Machine: {info.Machine}");
        _log.WriteLine($"Allocator: {NativeAllocator.Status}; {threads} torch threads");
        _log.WriteLine($"Peak: {peak.MeasuredGflops:F0} GFLOP/s measured (3×3 convolution, {peak.Cores} threads); nominal " +
                       (peak.NominalGflops is { } nominal ? $"{nominal:F0} GFLOP/s ({peak.Cores} cores × {peak.Megahertz:F0} MHz × {peak.FlopsPerCycle} FP32 FLOP/cycle)" : "unknown"));
        var otherLoad = CpuLoad.OtherProcesses(TorchThreads.Window);
        if (otherLoad > 0.25)
            _log.WriteLine($"Warning: other processes keep {otherLoad:F1} cores busy; these figures are not comparable with a quiet machine's");
        _log.WriteLine($"Method: training {_bench.Trials} trials × {_bench.StepsPerTrial} steps after {_bench.WarmupSteps} warm-up, " +
                       $"augmentation {AugmentationSettings.Describe(_training.Augmentation)}; " +
                       $"inference {_bench.LatencySamples} single recordings, {_bench.Trials} batches of {_bench.InferenceBatchSize}");

        var recordingsFolder = DataLocator.FindRecordings(_dataFolder);
        var recordings = RecordingCatalog.Discover(recordingsFolder);
        var (dataset, featureSeconds) = ExtractFeatures(recordings);
        using var _ = dataset;
        using var __ = dataset.Pipeline;
        _log.WriteLine($"Feature extraction: {recordings.Count} recordings in {featureSeconds:F2}s ({recordings.Count / featureSeconds:F0}/s) — decode + resample + log-mel");

        // The default full run on the official split: 90 % of the recordings train (of which 10 % validate), 10 % test.
        int train = (int)Math.Round(recordings.Count * 0.9 * 0.9), validation = (int)Math.Round(recordings.Count * 0.9 * 0.1);
        var speeds = ModelCatalog.All.Select(kind => MeasureModel(kind, dataset, threads, peak, train, validation)).ToList();
        double estimate = featureSeconds + speeds.Sum(s =>
            _training.Epochs * s.EstimatedEpochSeconds + recordings.Count * 0.1 * s.BatchedAllThreadsMillisecondsPerRecording.Median / 1000);
        _log.WriteLine($"Estimated default full run ({_training.Epochs} epochs × 3 models): {estimate:F0} s ({estimate / 60:F1} min)");

        double? measured = null;
        List<EpochAgreement>? epochs = null;
        if (measureFullRun)
        {
            var clock = Stopwatch.StartNew();
            var run = new Experiment(new ExperimentOptions(DataFolder: _dataFolder, Features: _features, Training: _training),
                new TrainingProgress(_log)).Run(command + " (full run)");
            measured = clock.Elapsed.TotalSeconds;
            epochs = speeds.Select(s => run.Model(s.Model) is { History.Count: > 0 } m
                    ? new EpochAgreement(s.Model, s.EstimatedEpochSeconds, Spread.Of(m.History.Select(e => e.Seconds).ToList()).Median)
                    : null).OfType<EpochAgreement>().ToList();
            _log.WriteLine($"Measured full run: {measured:F0} s ({measured / 60:F1} min)");
            foreach (var e in epochs)
                _log.WriteLine($"  {e.Model}: median epoch {e.MeasuredMedianSeconds:F2} s, bench estimate {e.EstimatedSeconds:F2} s ({e.RelativeError:+0%;-0%})");
        }

        MirrorComparison? mirror = null;
        if (mirrorScript is not null)
        {
            mirror = MirrorComparison.Run(mirrorScript, recordingsFolder, threads, _bench, NativeAllocator.EquivalentEnvironment, _log);
            foreach (var s in speeds)
                _log.WriteLine($"  {s.Model}: {s.TrainSamplesPerSecond.Median:F0} samples/s here, " +
                               $"{mirror.Models.FirstOrDefault(m => m.Model == s.Model)?.TrainSamplesPerSecond:F0} in PyTorch {mirror.TorchVersion}: ×{mirror.TrainingSpeedup(s):F2}");
        }

        double peakGiB = Process.GetCurrentProcess().PeakWorkingSet64 / (1024.0 * 1024 * 1024);
        var checks = new List<BudgetCheck>
        {
            new(measured is null ? "full run (estimated)" : "full run", measured ?? estimate, budgets.FullRunSeconds, "s"),
            new($"feature extraction of {recordings.Count} recordings", featureSeconds, budgets.FeatureExtractionSeconds, "s"),
            new("peak memory", peakGiB, budgets.PeakMemoryGiB, "GiB"),
        };
        if (speeds.FirstOrDefault(s => s.Model == ModelCatalog.Name(ModelKind.Spec)) is { } spec
            && speeds.FirstOrDefault(s => s.Model == ModelCatalog.Name(ModelKind.Raw)) is { } raw)
            checks.Add(new("spectrogram epoch ≤ raw epoch (estimated)", spec.EstimatedEpochSeconds, raw.EstimatedEpochSeconds, "s"));
        foreach (var s in speeds)
        {
            checks.Add(new($"inference p50, 1 thread, {s.Model}", s.SingleRecording.P50, budgets.InferenceP50Milliseconds, "ms"));
            checks.Add(new($"batched ≤ single per recording, {s.Model}", s.BatchedMillisecondsPerRecording.Median, s.SingleRecording.P50, "ms"));
            if (mirror?.TrainingSpeedup(s) is { } speedup)   // mirror time over ours ≤ 1 / target
                checks.Add(new($"PyTorch time / ours ≤ 1/{budgets.MirrorSpeedup:0.#}, {s.Model}", 1 / speedup, 1 / budgets.MirrorSpeedup, "×"));
        }
        return new BenchResult(info with { Finished = DateTimeOffset.Now }, _bench, NativeAllocator.Status, peak, otherLoad, recordings.Count,
            featureSeconds, recordings.Count / featureSeconds, speeds, estimate, measured, epochs, mirror, peakGiB, checks);
    }

    (FusionDataset Dataset, double Seconds) ExtractFeatures(IReadOnlyList<Recording> recordings)
    {
        var clock = Stopwatch.StartNew();
        var clips = ClipLoader.Load(recordings, _features);
        var pipeline = new SpectrogramPipeline(new LogMelSpectrogram(_features), FeatureNormaliser.PerUtterance());
        var dataset = FusionDataset.Create(clips, pipeline);   // the pipeline stays: augmented training steps recompute spectrograms
        return (dataset, clock.Elapsed.TotalSeconds);
    }

    ModelSpeed MeasureModel(ModelKind kind, FusionDataset data, int threads, MachinePeak peak, int trainRecordings, int validationRecordings)
    {
        string name = ModelCatalog.Name(kind);
        torch.manual_seed(_training.Seed);
        using var model = ModelCatalog.Create(kind);
        MultiplyAdds macs;
        using (var one = NewDisposeScope())
            macs = MultiplyAdds.Count(model, data.Raw.narrow(0, 0, 1), data.Spectrograms.narrow(0, 0, 1));

        torch.set_num_threads(threads);
        var (trainRates, faults) = MeasureTraining(model, data);
        double gflops = trainRates.Median * macs.TrainingFlops / 1e9;

        // Inference: one recording at a time on one thread; then whole batches, on one thread and on all.
        model.eval();
        using var noGrad = no_grad();
        torch.set_num_threads(1);
        var single = MeasureSingle(model, data);
        var batched = MeasureBatched(model, data);
        torch.set_num_threads(threads);
        var batchedAll = MeasureBatched(model, data);

        double epoch = trainRecordings / trainRates.Median
                       + ValidationPasses(kind) * validationRecordings * batchedAll.Median / 1000;
        var speed = new ModelSpeed(name, model.ParameterCount, macs, trainRates, faults, gflops, single, batched, batchedAll,
            _bench.InferenceBatchSize, epoch);
        string ofPeak = $", {gflops / peak.MeasuredGflops:P0} of the measured peak";
        _log.WriteLine($"{name}: {macs.Forward / 1e6:F1} M multiply-adds per recording; train {trainRates.Format()} samples/s " +
                       $"(spread {trainRates.Relative:P0}), {gflops:F0} GFLOP/s{ofPeak}, {faults:F0} page faults/step; estimated epoch {epoch:F2} s");
        _log.WriteLine($"  inference, 1 thread: single p50 {single.P50:F2} ms, p95 {single.P95:F2} ms; batched {batched.Median:F3} ms/recording; " +
                       $"{threads} threads batched {batchedAll.Median:F3} ms/recording");
        return speed;
    }

    /// <summary>Recordings per second of training, per trial: optimisation steps on real batches taken as the
    /// trainer takes them, after warm-up steps; and the minor page faults per timed step.</summary>
    (Spread Rates, double? FaultsPerStep) MeasureTraining(Models.DigitClassifier model, FusionDataset data)
    {
        model.train();
        var augmentation = _training.Augmentation is { } a
            ? new WaveformAugmentation(a, data.Pipeline, data.Pipeline.Spectrogram.Settings.SampleRate) : null;
        var remedies = model is TwoStreamFusionModel ? _training.RemediesOrNone : FusionRemedies.None;
        var step = new TrainingStep(remedies);
        using var rates = new BranchRateOptimizer(model, _training, remedies);
        var optimizer = rates.Optimizer;
        var loader = new BatchLoader(data, _training.BatchSize, shuffle: true, _training.Seed);
        int needed = _bench.WarmupSteps + _bench.Trials * _bench.StepsPerTrial;
        var batches = Enumerable.Range(1, int.MaxValue).SelectMany(loader.Epoch).Take(needed);   // as many epochs as it takes
        var perTrial = new List<double>();
        var clock = new Stopwatch();
        int stepIndex = 0, samples = 0;
        long? faultsBefore = null;
        foreach (var stored in batches)
        {
            using (stored)
            using (var scope = NewDisposeScope())
            {
                int timed = stepIndex - _bench.WarmupSteps;
                if (timed == 0) faultsBefore = PageFaults.Minor();
                if (timed >= 0 && timed % _bench.StepsPerTrial == 0) { clock.Restart(); samples = 0; }
                var batch = augmentation?.Apply(stored, model.ReadsSpectrograms) ?? stored;
                optimizer.zero_grad();
                step.Compute(model, batch, TrainingStage.Joint).Loss.backward();
                optimizer.step();
                samples += stored.Size;
                if (timed >= 0 && timed % _bench.StepsPerTrial == _bench.StepsPerTrial - 1)
                    perTrial.Add(samples / clock.Elapsed.TotalSeconds);
                stepIndex++;
            }
        }
        double? faults = PageFaults.Minor() - faultsBefore is { } f ? (double)f / (_bench.Trials * _bench.StepsPerTrial) : null;
        return (Spread.Of(perTrial), faults);
    }

    Latency MeasureSingle(Models.DigitClassifier model, FusionDataset data)
    {
        var timings = new List<double>();
        for (int i = 0; i < _bench.LatencySamples + 5; i++)
        {
            using var scope = NewDisposeScope();
            long row = i % data.Count;
            var raw = data.Raw.narrow(0, row, 1);
            var spec = data.Spectrograms.narrow(0, row, 1);
            var t = Stopwatch.StartNew();
            model.forward(raw, spec).argmax(1).item<long>();
            if (i >= 5) timings.Add(t.Elapsed.TotalMilliseconds);
        }
        return Latency.Of(timings);
    }

    /// <summary>Milliseconds per recording of whole batches, per trial, after one untimed batch.</summary>
    Spread MeasureBatched(Models.DigitClassifier model, FusionDataset data)
    {
        var perTrial = new List<double>();
        var loader = new BatchLoader(data, Math.Min(_bench.InferenceBatchSize, data.Count), shuffle: false, seed: 0);
        var batches = Enumerable.Range(0, int.MaxValue).SelectMany(loader.Epoch).Take(_bench.Trials + 1);
        bool warm = false;
        foreach (var batch in batches)
        {
            using (batch)
            using (var scope = NewDisposeScope())
            {
                var clock = Stopwatch.StartNew();
                model.forward(batch.Raw, batch.Spectrograms).argmax(1).data<long>().ToArray();
                if (warm) perTrial.Add(clock.Elapsed.TotalMilliseconds / batch.Size);
                warm = true;
            }
        }
        return Spread.Of(perTrial);
    }
}
