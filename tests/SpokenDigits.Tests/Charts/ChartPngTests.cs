using System.Buffers.Binary;
using System.IO.Compression;
using SpokenDigits.Charts;

namespace SpokenDigits.Tests.Charts;

/// <summary>PNG copies of the SVG figures, drawn by a real headless Chromium. ./run-tests (and so CI) installs
/// Debian's chromium, so a machine without it fails here instead of passing without drawing anything.</summary>
public class ChartPngTests
{
    [Fact]
    public void DeclaredSizeIsReadFromTheRootElement()
    {
        var svg = new GroupedBarsFigure("A title", ["a", "b"], [new BarSeries("RawOnlyModel", [0.5, 0.7], [0.1, 0.1])], "score", 0, 1).ToSvg();
        var (w, h) = ChartPng.DeclaredSize(svg, "x.svg");
        Assert.True(w >= 64 + 330, $"width {w} leaves no room for the whiskers note");   // left margin + the note
        Assert.Equal(400, h);
        Assert.Throws<InvalidDataException>(() => ChartPng.DeclaredSize("<svg viewBox=\"0 0 1 1\"></svg>", "y.svg"));
    }

    [Fact]
    public void SvgFiguresAreRedrawnAsPngThroughChromium()
    {
        var browser = ChartPng.FindBrowser();
        Assert.True(browser is not null,
            $"no headless Chromium on the PATH or in {ChartPng.BrowserVariable}: install Debian's chromium (./run-tests installs it)");
        var folder = Directory.CreateTempSubdirectory("sd-png-").FullName;
        try
        {
            var svgPath = Path.Combine(folder, "accuracy.svg");
            new GroupedBarsFigure("Accuracy", ["raw", "spec"], [new BarSeries("RawOnlyModel", [0.9, 0.95], [])], "accuracy", 0, 1).SaveSvg(svgPath);
            var (written, skipped) = ChartPng.ConvertFolder(folder);
            Assert.Null(skipped);
            var png = Assert.Single(written);
            var image = DecodedPng.Read(png);
            var (svgWidth, svgHeight) = ChartPng.DeclaredSize(File.ReadAllText(svgPath), "accuracy.svg");
            Assert.Equal((2 * svgWidth, 2 * svgHeight), (image.Width, image.Height));   // drawn at 2× density

            // Really drawn: a white page with dark text and axes and coloured bars, not an empty or failed screenshot.
            Assert.True(image.Share(p => p.R > 240 && p.G > 240 && p.B > 240) > 0.5, "the background is not white");
            Assert.True(image.Share(p => p.R < 100 && p.G < 100 && p.B < 100) > 0.002, "no dark text or axes were drawn");
            double coloured = image.Share(p => Math.Max(p.R, Math.Max(p.G, p.B)) - Math.Min(p.R, Math.Min(p.G, p.B)) > 60);
            Assert.True(coloured > 0.02, $"only {coloured:P2} of the pixels are coloured: the bars were not drawn");

            Assert.Empty(ChartPng.ConvertFolder(folder).Written);   // up to date: nothing redrawn
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void WithoutABrowserTheFiguresStaySvgAndTheReasonIsGiven()
    {
        var folder = Directory.CreateTempSubdirectory("sd-png-").FullName;
        var configured = Environment.GetEnvironmentVariable(ChartPng.BrowserVariable);
        try
        {
            new GroupedBarsFigure("Accuracy", ["raw"], [new BarSeries("RawOnlyModel", [0.9], [])], "accuracy", 0, 1).SaveSvg(Path.Combine(folder, "accuracy.svg"));
            Environment.SetEnvironmentVariable(ChartPng.BrowserVariable, Path.Combine(folder, "no-such-chromium"));
            Assert.Null(ChartPng.FindBrowser());
            var (written, skipped) = ChartPng.ConvertFolder(folder);
            Assert.Empty(written);
            Assert.Contains("no headless Chromium", skipped);
            Assert.Contains(ChartPng.BrowserVariable, skipped);
            Assert.Empty(Directory.GetFiles(folder, "*.png"));
        }
        finally
        {
            Environment.SetEnvironmentVariable(ChartPng.BrowserVariable, configured);
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>An 8-bit RGB or RGBA PNG decoded to pixels (zlib inflate and the five row filters), enough to see what
    /// Chromium drew.</summary>
    sealed record DecodedPng(int Width, int Height, byte[] Rgb)
    {
        public double Share(Func<(byte R, byte G, byte B), bool> test)
        {
            int hits = 0;
            for (int i = 0; i < Rgb.Length; i += 3)
                if (test((Rgb[i], Rgb[i + 1], Rgb[i + 2]))) hits++;
            return hits / (double)(Width * Height);
        }

        public static DecodedPng Read(string path)
        {
            var bytes = File.ReadAllBytes(path);
            Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A }, bytes[..8]);
            int width = 0, height = 0, channels = 0;
            var compressed = new MemoryStream();
            for (int at = 8; at < bytes.Length;)
            {
                int length = BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(at));
                string type = System.Text.Encoding.ASCII.GetString(bytes, at + 4, 4);
                var data = bytes.AsSpan(at + 8, length);
                if (type == "IHDR")
                {
                    width = BinaryPrimitives.ReadInt32BigEndian(data);
                    height = BinaryPrimitives.ReadInt32BigEndian(data[4..]);
                    Assert.Equal(8, data[8]);   // bit depth
                    channels = data[9] switch { 2 => 3, 6 => 4, var c => throw new InvalidDataException($"{path}: colour type {c}") };
                }
                else if (type == "IDAT") compressed.Write(data);
                at += 12 + length;
            }
            compressed.Position = 0;
            var raw = new MemoryStream();
            using (var inflate = new ZLibStream(compressed, CompressionMode.Decompress)) inflate.CopyTo(raw);
            var filtered = raw.ToArray();
            int stride = width * channels;
            Assert.Equal(height * (stride + 1), filtered.Length);

            var previous = new byte[stride];
            var row = new byte[stride];
            var rgb = new byte[width * height * 3];
            for (int y = 0; y < height; y++)
            {
                int filter = filtered[y * (stride + 1)];
                for (int x = 0; x < stride; x++)
                {
                    int a = x >= channels ? row[x - channels] : 0, b = previous[x], c = x >= channels ? previous[x - channels] : 0;
                    int predictor = filter switch
                    {
                        0 => 0,
                        1 => a,
                        2 => b,
                        3 => (a + b) / 2,
                        4 => Paeth(a, b, c),
                        _ => throw new InvalidDataException($"{path}: row {y} has filter {filter}"),
                    };
                    row[x] = (byte)(filtered[y * (stride + 1) + 1 + x] + predictor);
                }
                for (int x = 0; x < width; x++)
                    for (int k = 0; k < 3; k++) rgb[(y * width + x) * 3 + k] = row[x * channels + k];
                (previous, row) = (row, previous);
            }
            return new DecodedPng(width, height, rgb);
        }

        static int Paeth(int a, int b, int c)
        {
            int p = a + b - c, pa = Math.Abs(p - a), pb = Math.Abs(p - b), pc = Math.Abs(p - c);
            return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
        }
    }
}
