using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace SpokenDigits.Notebooks.Tests;

public class HtmlExportTests
{
    private static DisplayDataOutput PlotlyOutput(string html)
    {
        var bundle = new MimeBundle { ["text/plain"] = "chart", ["text/html"] = html };
        bundle[MimeBundle.PlotlyMimeType] = JsonNode.Parse("""{"data":[{"type":"scatter","y":[1,2,3]}],"layout":{"title":{"text":"t"}}}""");
        return new DisplayDataOutput(bundle);
    }

    [Fact]
    public void Plotly_js_is_inlined_once_for_two_charts()
    {
        var nb = new NotebookBuilder().Markdown("# Charts").Code("a").Code("b").Build();
        var code = nb.Cells.Where(c => c.CellType == CellType.Code).ToList();
        // one chart whose HTML loads plotly from a CDN, one self-contained
        code[0].Outputs.Add(PlotlyOutput("<div id=\"c1\"></div><script src=\"https://cdn.plot.ly/plotly-2.28.0.min.js\"></script><script>Plotly.newPlot('c1', [], {});</script>"));
        code[1].Outputs.Add(PlotlyOutput("<div id=\"c2\"></div><script>Plotly.newPlot('c2', [], {});</script>"));
        var html = HtmlExporter.Export(nb, "charts");
        Assert.Single(Regex.Matches(html, $"id=\"{HtmlExporter.PlotlyScriptId}\""));
        Assert.DoesNotContain("src=\"https://cdn.plot.ly", html);
        Assert.DoesNotContain("<script src=", html);
        Assert.Contains("Plotly.newPlot('plotly-figure-1'", html); // drawn from the JSON
        Assert.Contains("Plotly.newPlot('c2'", html);             // self-contained html kept
        Assert.True(html.Length > HtmlExporter.PlotlyJsSource.Length);
        Assert.True(html.Length < 2 * HtmlExporter.PlotlyJsSource.Length);
        // the one copy is the library's own inline element (the report pages use the same), marked with the export's id
        Assert.Contains(SpokenDigits.Charts.PlotlyJs.InlineScriptTag(HtmlExporter.PlotlyScriptId), html);
        Assert.Contains($"<script id=\"{HtmlExporter.PlotlyScriptId}\" type=\"text/javascript\">/* plotly.js {SpokenDigits.Charts.PlotlyJs.Version} (inline) */", html);
    }

    [Fact]
    public void A_figure_whose_json_holds_a_closing_script_tag_cannot_end_its_script()
    {
        var nb = new NotebookBuilder().Code("a").Build();
        var bundle = new MimeBundle { ["text/plain"] = "chart" };
        // as a kernel may send it: the figure's JSON text as one string, not escaped by System.Text.Json
        bundle[MimeBundle.PlotlyMimeType] = JsonValue.Create("""{"data":[],"layout":{"title":{"text":"</script><script>alert(1)</script><!--"}}}""");
        nb.Cells[0].Outputs.Add(new DisplayDataOutput(bundle));
        var html = HtmlExporter.Export(nb, "escaped");
        var figure = html[html.IndexOf("var fig=", StringComparison.Ordinal)..];
        figure = figure[..figure.IndexOf("</script>", StringComparison.Ordinal)];
        Assert.Contains("<\\/script><script>alert(1)<\\/script><\\!--", figure);
        Assert.DoesNotContain("<script>alert(1)", html.Replace("<\\/script><script>alert(1)", ""));
    }

    [Fact]
    public void No_plotly_js_without_charts_and_outputs_render()
    {
        var nb = new NotebookBuilder().Markdown("Text with <script>alert(1)</script>").Code("x < 1").Build();
        var cell = nb.Cells[1];
        cell.ExecutionCount = 1;
        cell.Outputs.Add(new StreamOutput("stdout", "a < b\n"));
        cell.Outputs.Add(new DisplayDataOutput(new MimeBundle { ["text/html"] = "<table><tr><td>ok</td></tr></table>", ["text/plain"] = "t" }));
        cell.Outputs.Add(new DisplayDataOutput(new MimeBundle { ["image/png"] = "iVBORw0KGgo=" }));
        cell.Outputs.Add(new DisplayDataOutput(new MimeBundle { ["image/svg+xml"] = "<svg width=\"1\" height=\"1\"></svg>" }));
        cell.Outputs.Add(new ExecuteResultOutput(new MimeBundle { ["text/plain"] = "<plain>" }, 1));
        cell.Outputs.Add(new ErrorOutput("E", "bad <thing>", ["tb \u001b[31mred\u001b[0m"]));
        var html = HtmlExporter.Export(nb, "plain");
        Assert.DoesNotContain(HtmlExporter.PlotlyScriptId, html);
        Assert.DoesNotContain("<script", html);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html);
        Assert.Contains("<pre class=\"source\">x &lt; 1</pre>", html);
        Assert.Contains("<pre class=\"stream stdout\">a &lt; b\n</pre>", html);
        Assert.Contains("<table><tr><td>ok</td></tr></table>", html);
        Assert.Contains("src=\"data:image/png;base64,iVBORw0KGgo=\"", html);
        Assert.Contains("<svg width=\"1\" height=\"1\"></svg>", html);
        Assert.Contains("<pre>&lt;plain&gt;</pre>", html);
        Assert.Contains("bad &lt;thing&gt;", html);
        Assert.Contains("tb red", html);
    }

    [Fact]
    public void Inline_plotly_js_is_removed_from_notebook_outputs()
    {
        var big = "<div></div><script>/* plotly.js */" + new string('x', 200_000) + "</script><script>Plotly.newPlot('d',[],{})</script>";
        var output = new DisplayDataOutput(new MimeBundle { ["text/html"] = big });
        var shrunk = (DisplayDataOutput)OutputSanitizer.ForNotebook(output);
        var text = shrunk.Data.GetText("text/html")!;
        Assert.True(text.Length < 1000);
        Assert.Contains("Plotly.newPlot('d'", text);
    }
}
