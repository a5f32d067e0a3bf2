using SpokenDigits.Training;
using SpokenDigits.Experiments;
using SpokenDigits.Rendering.Ablation;
using SpokenDigits.Runs;

namespace SpokenDigits.Interactive;

/// <summary>The fusion-ablation notebook's data: the committed ablation of <c>results/report-official</c> when there is one
/// (full mode), otherwise a small ablation trained now through <see cref="MultiSeedProtocol"/> (the report part: one seed of
/// the three models) and <see cref="AblationProtocol"/> (the variants), in <c>&lt;runs&gt;/ablation-&lt;key&gt;/</c>.
/// Finished runs there are read back, so running the notebook again trains nothing.</summary>
public static class NotebookAblation
{
    /// <summary>The variants a notebook trains itself.</summary>
    public static readonly IReadOnlyList<string> Variants = ["gated-aux+moddrop", "attention-none"];

    /// <summary>Quick mode trains only this variant ...</summary>
    public static readonly IReadOnlyList<string> QuickVariants = ["gated-aux+moddrop"];

    /// <summary>... on takes 0–5 only (take 5 is the whole training part; takes 0–4 are the official test part), to stay near a minute.</summary>
    public const int QuickSubset = 6;

    /// <summary>The committed report whose ablation full mode shows.</summary>
    public static ReportFolder Committed => new(Path.Combine(ProjectPaths.ResultsFolder, "report-official"));

    /// <summary>The report folder a notebook trains into for <paramref name="options"/>.</summary>
    public static ReportFolder Folder(ExperimentOptions options, string? runsDir = null) =>
        new(Path.Combine(NotebookSetup.RunsRoot(runsDir), "ablation-" + NotebookRuns.Key(options)));

    /// <summary>Full mode with a committed ablation: reads it (writes nothing). Otherwise trains, or reads back, one seed of the
    /// three models and <paramref name="variants"/> (default <see cref="Variants"/>; quick: <see cref="QuickVariants"/> on
    /// <see cref="QuickSubset"/> takes) with <paramref name="options"/>.</summary>
    public static AblationReport LoadOrTrain(ExperimentOptions options, bool quick, string? runsDir = null, TrainingProgress? progress = null,
        IReadOnlyList<string>? variants = null, string command = "notebook 07-fusion-ablation", CancellationToken cancellation = default)
    {
        progress ??= TrainingProgress.Silent;
        if (!quick && AblationFolder.LoadManifest(Committed) is not null)
        {
            progress.Line($"Reading the committed ablation in {Committed.Path}");
            return AblationReport.Build(Committed);
        }
        if (quick) options = options with { Subset = QuickSubset };
        var folder = Folder(options, runsDir);
        int seed = options.TrainingOrDefault.Seed;
        IReadOnlyList<int> seeds = [seed];
        var list = (variants ?? (quick ? QuickVariants : Variants)).Select(AblationVariant.Parse).ToList();
        var now = DateTimeOffset.Now;
        progress.Line($"Training a small ablation (seed {seed}; variants {string.Join(", ", list.Select(v => v.Label))}) in {folder.Path}");
        folder.SaveManifest(new ReportManifest(command, seeds, seed, options.SplitOrDefault.ToString(), false, [],
            options.TrainingOrDefault.Epochs, options.Subset, now));
        new MultiSeedProtocol(options, seeds, progress).Run(command, folder, cancellation);
        AblationFolder.SaveManifest(folder, new AblationManifest(command, seeds, list.Select(v => v.Label).ToList(), [], [], now));
        new AblationProtocol(options with { SplitSeed = seed }, progress).Run(command, folder, seeds, list, [], seeds, cancellation);
        return AblationReport.Build(folder);
    }

    /// <summary>Where the ablation's numbers come from, as Markdown.</summary>
    public static string Describe(AblationReport ablation) =>
        $"Report folder `{ablation.Summary.Folder}`: seeds {string.Join(", ", ablation.Summary.Seeds)}, " +
        $"{ablation.Summary.Epochs} epochs{(ablation.Summary.Subset is int s ? $", takes below {s} only" : "")}; " +
        $"models: {string.Join(", ", ablation.Summary.Official.Select(r => r.Name))}." +
        (ablation.Summary.Notes.Count == 0 ? "" : "\n\nLeft out: " + string.Join(" ", ablation.Summary.Notes));
}
