using SpokenDigits.Runs;

namespace SpokenDigits.Rendering.Ablation;

/// <summary>Where the generated ablation report went.</summary>
public sealed record AblationOutput(string Markdown, string Html, string Summary, IReadOnlyList<string> Figures);

/// <summary>Writes ablation.json, ablation.md, ablation.html (offline, plotly.js inline once) and figures/ablation-*.svg
/// into a report folder, from the JSON files of its runs only.</summary>
public static class AblationReportGenerator
{
    public static AblationOutput Generate(ReportFolder report, string command, int resamples = 10000)
    {
        var built = AblationReport.Build(report, resamples);
        ResultsJson.Save(report.File(AblationFolder.SummaryFile), built.Summary);
        var page = built.Page(command);
        var figures = page.SaveFigures(report.Path);
        RemoveStaleFigures(Path.Combine(report.Path, ReportFolder.FiguresFolder), figures);
        AtomicFile.WriteAllText(report.File(AblationFolder.MarkdownFile), page.ToMarkdown());
        page.ToHtml().Save(report.File(AblationFolder.HtmlFile));
        return new AblationOutput(report.File(AblationFolder.MarkdownFile), report.File(AblationFolder.HtmlFile),
            report.File(AblationFolder.SummaryFile), figures);
    }

    /// <summary>Deletes the figures/ablation-* files (SVG, and PNG copies of them) that an earlier ablation wrote and this one
    /// no longer shows, such as the branch curves of a variant that is no longer the best fusion.</summary>
    static void RemoveStaleFigures(string folder, IReadOnlyCollection<string> current)
    {
        var keep = current.Select(Path.GetFileNameWithoutExtension).ToHashSet(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(folder, "ablation-*"))
            if (Path.GetExtension(file) is ".svg" or ".png" && !keep.Contains(Path.GetFileNameWithoutExtension(file)))
                File.Delete(file);
    }
}
