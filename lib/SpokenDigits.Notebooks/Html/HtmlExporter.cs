using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using SpokenDigits.Charts;

namespace SpokenDigits.Notebooks;

/// <summary>
/// Exports a notebook as one self-contained, offline HTML page. plotly.js (embedded in the library at
/// build time) is inlined once when any output needs it; Plotly figures given as
/// application/vnd.plotly.v1+json are drawn from the JSON when their HTML depends on a CDN.
/// </summary>
public static partial class HtmlExporter
{
    /// <summary>Marks the one inline plotly.js script in an exported page.</summary>
    public const string PlotlyScriptId = "plotly-js";

    public static string Export(Notebook notebook, string title)
    {
        var body = new StringBuilder();
        var headingIds = new HeadingIds();
        bool needsPlotly = false;
        int figure = 0;
        foreach (var (cell, index) in notebook.Cells.Select((c, i) => (c, i)))
        {
            switch (cell.CellType)
            {
                case CellType.Markdown:
                    body.Append("<section class=\"cell markdown\">\n").Append(Markdown.ToHtml(cell.Source, headingIds)).Append("</section>\n");
                    break;
                case CellType.Raw:
                    body.Append("<section class=\"cell raw\"><pre>").Append(Esc(cell.Source)).Append("</pre></section>\n");
                    break;
                case CellType.Code:
                    var prompt = cell.ExecutionCount is int n ? $"[{n}]" : "[ ]";
                    body.Append("<section class=\"cell code\" id=\"cell-").Append(index).Append("\">\n")
                        .Append("<div class=\"input\"><span class=\"prompt\">").Append(prompt).Append("</span><pre class=\"source\">")
                        .Append(Esc(cell.Source)).Append("</pre></div>\n");
                    if (cell.Outputs.Count > 0)
                    {
                        body.Append("<div class=\"outputs\">\n");
                        foreach (var o in cell.Outputs) body.Append(RenderOutput(o, headingIds, ref needsPlotly, ref figure));
                        body.Append("</div>\n");
                    }
                    body.Append("</section>\n");
                    break;
            }
        }

        var sb = new StringBuilder();
        sb.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
          .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
          .Append("<title>").Append(Esc(title)).Append("</title>\n<style>\n").Append(Css).Append("</style>\n");
        if (needsPlotly)
        {
            sb.Append(PlotlyJs.InlineScriptTag(PlotlyScriptId)).Append('\n');
        }
        sb.Append("</head>\n<body>\n<main>\n<h1 class=\"title\">").Append(Esc(title)).Append("</h1>\n")
          .Append(body).Append("</main>\n</body>\n</html>\n");
        return sb.ToString();
    }

    private static string RenderOutput(CellOutput output, HeadingIds headingIds, ref bool needsPlotly, ref int figure)
    {
        switch (output)
        {
            case StreamOutput s:
                return $"<pre class=\"stream {s.Name}\">{Esc(s.Text)}</pre>\n";
            case ErrorOutput e:
                var tb = string.Join("\n", e.Traceback.Select(StripAnsi));
                return $"<div class=\"error\"><strong>{Esc(e.EName)}</strong>: {Esc(e.EValue)}" +
                       (tb.Length > 0 ? $"<pre>{Esc(tb)}</pre>" : "") + "</div>\n";
            case DisplayDataOutput d:
                return "<div class=\"display\">" + RenderBundle(d.Data, headingIds, ref needsPlotly, ref figure) + "</div>\n";
        }
        return "";
    }

    private static string RenderBundle(MimeBundle data, HeadingIds headingIds, ref bool needsPlotly, ref int figure)
    {
        var html = data.GetText("text/html");
        var plotlyJson = data.TryGetValue(MimeBundle.PlotlyMimeType, out var pj) ? pj : null;
        if (plotlyJson is not null && (html is null || ReliesOnExternalScript(html)))
        {
            needsPlotly = true;
            var id = $"plotly-figure-{++figure}";
            var json = plotlyJson is JsonValue v && v.TryGetValue<string>(out var s) ? s : plotlyJson.ToJsonString();
            return $"<div id=\"{id}\" class=\"plotly-figure\"></div>\n<script>(function(){{var fig={PlotlyJs.EscapeForScript(json)};" +
                   $"Plotly.newPlot('{id}', fig.data || [], fig.layout || {{}}, Object.assign({{responsive: true}}, fig.config || {{}}));}})();</script>";
        }
        if (html is not null)
        {
            if (MentionsPlotly(html)) needsPlotly = true;
            return RemoveExternalPlotlyScripts(OutputSanitizer.StripInlinePlotlyJs(html));
        }
        if (data.GetText("image/svg+xml") is string svg) return svg;
        foreach (var img in new[] { "image/png", "image/jpeg", "image/gif" })
            if (data.GetText(img) is string b64)
                return $"<img src=\"data:{img};base64,{b64.Replace("\n", "")}\" alt=\"output\">";
        if (data.GetText("text/markdown") is string md) return Markdown.ToHtml(md, headingIds);
        if (data.GetText("text/plain") is string text) return $"<pre>{Esc(text)}</pre>";
        var anyJson = data.FirstOrDefault(kv => MimeBundle.IsJsonMimeType(kv.Key));
        if (anyJson.Key is not null) return $"<pre>{Esc(anyJson.Value?.ToJsonString() ?? "")}</pre>";
        return "";
    }

    private static bool MentionsPlotly(string html) =>
        html.Contains("Plotly.newPlot", StringComparison.Ordinal) || html.Contains("Plotly.react", StringComparison.Ordinal) ||
        html.Contains("Plotly.plot", StringComparison.Ordinal);

    private static bool ReliesOnExternalScript(string html) =>
        ExternalScript().IsMatch(html) || html.Contains("require.config", StringComparison.Ordinal) ||
        html.Contains("cdn.plot.ly", StringComparison.OrdinalIgnoreCase);

    private static string RemoveExternalPlotlyScripts(string html) =>
        ExternalScript().Replace(html, m => m.Value.Contains("plot", StringComparison.OrdinalIgnoreCase) ? "" : m.Value);

    [GeneratedRegex("<script[^>]*\\bsrc\\s*=\\s*[\"']?(https?:)?//[^>]*>\\s*</script>", RegexOptions.IgnoreCase)]
    private static partial Regex ExternalScript();

    [GeneratedRegex("\\x1b\\[[0-9;]*[A-Za-z]")]
    private static partial Regex Ansi();

    private static string StripAnsi(string s) => Ansi().Replace(s, "");

    private static string Esc(string s) => WebUtility.HtmlEncode(s);

    /// <summary>The plotly.js bundle inlined into every export (the helper library's, see <c>PlotlyJs</c>).</summary>
    public static string PlotlyJsSource => PlotlyJs.Source;

    private const string Css = """
        :root { --fg: #1f2328; --muted: #59636e; --border: #d1d9e0; --code-bg: #f6f8fa; --err: #b42318; }
        body { margin: 0; color: var(--fg); background: #fff; font: 16px/1.55 -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
        main { max-width: 1000px; margin: 0 auto; padding: 2rem 1.5rem 4rem; }
        h1.title { font-size: 1rem; color: var(--muted); font-weight: normal; border-bottom: 1px solid var(--border); padding-bottom: .5rem; }
        .cell { margin: 1rem 0; }
        .markdown h1, .markdown h2, .markdown h3 { line-height: 1.25; margin-top: 1.5rem; }
        .markdown table, .display table { border-collapse: collapse; margin: .5rem 0; }
        .markdown th, .markdown td, .display th, .display td { border: 1px solid var(--border); padding: .25rem .6rem; }
        .markdown th, .display th { background: var(--code-bg); }
        code { background: var(--code-bg); padding: .1em .3em; border-radius: 4px; font-size: 90%; }
        pre { font: 13px/1.45 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; overflow-x: auto; margin: 0; white-space: pre-wrap; }
        pre code { background: none; padding: 0; }
        .markdown pre { background: var(--code-bg); padding: .75rem; border-radius: 6px; }
        .input { display: flex; gap: .5rem; }
        .prompt { color: var(--muted); font: 12px ui-monospace, monospace; min-width: 3rem; text-align: right; padding-top: .8rem; }
        pre.source { flex: 1; background: var(--code-bg); border: 1px solid var(--border); border-radius: 6px; padding: .75rem; }
        .outputs { margin-left: 3.5rem; padding: .4rem 0; }
        .outputs > * { margin: .3rem 0; }
        pre.stream.stderr { background: #fff5f5; }
        .error { color: var(--err); border-left: 3px solid var(--err); padding: .3rem .75rem; background: #fff5f5; }
        .error pre { color: var(--fg); margin-top: .4rem; }
        .display img { max-width: 100%; }
        .plotly-figure { width: 100%; min-height: 420px; }
        blockquote { margin: 0; padding-left: 1rem; color: var(--muted); border-left: 3px solid var(--border); }
        """;
}
