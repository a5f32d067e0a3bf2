using SpokenDigits.Training;

namespace SpokenDigits.Runs;

/// <summary>The two ways an ablation's manifest (<see cref="AblationManifest"/>) changes: a new ablation records
/// what it is about to train; a report-only pass over finished runs narrows what the report covers.</summary>
public static class AblationManifestEdits
{
    /// <summary>Saves the manifest of an ablation about to train <paramref name="variants"/> on <paramref name="seeds"/>
    /// (and <paramref name="losoVariants"/> on each held-out speaker with <paramref name="losoSeeds"/>), with the study's
    /// <paramref name="goals"/> if it set any.</summary>
    public static AblationManifest Begin(ReportFolder report, string command, IReadOnlyList<int> seeds, IReadOnlyList<AblationVariant> variants,
        IReadOnlyList<AblationVariant> losoVariants, IReadOnlyList<int> losoSeeds, IReadOnlyList<StudyGoal>? goals = null)
    {
        var manifest = new AblationManifest(command, seeds, variants.Select(v => v.Label).ToList(),
            losoVariants.Select(v => v.Label).ToList(), losoSeeds, DateTimeOffset.Now, goals);
        AblationFolder.SaveManifest(report, manifest);
        return manifest;
    }

    /// <summary>Narrows the saved manifest to <paramref name="variants"/>, the report's first <paramref name="seeds"/>
    /// seeds and <paramref name="losoVariants"/>, and sets the study's <paramref name="goals"/> (each null: as before), without training anything; returns the manifest
    /// now saved (null when the report has no ablation yet; unchanged when nothing is narrowed). Its creation time stays
    /// that of the ablation, so that regenerating a report from its runs changes nothing the runs did not.</summary>
    public static AblationManifest? Narrow(ReportFolder report, string command, IReadOnlyList<AblationVariant>? variants, int? seeds,
        IReadOnlyList<AblationVariant>? losoVariants, IReadOnlyList<StudyGoal>? goals = null)
    {
        var previous = AblationFolder.LoadManifest(report);
        if (previous is null || (variants is null && seeds is null && losoVariants is null && goals is null)) return previous;
        var reportManifest = report.LoadManifest();
        var narrowed = previous with
        {
            Command = command,
            Variants = variants?.Select(v => v.Label).Distinct().ToList() ?? previous.Variants,
            Seeds = (reportManifest?.Seeds ?? previous.Seeds).Take(seeds ?? int.MaxValue).ToList(),
            LosoVariants = reportManifest?.Loso == true ? losoVariants?.Select(v => v.Label).Distinct().ToList() ?? previous.LosoVariants : [],
            Goals = goals ?? previous.Goals,
        };
        AblationFolder.SaveManifest(report, narrowed);
        return narrowed;
    }
}
