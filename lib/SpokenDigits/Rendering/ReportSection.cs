using SpokenDigits.Analysis;
using SpokenDigits.Charts;

namespace SpokenDigits.Rendering;

/// <summary>One figure of a report: the file it is saved as under figures/ (SVG, and a PNG copy when Chromium is
/// installed), its caption, and its one definition, from which the static file and the interactive chart are both drawn.</summary>
public sealed record ReportFigure(string File, string Caption, FigureDefinition Definition)
{
    /// <summary>The interactive chart (HTML page, notebooks).</summary>
    public PlotlyChart Chart => Definition.ToPlotly();
}

/// <summary>
/// One section of a report: its heading and everything shown under it, in this order: paragraphs, bullet points, tables,
/// figures. The section carries its own figures, so no renderer looks a figure up by heading text and a renamed heading
/// keeps its figures. The Markdown page, the HTML page and the notebooks all render the same sections.
/// </summary>
public sealed record ReportSection(string Heading, IReadOnlyList<ReportTable> Tables, IReadOnlyList<ReportFigure> Figures)
{
    /// <summary>A section of prose only.</summary>
    public ReportSection(string heading, IReadOnlyList<string> paragraphs) : this(heading, [], []) => Paragraphs = paragraphs;

    public IReadOnlyList<string> Paragraphs { get; init; } = [];

    public IReadOnlyList<string> Bullets { get; init; } = [];

    /// <summary>The section's tables as Markdown (a notebook shows them with display(…, "text/markdown")).</summary>
    public string Markdown() => Tables.Count == 0 ? $"*{Heading}: nothing to show here.*" : string.Concat(Tables.Select(t => t.ToMarkdown()));
}
