using System.Xml.Linq;
using SpokenDigits.Charts;
using static SpokenDigits.Tests.Charts.ChartFixtures;

namespace SpokenDigits.Tests.Charts;

public class ChartSvgTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    [Fact]
    public void Confusion_svg_is_well_formed_with_100_cells_and_counts()
    {
        var doc = XDocument.Parse(new ConfusionFigure("counts & more", Confusion()).ToSvg());
        Assert.Equal(Svg + "svg", doc.Root!.Name);
        Assert.Equal(101, doc.Descendants(Svg + "rect").Count());  // background + 100 cells
        var texts = doc.Descendants(Svg + "text").Select(t => t.Value).ToList();
        Assert.Contains("counts & more", texts);
        Assert.Contains("17", texts);
        Assert.Contains("predicted digit", texts);

        var normalised = XDocument.Parse(new ConfusionFigure("n", Confusion(), RowNormalised: true).ToSvg());
        Assert.Contains("73%", normalised.Descendants(Svg + "text").Select(t => t.Value));
    }

    [Fact]
    public void Grouped_bars_svg_has_a_bar_per_model_and_digit()
    {
        var series = ThreeModels().Select(m => new BarSeries(m.ModelName, m.Test!.PerClass.Select(c => c.F1).ToList(), [])).ToList();
        var doc = XDocument.Parse(new GroupedBarsFigure("Per-digit F1", Digits, series, "F1", 0, 1).ToSvg());
        int bars = doc.Descendants(Svg + "rect").Count(r => r.Element(Svg + "title") is not null);
        Assert.Equal(30, bars);
        Assert.Contains("TwoStreamFusionModel", doc.Descendants(Svg + "text").Select(t => t.Value));
    }

    [Fact]
    public void Save_writes_the_file()
    {
        string path = Path.Combine(Path.GetTempPath(), $"sd-svg-{Guid.NewGuid():N}.svg");
        try
        {
            new ConfusionFigure("t", Confusion()).SaveSvg(path);
            Assert.StartsWith("<svg", File.ReadAllText(path));
        }
        finally { File.Delete(path); }
    }
}
