using SpokenDigits.Evaluation;
using SpokenDigits.Features;
using SpokenDigits.Models;
using SpokenDigits.Runs;
using static TorchSharp.torch;

namespace SpokenDigits.Inference;

/// <summary>One trained model of a run, loaded from its weights.dat and in evaluation mode.</summary>
/// <param name="Kind">Which of the three models.</param>
/// <param name="WeightsFile">The weights.dat it was loaded from.</param>
/// <param name="Name">"RawOnlyModel", "SpecOnlyModel" or "TwoStreamFusionModel".</param>
/// <param name="Module">The model; owned by the <see cref="TrainedRun"/>.</param>
/// <param name="Result">What training and the test evaluation produced (history, metrics, predictions).</param>
public sealed record TrainedModel(string Name, ModelKind Kind, DigitClassifier Module, ModelResult Result, string WeightsFile);

/// <summary>A run folder read back for use: its settings, the normaliser it was trained with, and every
/// successfully trained model with its best-on-validation weights.</summary>
/// <remarks>Feature extraction must match training exactly; <see cref="Features"/> and
/// <see cref="NormaliserStatistics"/> are what the run saved (results.json, normaliser.json).</remarks>
public sealed class TrainedRun : IDisposable
{
    TrainedRun(RunFolder folder, RunResults results, NormaliserStatistics? statistics, IReadOnlyList<TrainedModel> models,
        IReadOnlyList<string> unavailable)
    {
        Folder = folder;
        Results = results;
        NormaliserStatistics = statistics;
        Models = models;
        Unavailable = unavailable;
    }

    public RunFolder Folder { get; }
    public string Path => Folder.Path;
    public string Name => System.IO.Path.GetFileName(Folder.Path);
    /// <summary>results.json, with each model's test predictions.</summary>
    public RunResults Results { get; }
    /// <summary>The exact feature settings the models were trained with.</summary>
    public FeatureSettings Features => Results.Features;
    /// <summary>The training statistics for dataset-statistics normalisation; null for per-utterance.</summary>
    public NormaliserStatistics? NormaliserStatistics { get; }
    /// <summary>The successfully trained models, in training order.</summary>
    public IReadOnlyList<TrainedModel> Models { get; }
    /// <summary>Models of the run that could not be loaded because their training failed, with the reason.</summary>
    public IReadOnlyList<string> Unavailable { get; }

    public TrainedModel this[string name] =>
        Models.FirstOrDefault(m => m.Name == name || m.Kind == TryParse(name))
        ?? throw new KeyNotFoundException($"run {Name} has no trained model '{name}' (it has {string.Join(", ", Models.Select(m => m.Name))})");

    /// <summary>A normaliser equal to the one used at training time (the caller disposes it).</summary>
    public FeatureNormaliser CreateNormaliser() => NormaliserStatistics is { } s
        ? FeatureNormaliser.FromStatistics(s)
        : FeatureNormaliser.PerUtterance();

    /// <summary>The feature pipeline the run was trained with: its <see cref="Features"/> and <see cref="CreateNormaliser"/>
    /// (the caller disposes it).</summary>
    public SpectrogramPipeline CreatePipeline() => new(new LogMelSpectrogram(Features), CreateNormaliser());

    /// <summary>Reads a run folder: results.json, normaliser.json (dataset statistics only), and each
    /// successful model's weights.dat. Every model is checked with a forward pass on zero input of the
    /// shapes its features produce.</summary>
    /// <exception cref="InvalidDataException">The folder is not a run, a weights file is missing or
    /// corrupt, or the saved settings do not fit a model; the message names the file.</exception>
    public static TrainedRun Load(string runFolder)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(runFolder);
        var folder = new RunFolder(runFolder);
        if (!Directory.Exists(folder.Path))
            throw new InvalidDataException($"run folder '{folder.Path}' does not exist");
        var resultsFile = System.IO.Path.Combine(folder.Path, RunFolder.ResultsFile);
        if (!File.Exists(resultsFile))
            throw new InvalidDataException($"'{folder.Path}' is not a run folder: it holds no {RunFolder.ResultsFile} (train one with `spokendigits train`)");
        var results = folder.Load();
        if (results.Features is null || results.Models is null)
            throw new InvalidDataException($"{resultsFile}: holds no feature settings or models: is it a results file of this project?");

        FeatureSettings features;
        try { features = results.Features.Validated(); }
        catch (ArgumentException e) { throw new InvalidDataException($"{resultsFile}: the saved feature settings are inconsistent ({e.Message})", e); }

        var statistics = LoadStatistics(folder, features);
        var loaded = new List<TrainedModel>();
        var unavailable = new List<string>();
        try
        {
            foreach (var result in results.Models)
            {
                if (!result.Succeeded)
                {
                    unavailable.Add($"{result.ModelName}: training failed ({result.Failure ?? "no test metrics"})");
                    continue;
                }
                loaded.Add(LoadModel(folder, result, features, results.ArchitectureOrOriginal));
            }
        }
        catch
        {
            foreach (var m in loaded) m.Module.Dispose();
            throw;
        }
        if (loaded.Count == 0)
            throw new InvalidDataException($"run '{folder.Path}' has no successfully trained model" +
                (unavailable.Count > 0 ? ": " + string.Join("; ", unavailable) : ""));
        return new TrainedRun(folder, results, statistics, loaded, unavailable);
    }

    /// <summary>The newest run folder under <paramref name="resultsRoot"/> (by the finish time saved in its results.json, else
    /// the file's time) that holds a successfully trained model of every kind in <paramref name="required"/> (default: all
    /// three) with its weights; null if none. Runs are looked for up to <paramref name="depth"/> folders down (results/&lt;run&gt;
    /// is depth 1; the runs kept inside a report or under results/notebooks/runs lie deeper).</summary>
    public static string? FindLatest(string resultsRoot, IReadOnlyList<ModelKind>? required = null, int depth = 3)
    {
        if (!Directory.Exists(resultsRoot)) return null;
        var names = (required ?? ModelCatalog.All).Select(ModelCatalog.Name).ToList();
        var candidates = new List<(DateTimeOffset Time, string Path)>();
        foreach (var dir in RunCandidates(resultsRoot, depth))
        {
            var file = System.IO.Path.Combine(dir, RunFolder.ResultsFile);
            try
            {
                var run = ResultsJson.Load<RunResults>(file);
                if (run.Models is null || run.Features is null) continue;
                bool complete = names.All(n => run.Models.Any(m => m.ModelName == n && m.Succeeded)
                                               && File.Exists(new RunFolder(dir).WeightsFile(n)));
                if (complete) candidates.Add((run.Info?.Finished ?? File.GetLastWriteTimeUtc(file), dir));
            }
            catch (InvalidDataException) { }
        }
        return candidates.Count == 0 ? null : candidates.MaxBy(c => c.Time).Path;
    }

    /// <summary>Folders under <paramref name="root"/>, at most <paramref name="depth"/> levels down, that hold a results.json
    /// (a run folder's own subfolders are not searched).</summary>
    static IEnumerable<string> RunCandidates(string root, int depth)
    {
        if (depth < 1) yield break;
        foreach (var dir in Directory.EnumerateDirectories(root).Order(StringComparer.Ordinal))
        {
            if (File.Exists(System.IO.Path.Combine(dir, RunFolder.ResultsFile))) { yield return dir; continue; }
            foreach (var nested in RunCandidates(dir, depth - 1)) yield return nested;
        }
    }

    static NormaliserStatistics? LoadStatistics(RunFolder folder, FeatureSettings features)
    {
        var file = System.IO.Path.Combine(folder.Path, RunFolder.NormaliserFile);
        if (features.Normalisation != SpectrogramNormalisation.DatasetStatistics) return null;
        if (!File.Exists(file))
            throw new InvalidDataException($"{file}: missing: the run was trained with dataset-statistics normalisation, and its per-band statistics " +
                "are needed to compute the same features (runs trained before normaliser.json was saved must be retrained)");
        var statistics = folder.LoadNormaliser()!;
        if (statistics.Mean is null || statistics.Std is null || statistics.Mean.Length != features.MelBands || statistics.Std.Length != features.MelBands)
            throw new InvalidDataException($"{file}: expected a mean and a std for each of the {features.MelBands} mel bands");
        if (statistics.Mean.Concat(statistics.Std).Any(v => !float.IsFinite(v)) || statistics.Std.Any(v => v <= 0))
            throw new InvalidDataException($"{file}: holds non-finite or non-positive statistics");
        return statistics;
    }

    static TrainedModel LoadModel(RunFolder folder, ModelResult result, FeatureSettings features, ModelSettings architecture)
    {
        ModelKind kind;
        try { kind = ModelCatalog.Parse(result.ModelName); }
        catch (ArgumentException e) { throw new InvalidDataException($"{System.IO.Path.Combine(folder.Path, RunFolder.ResultsFile)}: {e.Message}", e); }
        var weights = folder.WeightsFile(result.ModelName);
        if (!File.Exists(weights))
            throw new InvalidDataException($"{weights}: missing: the weights of {result.ModelName} are not in the run folder");

        var model = ModelCatalog.Create(kind, architecture, features.SampleRate, clipSamples: features.ClipSamples);
        try
        {
            try { model.load(weights); }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                throw new InvalidDataException($"{weights}: not a readable {result.ModelName} weights file ({e.Message.Split('\n')[0].Trim()})", e);
            }
            model.eval();
            CheckForwardPass(model, result.ModelName, weights, features);
            return new TrainedModel(result.ModelName, kind, model, result, weights);
        }
        catch
        {
            model.Dispose();
            throw;
        }
    }

    /// <summary>A forward pass on zero input of the shapes the saved feature settings produce: the
    /// model must accept them and return one finite logit per digit.</summary>
    static void CheckForwardPass(DigitClassifier model, string name, string weights, FeatureSettings features)
    {
        using var noGrad = no_grad();
        using var scope = NewDisposeScope();
        try
        {
            var raw = zeros(1, features.ClipSamples);
            var spec = zeros(1, 1, features.MelBands, features.Frames);
            var logits = model.forward(raw, spec);
            if (logits.dim() != 2 || logits.shape[0] != 1 || logits.shape[1] != Evaluator.DigitLabels.Count)
                throw new InvalidDataException($"{weights}: {name} returns logits of shape ({string.Join(", ", logits.shape)}), expected (1, {Evaluator.DigitLabels.Count})");
            if (!logits.isfinite().all().item<bool>())
                throw new InvalidDataException($"{weights}: {name} returns non-finite logits: the weights are corrupt");
        }
        catch (Exception e) when (e is not InvalidDataException and not OutOfMemoryException)
        {
            throw new InvalidDataException($"{weights}: {name} does not accept the features of this run " +
                $"(raw (1, {features.ClipSamples}), spectrogram (1, 1, {features.MelBands}, {features.Frames})): {e.Message.Split('\n')[0].Trim()}", e);
        }
    }

    static ModelKind? TryParse(string name)
    {
        try { return ModelCatalog.Parse(name); }
        catch (ArgumentException) { return null; }
    }

    public void Dispose()
    {
        foreach (var m in Models) m.Module.Dispose();
    }
}
