using System.Diagnostics;
using SpokenDigits.Data;
using SpokenDigits.Evaluation;
using SpokenDigits.Models;
using SpokenDigits.Rendering;
using SpokenDigits.Runtime;
using SpokenDigits.Runs;
using SpokenDigits.Training;
using TorchSharp;

namespace SpokenDigits.Experiments;

/// <summary>The comparison itself: one split, one feature pipeline, one set of training settings,
/// three models trained and tested in turn. Each model's results are saved as soon as it is done,
/// so a later failure (a NaN loss, Ctrl+C) never loses a finished model.</summary>
public sealed class Experiment
{
    readonly ExperimentOptions _options;
    readonly TrainingProgress _progress;

    public Experiment(ExperimentOptions options, TrainingProgress? progress = null)
    {
        _options = options;
        _progress = progress ?? TrainingProgress.Silent;
    }

    /// <summary>Finds the recordings and makes the split (no audio is decoded yet), with
    /// <see cref="ExperimentOptions.ExtraTrainingData"/>'s recordings added to its training part.</summary>
    public (string DataFolder, DatasetSplit Split) PrepareSplit()
    {
        var (folder, split, _) = PrepareSplitCounted();
        return (folder, split);
    }

    (string DataFolder, DatasetSplit Split, int ExtraTraining) PrepareSplitCounted()
    {
        var folder = DataLocator.FindRecordings(_options.DataFolder);
        var recordings = RecordingCatalog.Discover(folder, _options.Layout);
        if (_options.Subset is int maxTake)
            recordings = recordings.Where(r => r.Take < maxTake).ToList();
        var training = _options.TrainingOrDefault;
        var split = _options.SplitOrDefault.Apply(recordings, training.ValidationFraction, _options.SplitSeedOrDefault);
        if (_options.ExtraTrainingData is not { } extraFolder) return (folder, split, 0);
        var (withExtra, added) = ExtraTrainingRecordings.AddTo(split, extraFolder, _options.Subset);
        return (folder, withExtra, added);
    }

    /// <summary>Runs everything; writes into <paramref name="output"/> when given. With
    /// <paramref name="resume"/>, models the folder already holds are read back instead of trained,
    /// and a model interrupted mid-training continues from its last checkpoint.</summary>
    public RunResults Run(string command, RunFolder? output = null, CancellationToken cancellation = default, bool resume = false)
    {
        cancellation = AmbientCancellation.Or(cancellation);   // a notebook cell's stop button, when no token is passed
        var features = _options.FeaturesOrDefault.Validated();
        var training = _options.TrainingOrDefault.Validated();
        if (training.Threads is null)
        {
            var threads = TorchThreads.Choose();
            training = training with { Threads = threads.Threads };
            _progress.Line(SettingsText.Line("Threads", threads.ToString()));
        }
        var info = RunInfo.Capture(command, ProjectPaths.TryFindRoot(), training.EffectiveThreads);
        var architecture = _options.ArchitectureOrDefault;
        foreach (var line in SettingsText.Lines(features, training, architecture)) _progress.Line(line);
        _progress.Line(SettingsText.Line("Machine", info.Machine.ToString()));

        var (dataFolder, split, extraTraining) = PrepareSplitCounted();
        _progress.Line(SettingsText.Line("Data", dataFolder));
        if (extraTraining > 0)
            _progress.Line(SettingsText.Line("Extra train", $"{extraTraining} recordings from {Path.GetFullPath(_options.ExtraTrainingData!)} (training part only)"));
        _progress.Line(SettingsText.Line("Split", $"{split.Protocol}, seed {split.Seed}: {split.Train.Count} train / {split.Validation.Count} validation / {split.Test.Count} test"));
        output?.SaveSplit(split);
        output?.SaveOptions(_options with { Training = training });   // with the thread count chosen, so --resume keeps it

        var clock = Stopwatch.StartNew();
        using var data = SplitDatasets.Build(split, features, _options.SkipBad, cancellation);   // decoding stops on a cancel too
        foreach (var bad in data.Skipped) _progress.Line(SettingsText.Line("Skipped", bad.ToString()));
        foreach (var quiet in data.NoSpeech) _progress.Line($"No speech found (kept, centre fitted): {quiet.Path}");
        if (features.Endpoint.Enabled)
            _progress.Line(SettingsText.Line("No speech", $"{data.NoSpeech.Count} of {data.Train.Count + data.Validation.Count + data.Test.Count} recordings (the detector found no word)"));
        if (data.NormaliserStatistics is { } statistics) output?.SaveNormaliser(statistics);
        _progress.Line($"Features computed in {clock.Elapsed.TotalSeconds:F1}s: raw {Shape(data.Train.Raw)}, spectrogram {Shape(data.Train.Spectrograms)} (train)");

        var results = new List<ModelResult>();
        RunResults Snapshot(DateTimeOffset? finished = null) => new(info with { Finished = finished }, dataFolder, features, training,
            SplitSummary.Of(split, extraTraining, _options.ExtraTrainingData), data.Skipped, results.ToList(), architecture);

        foreach (var kind in _options.ModelsOrDefault)
        {
            var finished = resume ? output?.TryLoadFinishedModel(ModelCatalog.Name(kind)) : null;
            if (finished is not null) _progress.Line($"{finished.ModelName}: already finished in {output!.Path}, read back");
            var result = finished ?? TrainAndTest(kind, architecture, training, data, output, cancellation);
            results.Add(result);
            Save(output, Snapshot());
        }
        var final = Snapshot(DateTimeOffset.Now);
        Save(output, final);
        return final;
    }

    static void Save(RunFolder? output, RunResults results) => output?.SaveRun(results, MarkdownSummary.Render(results));

    ModelResult TrainAndTest(ModelKind kind, ModelSettings architecture, TrainingSettings training, SplitDatasets data, RunFolder? output,
        CancellationToken cancellation)
    {
        string name = ModelCatalog.Name(kind);
        torch.manual_seed(training.Seed);   // identical initialisation stream for every model
        using var model = ModelCatalog.Create(kind, architecture, data.Pipeline.Spectrogram.Settings.SampleRate,
            clipSamples: data.Pipeline.Spectrogram.Settings.ClipSamples);
        _progress.Line($"{name}: {model.ParameterCount:N0} parameters");
        ModelResult result;
        try
        {
            var checkpoints = output is null ? null : new CheckpointStore(output.CheckpointFolder(name));
            var outcome = new Trainer(training, _progress).Train(model, name, data.Train, data.Validation, cancellation, checkpoints);
            var predictions = Evaluator.Predict(model, data.Test);
            var report = Evaluator.Report(predictions);
            var fusion = model is TwoStreamFusionModel fused ? Diagnose(fused, training, outcome, data.Test) : null;
            result = new ModelResult(name, model.ParameterCount, outcome.History, outcome.BestEpoch, report, predictions, Fusion: fusion,
                Pretraining: outcome.Pretraining);
            _progress.Line($"{name}: test accuracy {report.Accuracy:P2}, macro-F1 {report.MacroF1:F3} (weights of epoch {outcome.BestEpoch})");
            output?.SaveModel(result, model);
            checkpoints?.Delete();
        }
        catch (TrainingDivergedException e)
        {
            _progress.Line($"{name}: FAILED: {e.Message}");
            result = new ModelResult(name, model.ParameterCount, Array.Empty<EpochRecord>(), 0, null, Array.Empty<Prediction>(), e.Message);
            output?.SaveModel(result, null);
        }
        return result;
    }

    static FusionDiagnostics Diagnose(TwoStreamFusionModel model, TrainingSettings training, TrainingOutcome outcome, FusionDataset test)
    {
        string method = outcome.History.LastOrDefault()?.Branches?.Method ?? FusionProbe.OtherBranchZeroed;
        var (raw, spec) = FusionProbe.BranchAccuracy(model, test, method);
        return new FusionDiagnostics(model.Fusion.ToString(), training.RemediesOrNone.Label, method, raw, spec, FusionProbe.RawWeights(model, test));
    }

    static string Shape(TorchSharp.torch.Tensor t) => "(" + string.Join(", ", t.shape) + ")";
}
