using System.Text.Json;
using System.Text.RegularExpressions;
using SpokenDigits.Charts;
using SpokenDigits.Rendering;
using static SpokenDigits.Tests.Charts.ChartFixtures;

namespace SpokenDigits.Tests.Charts;

public class ChartHtmlTests
{
    private static int Count(string haystack, string needle) =>
        (haystack.Length - haystack.Replace(needle, "", StringComparison.Ordinal).Length) / needle.Length;

    /// <summary>The header comment of the plotly.js bundle.</summary>
    private static string PlotlyMarker => "plotly.js v" + PlotlyJs.Version;

    [Fact]
    public void PlotlyJs_is_embedded_in_the_library_without_Plotly_NET()
    {
        Assert.Matches(@"^\d+\.\d+\.\d+$", PlotlyJs.Version);
        Assert.True(PlotlyJs.Source.Length > 1_000_000);
        Assert.Contains(PlotlyMarker, PlotlyJs.Source);
        Assert.Same(PlotlyJs.Source, PlotlyJs.Source);
        Assert.StartsWith("https://cdn.plot.ly/plotly-", PlotlyJs.CdnUrl);
    }

    [Fact]
    public void FigureJson_has_data_layout_and_config()
    {
        using var doc = JsonDocument.Parse(ChartHtml.FigureJson(ConfusionMatrixChart.Counts(Confusion(), "t")));
        Assert.Equal(JsonValueKind.Array, doc.RootElement.GetProperty("data").ValueKind);
        Assert.Equal(JsonValueKind.Object, doc.RootElement.GetProperty("layout").ValueKind);
        Assert.True(doc.RootElement.GetProperty("config").GetProperty("responsive").GetBoolean());
    }

    [Fact]
    public void Fragment_is_a_div_and_a_newPlot_script_without_plotly_itself()
    {
        var chart = WaveformChart.For([0f, 1f, 0f], 3, "tiny </script> title");
        string a = ChartHtml.Fragment(chart), b = ChartHtml.Fragment(chart);
        var idA = Regex.Match(a, "<div id=\"(sd-chart-[^\"]+)\"").Groups[1].Value;
        var idB = Regex.Match(b, "<div id=\"(sd-chart-[^\"]+)\"").Groups[1].Value;
        Assert.NotEmpty(idA);
        Assert.NotEqual(idA, idB);
        Assert.Contains("Plotly.newPlot", a.Replace("P.newPlot", "Plotly.newPlot"));
        Assert.DoesNotContain("<script src", a, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(PlotlyMarker, a);
        Assert.Equal(1, Count(a, "</script>"));  // the title's "</script>" was escaped
        Assert.True(a.Length < 20_000);
        Assert.Contains("fixed-id", ChartHtml.Fragment(chart, "fixed-id"));
    }

    [Fact]
    public void Page_with_two_charts_inlines_plotly_once()
    {
        var page = new HtmlPage("Results & more")
            .Heading("Confusion")
            .Paragraph("a < b")
            .Chart(ConfusionMatrixChart.Counts(Confusion(), "c"))
            .Chart(PerClassF1Chart.Grouped(ThreeModels()), "per-digit F1")
            .Table(["model", "accuracy"], [["Raw", "0.91"], ["Spec", "0.95"]], "summary");
        string html = page.ToHtml();
        Assert.Equal(2, page.ChartCount);
        Assert.Equal(1, Count(html, PlotlyMarker));
        Assert.DoesNotContain("<script src", html, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(2, Count(html, "class=\"sd-chart\""));
        Assert.True(html.IndexOf(PlotlyMarker, StringComparison.Ordinal) < html.IndexOf("</head>", StringComparison.Ordinal));
        Assert.Contains("<title>Results &amp; more</title>", html);
        Assert.Contains("<p>a &lt; b</p>", html);
        Assert.Contains("<td class=\"num\">0.95</td>", html);
    }

    [Fact]
    public void The_same_page_built_twice_is_the_same_html()
    {
        HtmlPage Build() => new HtmlPage("twice").Chart(ConfusionMatrixChart.Counts(Confusion(), "c")).Chart(PerClassF1Chart.Grouped(ThreeModels()));
        string first = Build().ToHtml(), second = Build().ToHtml();
        Assert.Equal(first, second);
        Assert.Contains("<div id=\"sd-chart-page-1\"", first);
        Assert.Contains("<div id=\"sd-chart-page-2\"", first);
    }

    [Fact]
    public void Page_without_charts_has_no_plotly_and_no_script()
    {
        string html = new HtmlPage("plain").Heading("h").Paragraph("p").Table(["a"], [["1"]]).ToHtml();
        Assert.DoesNotContain(PlotlyMarker, html);
        Assert.DoesNotContain("<script", html);
    }

    [Fact]
    public void Save_writes_atomically_and_overwrites()
    {
        string dir = Path.Combine(Path.GetTempPath(), "sd-htmlpage-" + Guid.NewGuid().ToString("N"));
        try
        {
            string path = Path.Combine(dir, "sub", "report.html");
            new HtmlPage("first").Paragraph("one").Save(path);
            var page = new HtmlPage("second").Paragraph("two").Chart(WaveformChart.For([0f, 1f], 2, "w"));
            page.Save(path);
            Assert.InRange(File.ReadAllText(path).Length, page.ToHtml().Length - 8, page.ToHtml().Length + 8); // only the footer time may differ
            Assert.Contains("<p>two</p>", File.ReadAllText(path));
            Assert.Equal(["report.html"], Directory.GetFiles(Path.Combine(dir, "sub")).Select(Path.GetFileName));
        }
        finally
        {
            if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
        }
    }
}
