using SpokenDigits.Training;

namespace SpokenDigits.Runs;

/// <summary>What an ablation was asked to do (its numbers are read from the run folders).</summary>
/// <param name="Goals">The study's own targets, when it set any (<c>--goals</c>); null or empty: the report shows no goals.</param>
public sealed record AblationManifest(
    string Command,
    IReadOnlyList<int> Seeds,
    IReadOnlyList<string> Variants,
    IReadOnlyList<string> LosoVariants,
    IReadOnlyList<int> LosoSeeds,
    DateTimeOffset Created,
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    IReadOnlyList<StudyGoal>? Goals = null);

/// <summary>The ablation's files inside a report folder:
/// <code>
/// ablation-manifest.json                          the manifest
/// variants/&lt;label&gt;/seed-&lt;n&gt;/                 the variant's fused model, one run per seed
/// variants/&lt;label&gt;/loso/&lt;speaker&gt;/seed-&lt;n&gt;/  likewise per held-out speaker
/// ablation.json, ablation.md, ablation.html       the summary and the report
/// figures/ablation-*.svg                          static figures
/// </code></summary>
public static class AblationFolder
{
    public const string ManifestFile = "ablation-manifest.json";
    public const string SummaryFile = "ablation.json";
    public const string MarkdownFile = "ablation.md";
    public const string HtmlFile = "ablation.html";
    public const string VariantsFolder = "variants";

    public static void SaveManifest(ReportFolder report, AblationManifest manifest) =>
        ResultsJson.Save(report.File(ManifestFile), manifest);

    public static AblationManifest? LoadManifest(ReportFolder report) =>
        File.Exists(report.File(ManifestFile)) ? ResultsJson.Load<AblationManifest>(report.File(ManifestFile)) : null;

    /// <summary>The folder of one variant's runs (a <see cref="ReportFolder"/> of its own).</summary>
    public static ReportFolder Variant(ReportFolder report, AblationVariant variant) =>
        new(Path.Combine(report.Path, VariantsFolder, variant.Label));
}
