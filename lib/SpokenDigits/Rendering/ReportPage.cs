using System.Net;
using System.Text;
using SpokenDigits.Runs;

namespace SpokenDigits.Rendering;

/// <summary>A report as a title and its <see cref="ReportSection"/>s, rendered as Markdown (figures as images under
/// figures/, for GitHub) and as an offline HTML page (figures as interactive charts); both renderings show the same
/// sections in the same order.</summary>
/// <param name="Stamp">The time the report's data is of (its runs' last finish), shown in the HTML footer; the clock is
/// never read, so a report regenerated from the same runs is the same file.</param>
public sealed record ReportPage(string Title, IReadOnlyList<ReportSection> Sections, DateTimeOffset? Stamp)
{
    /// <summary>Every figure of every section, in order.</summary>
    public IEnumerable<ReportFigure> Figures => Sections.SelectMany(s => s.Figures);

    /// <summary>Saves each figure's SVG under <paramref name="reportFolder"/>/figures/ and returns the paths written.</summary>
    public IReadOnlyList<string> SaveFigures(string reportFolder)
    {
        var written = new List<string>();
        foreach (var f in Figures)
        {
            var path = Path.Combine(reportFolder, ReportFolder.FiguresFolder, f.File);
            f.Definition.SaveSvg(path);
            written.Add(path);
        }
        return written;
    }

    public string ToMarkdown()
    {
        var md = new StringBuilder();
        md.AppendLine($"# {Title}").AppendLine();
        foreach (var s in Sections)
        {
            md.AppendLine($"## {s.Heading}").AppendLine();
            foreach (var p in s.Paragraphs) md.AppendLine(p).AppendLine();
            if (s.Bullets.Count > 0)
            {
                foreach (var b in s.Bullets) md.AppendLine($"- {b}");
                md.AppendLine();
            }
            foreach (var t in s.Tables) md.Append(t.ToMarkdown());
            foreach (var f in s.Figures) md.AppendLine($"![{f.Caption}]({ReportFolder.FiguresFolder}/{f.File})").AppendLine();
        }
        return md.ToString();
    }

    public HtmlPage ToHtml()
    {
        var page = new HtmlPage(Title, Stamp);
        foreach (var s in Sections)
        {
            page.Heading(s.Heading);
            foreach (var p in s.Paragraphs) page.Paragraph(p);
            if (s.Bullets.Count > 0) page.Html("<ul>" + string.Concat(s.Bullets.Select(b => $"<li>{WebUtility.HtmlEncode(b)}</li>")) + "</ul>");
            foreach (var t in s.Tables) page.Table(t.Header, t.Rows, t.Caption);
            foreach (var f in s.Figures) page.Chart(f.Chart, f.Caption);
        }
        return page;
    }
}
