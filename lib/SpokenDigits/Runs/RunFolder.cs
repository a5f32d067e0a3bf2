using SpokenDigits.Data;
using SpokenDigits.Evaluation;
using SpokenDigits.Features;
using SpokenDigits.Models;

namespace SpokenDigits.Runs;

/// <summary>The files of one run, <c>results/&lt;run&gt;/</c>:
/// <code>
/// results.json            provenance, settings, split summary, every model's history and metrics
/// split.json              the recording ids of train / validation / test
/// summary.md              the comparison table and per-class F1 side by side
/// &lt;Model&gt;/history.json     per-epoch loss, accuracy, time
/// &lt;Model&gt;/metrics.json     accuracy, macro-F1, per-class metrics, confusion matrix
/// &lt;Model&gt;/predictions.json file id, true digit, predicted digit, probabilities
/// &lt;Model&gt;/weights.dat      TorchSharp state (best-on-validation weights)
/// </code>
/// Every file is written atomically, and each model's files as soon as that model is done.</summary>
public sealed class RunFolder
{
    public const string ResultsFile = "results.json";
    public const string SplitFile = "split.json";
    public const string SummaryFile = "summary.md";
    public const string OptionsFile = "experiment.json";
    /// <summary>Per-band log-mel mean/std of the training part, written only with dataset-statistics normalisation.</summary>
    public const string NormaliserFile = "normaliser.json";

    public RunFolder(string path) { Path = System.IO.Path.GetFullPath(path); }

    public string Path { get; }

    public string ModelFolder(string modelName) => System.IO.Path.Combine(Path, modelName);
    public string WeightsFile(string modelName) => System.IO.Path.Combine(ModelFolder(modelName), "weights.dat");
    /// <summary>Per-epoch checkpoints while a model trains (deleted when it is done).</summary>
    public string CheckpointFolder(string modelName) => System.IO.Path.Combine(Path, "checkpoints", modelName);

    /// <summary>The options of the run, so that <c>train --resume</c> continues it exactly.</summary>
    public void SaveOptions(Training.ExperimentOptions options) =>
        ResultsJson.Save(System.IO.Path.Combine(Path, OptionsFile), options);

    public Training.ExperimentOptions LoadOptions()
    {
        var file = System.IO.Path.Combine(Path, OptionsFile);
        if (!File.Exists(file)) throw new FileNotFoundException($"{Path} holds no {OptionsFile}: it is not a run that can be resumed.", file);
        return ResultsJson.Load<Training.ExperimentOptions>(file);
    }

    /// <summary>A model this run already finished (metrics, history, predictions and weights on
    /// disk), or null.</summary>
    public ModelResult? TryLoadFinishedModel(string modelName)
    {
        var folder = ModelFolder(modelName);
        string metricsFile = System.IO.Path.Combine(folder, "metrics.json"), historyFile = System.IO.Path.Combine(folder, "history.json"),
               predictionsFile = System.IO.Path.Combine(folder, "predictions.json");
        if (!File.Exists(metricsFile) || !File.Exists(historyFile) || !File.Exists(predictionsFile) || !File.Exists(WeightsFile(modelName)))
            return null;
        var metrics = ResultsJson.Load<ModelMetrics>(metricsFile);
        if (metrics.Failure is not null || metrics.Test is null) return null;
        return new ModelResult(metrics.ModelName, metrics.ParameterCount, ResultsJson.Load<List<Training.EpochRecord>>(historyFile),
            metrics.BestEpoch, metrics.Test, ResultsJson.Load<List<Prediction>>(predictionsFile));
    }

    public void SaveSplit(DatasetSplit split) =>
        AtomicFile.WriteAllText(System.IO.Path.Combine(Path, SplitFile), SplitManifest.From(split).ToJson());

    public void SaveNormaliser(NormaliserStatistics statistics) =>
        ResultsJson.Save(System.IO.Path.Combine(Path, NormaliserFile), statistics);

    /// <summary>The saved normaliser statistics, or null when the run has none (per-utterance normalisation).</summary>
    public NormaliserStatistics? LoadNormaliser()
    {
        var file = System.IO.Path.Combine(Path, NormaliserFile);
        return File.Exists(file) ? ResultsJson.Load<NormaliserStatistics>(file) : null;
    }

    /// <summary>Writes one model's history, metrics, predictions and (when given) weights.</summary>
    public void SaveModel(ModelResult result, DigitClassifier? trainedModel)
    {
        var folder = ModelFolder(result.ModelName);
        ResultsJson.Save(System.IO.Path.Combine(folder, "history.json"), result.History);
        ResultsJson.Save(System.IO.Path.Combine(folder, "metrics.json"), new ModelMetrics(result.ModelName, result.ParameterCount, result.BestEpoch, result.Failure, result.Test));
        ResultsJson.Save(System.IO.Path.Combine(folder, "predictions.json"), result.Predictions);
        if (trainedModel is not null)
            AtomicFile.Write(WeightsFile(result.ModelName), temp => trainedModel.save(temp));
    }

    /// <summary>Writes results.json (predictions live in each model's predictions.json) and summary.md, the
    /// run's Markdown summary (rendered by the caller, e.g. with <c>Rendering.MarkdownSummary</c>).</summary>
    public void SaveRun(RunResults results, string summaryMarkdown)
    {
        var slim = results with { Models = results.Models.Select(m => m with { Predictions = Array.Empty<Prediction>() }).ToList() };
        ResultsJson.Save(System.IO.Path.Combine(Path, ResultsFile), slim);
        AtomicFile.WriteAllText(System.IO.Path.Combine(Path, SummaryFile), summaryMarkdown);
    }

    /// <summary>Where evaluations of this run on other folders live: evaluations/&lt;name&gt;/ (written by <c>evaluate</c>).</summary>
    public const string EvaluationsFolder = "evaluations";

    /// <summary>The folder of this run's evaluation called <paramref name="name"/>.</summary>
    public string EvaluationFolder(string name) => System.IO.Path.Combine(Path, EvaluationsFolder, name);

    /// <summary>The names of this run's evaluations that hold predictions of every model of the run, in ordinal order.</summary>
    public IReadOnlyList<string> EvaluationNames(RunResults run)
    {
        var root = System.IO.Path.Combine(Path, EvaluationsFolder);
        if (!Directory.Exists(root)) return [];
        return Directory.GetDirectories(root).Select(d => System.IO.Path.GetFileName(d))
            .Where(name => run.Models.Where(m => m.Succeeded).All(m => File.Exists(EvaluationPredictionsFile(name, m.ModelName))))
            .Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>The evaluation names every one of <paramref name="runs"/> holds (<see cref="EvaluationNames"/>), in ordinal order; none for no runs.</summary>
    public static IReadOnlyList<string> SharedEvaluationNames(IEnumerable<(RunFolder Folder, RunResults Run)> runs) =>
        runs.Select(r => r.Folder.EvaluationNames(r.Run)).DefaultIfEmpty([])
            .Aggregate((a, b) => a.Intersect(b, StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList());

    /// <summary>A model's predictions in the evaluation called <paramref name="name"/>.</summary>
    public string EvaluationPredictionsFile(string name, string modelName) =>
        System.IO.Path.Combine(EvaluationFolder(name), modelName, "predictions.json");

    /// <summary><paramref name="run"/> as if its test part were the recordings of the evaluation called
    /// <paramref name="name"/>: every succeeded model's predictions and test report replaced by the evaluation's, so
    /// the multi-seed analysis of the test part applies unchanged to another corpus.</summary>
    public RunResults WithEvaluationAsTest(RunResults run, string name) => run with
    {
        Models = run.Models.Select(m =>
        {
            if (!m.Succeeded) return m;
            var predictions = ResultsJson.Load<List<Prediction>>(EvaluationPredictionsFile(name, m.ModelName));
            return m with { Predictions = predictions, Test = Evaluator.Report(predictions) };
        }).ToList(),
    };

    /// <summary>Reads a run back, predictions included.</summary>
    public RunResults Load()
    {
        var file = System.IO.Path.Combine(Path, ResultsFile);
        if (!File.Exists(file)) throw new FileNotFoundException($"{Path} holds no {ResultsFile}: is it a run folder?", file);
        var run = ResultsJson.Load<RunResults>(file);
        var models = run.Models.Select(m =>
        {
            var predictions = System.IO.Path.Combine(ModelFolder(m.ModelName), "predictions.json");
            return File.Exists(predictions) ? m with { Predictions = ResultsJson.Load<List<Prediction>>(predictions) } : m;
        }).ToList();
        return run with { Models = models };
    }
}

/// <summary>The content of a model's metrics.json.</summary>
public sealed record ModelMetrics(string ModelName, long ParameterCount, int BestEpoch, string? Failure, ClassificationReport? Test);
