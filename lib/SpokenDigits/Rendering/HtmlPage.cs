using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using SpokenDigits.Charts;
using SpokenDigits.Runs;

namespace SpokenDigits.Rendering;

/// <summary>
/// Builds a standalone, offline HTML page: headings, paragraphs, tables, raw HTML and charts, in the order added.
/// When the page has at least one chart, <see cref="ToHtml"/> puts plotly.js inline in &lt;head&gt; exactly once
/// (no external script); a page without charts carries no JavaScript at all.
/// </summary>
public sealed class HtmlPage
{
    private readonly List<string> _blocks = [];
    private int _chartCount;

    /// <param name="stamp">The time the page's data is of (e.g. its runs' last finish), shown in the footer in UTC; null shows
    /// none. The clock is never read, so the same data gives the same page.</param>
    public HtmlPage(string title, DateTimeOffset? stamp = null)
    {
        Title = title ?? throw new ArgumentNullException(nameof(title));
        Stamp = stamp;
    }

    public string Title { get; }

    public DateTimeOffset? Stamp { get; }

    /// <summary>Number of charts added so far.</summary>
    public int ChartCount => _chartCount;

    public bool HasCharts => _chartCount > 0;

    /// <summary>A heading, &lt;h2&gt; by default (the page title is the only &lt;h1&gt;).</summary>
    public HtmlPage Heading(string text, int level = 2)
    {
        level = Math.Clamp(level, 1, 6);
        _blocks.Add($"<h{level}>{Encode(text)}</h{level}>");
        return this;
    }

    /// <summary>A paragraph of plain text (HTML-escaped).</summary>
    public HtmlPage Paragraph(string text)
    {
        _blocks.Add($"<p>{Encode(text)}</p>");
        return this;
    }

    /// <summary>A preformatted block of plain text (HTML-escaped), e.g. a console summary.</summary>
    public HtmlPage Preformatted(string text)
    {
        _blocks.Add($"<pre>{Encode(text)}</pre>");
        return this;
    }

    /// <summary>HTML inserted as is (an SVG figure, a formatter's table, ...).</summary>
    public HtmlPage Html(string rawHtml)
    {
        _blocks.Add(rawHtml);
        return this;
    }

    /// <summary>
    /// A table of plain-text cells (HTML-escaped). Cells that read as numbers are right-aligned.
    /// </summary>
    public HtmlPage Table(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows, string? caption = null)
    {
        var sb = new StringBuilder("<table>");
        if (caption is not null)
            sb.Append("<caption>").Append(Encode(caption)).Append("</caption>");
        sb.Append("<thead><tr>");
        foreach (string h in header)
            sb.Append("<th>").Append(Encode(h)).Append("</th>");
        sb.Append("</tr></thead><tbody>");
        foreach (var row in rows)
        {
            sb.Append("<tr>");
            foreach (string cell in row)
                sb.Append(LooksNumeric(cell) ? "<td class=\"num\">" : "<td>").Append(Encode(cell)).Append("</td>");
            sb.Append("</tr>");
        }
        sb.Append("</tbody></table>");
        _blocks.Add(sb.ToString());
        return this;
    }

    /// <summary>A chart, drawn by <see cref="ChartHtml.Fragment"/> with the page's inline plotly.js. Its div id counts
    /// the page's charts ("sd-chart-page-1", …), so the same report regenerated is the same file.</summary>
    public HtmlPage Chart(PlotlyChart chart, string? caption = null)
    {
        string fragment = ChartHtml.Fragment(chart, $"{ChartHtml.IdPrefix}page-{_chartCount + 1}");
        _blocks.Add(caption is null
            ? $"<figure class=\"chart\">{fragment}</figure>"
            : $"<figure class=\"chart\">{fragment}<figcaption>{Encode(caption)}</figcaption></figure>");
        _chartCount++;
        return this;
    }

    /// <summary>The whole page.</summary>
    public string ToHtml()
    {
        var sb = new StringBuilder();
        sb.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
          .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
          .Append("<meta name=\"generator\" content=\"SpokenDigits\">\n")
          .Append("<title>").Append(Encode(Title)).Append("</title>\n")
          .Append("<style>").Append(Css).Append("</style>\n");
        if (HasCharts)
            sb.Append(PlotlyJs.InlineScriptTag()).Append('\n');
        sb.Append("</head>\n<body>\n<main>\n<h1>").Append(Encode(Title)).Append("</h1>\n");
        foreach (string block in _blocks)
            sb.Append(block).Append('\n');
        var footer = new List<string>();
        if (Stamp is { } stamp) footer.Add("Runs finished " + stamp.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " UTC");
        if (HasCharts) footer.Add($"charts by plotly.js {PlotlyJs.Version} (included)");
        sb.Append("<footer>").Append(Encode(footer.Count == 0 ? "SpokenDigits" : string.Join(" · ", footer)))
          .Append("</footer>\n</main>\n</body>\n</html>\n");
        return sb.ToString();
    }

    /// <summary>
    /// Writes the page atomically: to a temporary file in the same folder, then moved over <paramref name="path"/>,
    /// so readers never see a half-written page. Creates the folder if needed.
    /// </summary>
    public void Save(string path) => AtomicFile.WriteAllText(path, ToHtml());

    internal static string Encode(string text) => WebUtility.HtmlEncode(text);

    internal static bool LooksNumeric(string cell)
    {
        string s = cell.Trim().TrimEnd('%').Replace("−", "-", StringComparison.Ordinal);
        return s.Length > 0 && double.TryParse(s, NumberStyles.Float | NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out _);
    }

    internal const string Css = """
        body { margin: 0; background: #f6f7f9; color: #222; font: 15px/1.5 "Segoe UI", Helvetica, Arial, sans-serif; }
        main { max-width: 980px; margin: 0 auto; padding: 24px 32px 48px; background: #fff; min-height: 100vh; box-shadow: 0 0 12px rgba(0,0,0,.06); }
        h1 { font-size: 1.8em; margin: .4em 0 .6em; border-bottom: 2px solid #e3e6ea; padding-bottom: .2em; }
        h2 { font-size: 1.35em; margin: 1.6em 0 .5em; border-bottom: 1px solid #e3e6ea; }
        h3 { font-size: 1.1em; margin: 1.2em 0 .4em; }
        p { margin: .5em 0 .9em; }
        pre { background: #f3f4f6; padding: 10px 12px; border-radius: 4px; overflow-x: auto; font-size: 13px; }
        table { border-collapse: collapse; margin: .6em 0 1.2em; font-size: 14px; font-variant-numeric: tabular-nums; }
        caption { caption-side: top; text-align: left; font-weight: 600; padding-bottom: 4px; }
        th, td { border: 1px solid #d9dde3; padding: 4px 10px; }
        th { background: #eef1f5; text-align: left; }
        td.num { text-align: right; }
        tbody tr:nth-child(even) { background: #fafbfc; }
        figure.chart { margin: 1em 0 1.6em; }
        figcaption { color: #555; font-size: 13px; margin-top: 4px; }
        footer { margin-top: 3em; color: #888; font-size: 12px; border-top: 1px solid #eee; padding-top: 8px; }
        """;
}
