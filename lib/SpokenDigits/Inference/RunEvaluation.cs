using SpokenDigits.Runtime;
using System.Globalization;
using System.Text;
using SpokenDigits.Data;
using SpokenDigits.Evaluation;
using SpokenDigits.Features;
using SpokenDigits.Runs;

namespace SpokenDigits.Inference;

/// <summary>How to evaluate a trained run on another folder of recordings.</summary>
/// <param name="Layout">How to find the recordings and their digits.</param>
/// <param name="Name">The evaluation's folder name under the run's evaluations/; default: the data folder's name.</param>
/// <param name="SkipBad">Leave unreadable files out (listed in the results) instead of stopping with the list.</param>
/// <param name="Command">The command line, recorded in evaluation.json.</param>
public sealed record EvaluationOptions(
    EvaluationLayout Layout = EvaluationLayout.Auto,
    string? Name = null,
    bool SkipBad = false,
    string? Command = null);

/// <summary>One model's metrics on the evaluation folder.</summary>
public sealed record ModelEvaluation(string ModelName, ClassificationReport Report, IReadOnlyList<Prediction> Predictions, double? TestAccuracyAtTraining);

/// <summary>A trained run's models measured on a folder of recordings (written to results/&lt;run&gt;/evaluations/&lt;name&gt;/).</summary>
public sealed record EvaluationResults(
    string Name,
    string RunFolder,
    string DataFolder,
    EvaluationLayout Layout,
    string? Command,
    DateTimeOffset Created,
    FeatureSettings Features,
    int Recordings,
    IReadOnlyList<BadRecording> Skipped,
    IReadOnlyList<ModelEvaluation> Models,
    IReadOnlyList<string>? NoSpeech = null)
{
    /// <summary>Recordings (ids as in the predictions) in which the detector found no word; empty for evaluations saved
    /// before endpointing. They stay in the metrics with each model's answer on the centre-fitted recording.</summary>
    public IReadOnlyList<string> NoSpeechRecordings => NoSpeech ?? Array.Empty<string>();

    public ModelEvaluation? Model(string name) => Models.FirstOrDefault(m => m.ModelName == name);
}

/// <summary>Evaluates every model of a trained run on a folder of labelled recordings, with the run's own
/// feature pipeline, and writes the same metrics as training does.</summary>
public static class RunEvaluation
{
    public const string EvaluationsFolder = RunFolder.EvaluationsFolder;
    public const string EvaluationFile = "evaluation.json";
    public const string SummaryFile = "summary.md";
    public const string PredictionsFile = "predictions.json";

    /// <summary>The folder an evaluation called <paramref name="name"/> of <paramref name="run"/> is written to.</summary>
    public static string FolderOf(TrainedRun run, string name) => Path.Combine(run.Path, EvaluationsFolder, name);

    /// <summary>Discovers, reads and predicts the recordings of <paramref name="dataFolder"/>, then writes
    /// evaluation.json, &lt;Model&gt;/predictions.json and summary.md into
    /// <c>&lt;run&gt;/evaluations/&lt;name&gt;/</c>.</summary>
    /// <exception cref="DatasetException">No recordings, unreadable files without <see cref="EvaluationOptions.SkipBad"/>,
    /// or no readable file at all.</exception>
    /// <remarks>Stops at the next batch when <paramref name="cancellation"/> (default: the running notebook cell's) is cancelled.</remarks>
    public static EvaluationResults Evaluate(Predictor predictor, string dataFolder, EvaluationOptions? options = null,
        CancellationToken cancellation = default)
    {
        cancellation = AmbientCancellation.Or(cancellation);
        options ??= new EvaluationOptions();
        var name = CheckName(options.Name ?? DefaultName(dataFolder));
        var (recordings, layout) = EvaluationRecordings.Discover(dataFolder, options.Layout);
        var full = Path.GetFullPath(dataFolder);

        var clips = ClipLoader.Load(recordings, predictor.Features, options.SkipBad);
        if (clips.Count == 0)
            throw new DatasetException($"none of the {recordings.Count} recordings in '{full}' can be read:" + Environment.NewLine
                + string.Join(Environment.NewLine, clips.Bad.Select(b => "  " + b)));

        cancellation.ThrowIfCancellationRequested();
        var probabilities = predictor.Probabilities(clips.Samples, clips.Count, cancellation: cancellation);
        var models = new List<ModelEvaluation>();
        for (int k = 0; k < predictor.Run.Models.Count; k++)
        {
            var model = predictor.Run.Models[k];
            var predictions = clips.Recordings.Select((r, i) =>
            {
                var m = ModelPrediction.From(model.Name, probabilities[k][i]);
                return new Prediction(RecordingId(full, r.Path), r.Digit, m.Digit, m.Probabilities, SpeechBounds.Of(clips.Speech[i]));
            }).ToList();
            models.Add(new ModelEvaluation(model.Name, Evaluator.Report(predictions), predictions, model.Result.Test?.Accuracy));
        }
        var results = new EvaluationResults(name, predictor.Run.Path, full, layout, options.Command, DateTimeOffset.Now,
            predictor.Features, clips.Count, clips.Bad, models, clips.NoSpeech.Select(r => RecordingId(full, r.Path)).ToList());
        Save(predictor.Run, results);
        return results;
    }

    /// <summary>Loads the run and evaluates it (see <see cref="Evaluate(Predictor, string, EvaluationOptions?)"/>).</summary>
    public static EvaluationResults Evaluate(string runFolder, string dataFolder, EvaluationOptions? options = null,
        CancellationToken cancellation = default)
    {
        using var predictor = Predictor.Load(runFolder);
        return Evaluate(predictor, dataFolder, options, cancellation);
    }

    /// <summary>Reads an evaluation back (predictions included).</summary>
    public static EvaluationResults Load(string evaluationFolder)
    {
        var file = Path.Combine(evaluationFolder, EvaluationFile);
        if (!File.Exists(file)) throw new FileNotFoundException($"{evaluationFolder} holds no {EvaluationFile}", file);
        var results = ResultsJson.Load<EvaluationResults>(file);
        return results with
        {
            Models = results.Models.Select(m =>
            {
                var p = Path.Combine(evaluationFolder, m.ModelName, PredictionsFile);
                return File.Exists(p) ? m with { Predictions = ResultsJson.Load<List<Prediction>>(p) } : m;
            }).ToList(),
        };
    }

    static void Save(TrainedRun run, EvaluationResults results)
    {
        var folder = FolderOf(run, results.Name);
        foreach (var m in results.Models)
            ResultsJson.Save(Path.Combine(folder, m.ModelName, PredictionsFile), m.Predictions);
        var slim = results with { Models = results.Models.Select(m => m with { Predictions = Array.Empty<Prediction>() }).ToList() };
        ResultsJson.Save(Path.Combine(folder, EvaluationFile), slim);
        AtomicFile.WriteAllText(Path.Combine(folder, SummaryFile), Summary(results, run.Name));
    }

    /// <summary>The Markdown summary: accuracy and macro-F1 per model, per-digit F1 side by side, confusion matrices, skipped files.</summary>
    public static string Summary(EvaluationResults e, string? runName = null)
    {
        var md = new StringBuilder();
        md.AppendLine($"# Evaluation '{e.Name}' of run {runName ?? Path.GetFileName(e.RunFolder)}").AppendLine();
        md.AppendLine($"{e.Recordings} recordings from `{e.DataFolder}` ({e.Layout} layout){(e.Skipped.Count > 0 ? $", {e.Skipped.Count} skipped" : "")}.");
        var f = e.Features;
        if (f.Endpoint.Enabled)
            md.AppendLine($"Endpointing on: {e.NoSpeechRecordings.Count} of {e.Recordings} recordings answered \"no speech\" (listed below; the metrics keep each model's answer on the centre-fitted recording).");
        md.AppendLine($"Features as in training: {f.Describe()}; endpointing {f.Endpoint.Describe()}.");
        md.AppendLine();
        md.AppendLine("| Model | Accuracy | Macro-F1 | Test accuracy at training |");
        md.AppendLine("|---|---:|---:|---:|");
        foreach (var m in e.Models)
            md.AppendLine($"| {m.ModelName} | {P(m.Report.Accuracy)} | {F3(m.Report.MacroF1)} | {(m.TestAccuracyAtTraining is { } t ? P(t) : "–")} |");
        md.AppendLine();

        if (e.Models.Count > 0)
        {
            md.AppendLine("## Per-digit F1").AppendLine();
            md.AppendLine("| Digit | Support | " + string.Join(" | ", e.Models.Select(m => m.ModelName)) + " |");
            md.AppendLine("|---|---:|" + string.Concat(e.Models.Select(_ => "---:|")));
            var labels = e.Models[0].Report.PerClass;
            for (int c = 0; c < labels.Count; c++)
                md.AppendLine($"| {labels[c].Label} | {labels[c].Support} | " + string.Join(" | ", e.Models.Select(m => F3(m.Report.PerClass[c].F1))) + " |");
            md.AppendLine();
        }

        foreach (var m in e.Models)
        {
            var cm = m.Report.Confusion;
            md.AppendLine($"## Confusion matrix of {m.ModelName} (row = true digit, column = predicted)").AppendLine();
            md.AppendLine("| | " + string.Join(" | ", cm.Labels) + " |");
            md.AppendLine("|---|" + string.Concat(cm.Labels.Select(_ => "---:|")));
            for (int r = 0; r < cm.ClassCount; r++)
                md.AppendLine($"| **{cm.Labels[r]}** | " + string.Join(" | ", cm.Counts[r]) + " |");
            md.AppendLine();
        }

        if (e.NoSpeechRecordings.Count > 0)
        {
            md.AppendLine($"## {e.NoSpeechRecordings.Count} recordings answered \"no speech\"").AppendLine();
            foreach (var id in e.NoSpeechRecordings) md.AppendLine($"- `{id}`");
            md.AppendLine();
        }
        if (e.Skipped.Count > 0)
        {
            md.AppendLine($"## {e.Skipped.Count} files skipped (unreadable)").AppendLine();
            foreach (var b in e.Skipped) md.AppendLine($"- `{b.Path}`: {b.Problem}");
            md.AppendLine();
        }
        if (e.Command is not null) md.AppendLine($"Command: `{e.Command}`, {e.Created:yyyy-MM-dd HH:mm zzz}");
        return md.ToString();
    }

    public static string DefaultName(string dataFolder)
    {
        var name = Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(dataFolder)));
        return string.IsNullOrEmpty(name) ? "evaluation" : name;
    }

    static string CheckName(string name)
    {
        if (string.IsNullOrWhiteSpace(name) || name is "." or ".." || name.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0 || name.Contains('/') || name.Contains('\\'))
            throw new ArgumentException($"evaluation name '{name}' must be a plain folder name");
        return name;
    }

    /// <summary>The file's path relative to the data folder, without extension, with forward slashes.</summary>
    static string RecordingId(string folder, string path) =>
        Path.ChangeExtension(Path.GetRelativePath(folder, path), null)!.Replace('\\', '/');

    static string P(double x) => (100 * x).ToString("F2", CultureInfo.InvariantCulture) + "%";
    static string F3(double x) => x.ToString("F3", CultureInfo.InvariantCulture);
}
