using SpokenDigits.Charts;

namespace SpokenDigits.Tests.Charts;

public class ChartPngTests
{
    [Fact]
    public void DeclaredSizeIsReadFromTheRootElement()
    {
        var svg = ChartSvg.GroupedBars("A title", ["a", "b"], [new BarSeries("RawOnlyModel", [0.5, 0.7], [0.1, 0.1])], "score", 0, 1);
        var (w, h) = ChartPng.DeclaredSize(svg, "x.svg");
        Assert.True(w >= 64 + 330, $"width {w} leaves no room for the whiskers note");   // left margin + the note
        Assert.Equal(400, h);
        Assert.Throws<InvalidDataException>(() => ChartPng.DeclaredSize("<svg viewBox=\"0 0 1 1\"></svg>", "y.svg"));
    }

    [Fact]
    public void SvgFiguresAreRedrawnAsPngWhenABrowserIsInstalled()
    {
        var folder = Directory.CreateTempSubdirectory("sd-png-").FullName;
        try
        {
            ChartSvg.Save(ChartSvg.GroupedBars("Accuracy", ["raw", "spec"], [new BarSeries("RawOnlyModel", [0.9, 0.95], [])], "accuracy", 0, 1),
                Path.Combine(folder, "accuracy.svg"));
            var (written, skipped) = ChartPng.ConvertFolder(folder);
            if (ChartPng.FindBrowser() is null)
            {
                Assert.Contains("no headless Chromium", skipped);
                Assert.Empty(written);
                return;
            }
            var png = Assert.Single(written);
            var bytes = File.ReadAllBytes(png);
            Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, bytes[..4]);
            int width = (bytes[16] << 24) | (bytes[17] << 16) | (bytes[18] << 8) | bytes[19];
            var (svgWidth, _) = ChartPng.DeclaredSize(File.ReadAllText(Path.Combine(folder, "accuracy.svg")), "accuracy.svg");
            Assert.Equal(2 * svgWidth, width);                      // drawn at 2× density
            Assert.Empty(ChartPng.ConvertFolder(folder).Written);   // up to date: nothing redrawn
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
