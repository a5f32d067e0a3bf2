using SpokenDigits.Analysis;
using SpokenDigits.Charts;
using SpokenDigits.Rendering;
using SpokenDigits.Runs;

namespace SpokenDigits.Tests.Reporting;

/// <summary>Sections carry their own figures: both renderings show every figure of a section whatever its heading, and
/// the static SVG and the interactive chart of a figure come from its one definition.</summary>
public class ReportSectionTests
{
    const string Raw = "RawOnlyModel", Spec = "SpecOnlyModel", Fusion = "TwoStreamFusionModel";

    static ReportData Data(Data.TempFolder temp)
    {
        var folder = new ReportFolder(temp.Combine("r"));
        FakeRuns.Save(folder.Seed(10), FakeRuns.Run(10, "c", 1, "spk", (Raw, 8), (Spec, 6), (Fusion, 9)));
        FakeRuns.Save(folder.Seed(11), FakeRuns.Run(11, "c", 1, "spk", (Raw, 6), (Spec, 8), (Fusion, 10)));
        return ReportData.Load(folder, resamples: 100);
    }

    [Fact]
    public void RenamingEveryHeadingKeepsEveryFigureInBothRenderings()
    {
        using var temp = new Data.TempFolder();
        var page = ReportGenerator.Page(Data(temp));
        var figures = page.Figures.ToList();
        Assert.Contains(figures, f => f.File == "accuracy.svg");
        Assert.Contains(figures, f => f.File == "fusion-gain.svg");

        var renamed = page with { Sections = page.Sections.Select((s, i) => s with { Heading = $"Part {i + 1}" }).ToList() };
        string md = renamed.ToMarkdown();
        var html = renamed.ToHtml();
        Assert.DoesNotContain("## Models over seeds", md);
        foreach (var f in figures) Assert.Contains($"]({ReportFolder.FiguresFolder}/{f.File})", md);
        Assert.Equal(figures.Count, html.ChartCount);
        Assert.Equal(page.ToHtml().ChartCount, html.ChartCount);
    }

    [Fact]
    public void AFigureSectionIsRenderedWithItsOwnFigureWhateverItsHeading()
    {
        var figure = new ReportFigure("x.svg", "the caption",
            new GroupedBarsFigure("A title", ["a", "b"], [new BarSeries(Raw, [0.5, 0.7], [])], "score", 0, 1));
        foreach (var heading in new[] { "Models over seeds", "Anything else" })
        {
            var page = new ReportPage("T", [new ReportSection(heading, [], [figure])], null);
            Assert.Contains("![the caption](figures/x.svg)", page.ToMarkdown());
            Assert.Equal(1, page.ToHtml().ChartCount);
        }
    }

    [Fact]
    public void TheSvgAndTheInteractiveChartOfEveryFigureShareTheTitleAndCategories()
    {
        using var temp = new Data.TempFolder();
        foreach (var f in ReportGenerator.Page(Data(temp)).Figures)
        {
            var chart = f.Chart;
            var svg = f.Definition.ToSvg();
            Assert.Equal(f.Definition.Title, chart.Title);
            Assert.Contains(System.Net.WebUtility.HtmlEncode(chart.Title), svg);
            if (f.Definition is GroupedBarsFigure bars)
            {
                Assert.Equal(bars.Series.Count, chart.TraceCount);
                foreach (var c in bars.Categories) Assert.Contains($">{System.Net.WebUtility.HtmlEncode(c)}</text>", svg);
            }
        }
    }

    [Fact]
    public void TheHtmlFooterShowsWhenTheRunsFinishedNotTheClock()
    {
        using var temp = new Data.TempFolder();
        var data = Data(temp);
        var html = ReportGenerator.Page(data).ToHtml().ToHtml();
        Assert.NotNull(data.LastFinished);
        Assert.Contains($"Runs finished {data.LastFinished!.Value.UtcDateTime:yyyy-MM-dd HH:mm} UTC", html);
        Assert.Equal(html, ReportGenerator.Page(data).ToHtml().ToHtml());
    }
}
