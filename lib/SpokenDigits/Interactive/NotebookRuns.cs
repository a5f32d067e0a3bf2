using System.Text;
using SpokenDigits.Evaluation;
using SpokenDigits.Models;
using SpokenDigits.Training;
using SpokenDigits.Experiments;
using SpokenDigits.Rendering;
using SpokenDigits.Runs;

namespace SpokenDigits.Interactive;

/// <summary>
/// Lets the training notebooks (one model each) share one run folder, so the comparison notebook can read
/// all three without retraining. The folder, <c>&lt;root&gt;/&lt;split&gt;-seed&lt;seed&gt;-e&lt;epochs&gt;[-subset&lt;n&gt;]</c>, is an
/// ordinary <see cref="RunFolder"/> whose results.json accumulates models: training one model replaces that
/// model's entry and keeps the others, as long as they were made with the same training and feature settings
/// and the same split (otherwise they are dropped).
/// </summary>
public static class NotebookRuns
{
    /// <summary>Overrides the default root (&lt;project&gt;/results/notebooks/runs) when no runsDir parameter is given.</summary>
    public const string EnvironmentVariable = "SPOKENDIGITS_NOTEBOOK_RUNS";

    /// <summary>The run folder's name for these options, e.g. <c>official-seed42-e20</c> or <c>official-seed42-e2-subset10</c>.</summary>
    public static string Key(ExperimentOptions options)
    {
        var split = new StringBuilder();
        foreach (char c in options.SplitOrDefault.ToString())
            split.Append(char.IsAsciiLetterOrDigit(c) ? c : '-');
        var t = options.TrainingOrDefault;
        return $"{split}-seed{t.Seed}-e{t.Epochs}" + (options.Subset is int s ? $"-subset{s}" : "");
    }

    /// <summary>The run folder for <paramref name="options"/> under <paramref name="root"/> (see <see cref="NotebookSetup.RunsRoot"/>).</summary>
    public static RunFolder Folder(ExperimentOptions options, string? root = null) =>
        new(Path.Combine(NotebookSetup.RunsRoot(root), Key(options)));

    /// <summary>The models saved so far for these options (predictions included), or null when none are.</summary>
    public static RunResults? Load(ExperimentOptions options, string? root = null)
    {
        var folder = Folder(options, root);
        return File.Exists(Path.Combine(folder.Path, RunFolder.ResultsFile)) ? folder.Load() : null;
    }

    /// <summary>
    /// Trains and tests one model with <paramref name="options"/> (its model list is replaced by
    /// <paramref name="kind"/>), saves it into the shared run folder and returns its result.
    /// </summary>
    public static ModelResult Train(ModelKind kind, ExperimentOptions options, string? root = null,
        TrainingProgress? progress = null, string command = "notebook", CancellationToken cancellation = default)
    {
        var run = TrainMissing(options with { Models = [kind] }, root, progress, command, cancellation, retrainAll: true);
        return run.Model(ModelCatalog.Name(kind))!;
    }

    /// <summary>
    /// Every model of <paramref name="options"/> (all three by default): read from the run folder when a
    /// compatible result with a test report is there, trained now (and saved) otherwise. Models come back in
    /// the order of <see cref="ExperimentOptions.ModelsOrDefault"/>.
    /// </summary>
    public static RunResults LoadOrTrain(ExperimentOptions options, string? root = null, TrainingProgress? progress = null,
        string command = "notebook", CancellationToken cancellation = default) =>
        TrainMissing(options, root, progress, command, cancellation, retrainAll: false);

    static RunResults TrainMissing(ExperimentOptions options, string? root, TrainingProgress? progress, string command,
        CancellationToken cancellation, bool retrainAll)
    {
        progress ??= TrainingProgress.Silent;
        var folder = Folder(options, root);
        var previous = Load(options, root);
        var wanted = options.ModelsOrDefault;
        var have = previous?.Models.Where(m => m.Test is not null).Select(m => m.ModelName).ToHashSet() ?? [];
        var missing = retrainAll ? wanted.ToList() : wanted.Where(k => !have.Contains(ModelCatalog.Name(k))).ToList();

        // The folder name covers split, seed, epochs and subset; the other settings (learning rate, features...)
        // are checked before trusting stored models.
        if (previous is not null && missing.Count == 0 && IsCompatible(previous, options))
        {
            progress.Line($"Loaded {string.Join(", ", wanted.Select(ModelCatalog.Name))} from {folder.Path}");
            return Ordered(previous, wanted);
        }
        if (previous is not null && !IsCompatible(previous, options))
        {
            progress.Line($"Stored results in {folder.Path} were made with other settings; retraining.");
            previous = null;
            missing = wanted.ToList();
        }

        if (missing.Count < wanted.Count)
            progress.Line($"Loaded {string.Join(", ", wanted.Except(missing).Select(ModelCatalog.Name))} from {folder.Path}; training {string.Join(", ", missing.Select(ModelCatalog.Name))}.");
        RunResults fresh;
        try
        {
            fresh = new Experiment(options with { Models = missing }, progress).Run(command, folder, cancellation);
        }
        catch when (previous is not null)
        {
            folder.SaveRun(previous, MarkdownSummary.Render(previous));   // the experiment rewrote results.json with its own models only
            throw;
        }
        var freshNames = fresh.Models.Select(m => m.ModelName).ToHashSet();
        var kept = previous?.Models.Where(m => !freshNames.Contains(m.ModelName)) ?? [];
        var merged = fresh with { Models = kept.Concat(fresh.Models).OrderBy(m => CatalogIndex(m.ModelName)).ToList() };
        folder.SaveRun(merged, MarkdownSummary.Render(merged));
        progress.Line($"Saved to {folder.Path}");
        return Ordered(merged, wanted);
    }

    static bool IsCompatible(RunResults stored, ExperimentOptions options) =>
        stored.Training with { Threads = null } == options.TrainingOrDefault with { Threads = null } &&
        stored.Features == options.FeaturesOrDefault &&
        stored.ArchitectureOrOriginal == options.ArchitectureOrDefault;

    static RunResults Ordered(RunResults run, IReadOnlyList<ModelKind> wanted)
    {
        var names = wanted.Select(ModelCatalog.Name).ToList();
        return run with { Models = run.Models.Where(m => names.Contains(m.ModelName)).OrderBy(m => names.IndexOf(m.ModelName)).ToList() };
    }

    static int CatalogIndex(string name)
    {
        for (int i = 0; i < ModelCatalog.All.Count; i++)
            if (ModelCatalog.Name(ModelCatalog.All[i]) == name) return i;
        return int.MaxValue;
    }
}
