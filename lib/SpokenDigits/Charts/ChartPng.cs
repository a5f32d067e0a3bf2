using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace SpokenDigits.Charts;

/// <summary>PNG copies of the static SVG figures, for papers and slides that want bitmaps. .NET has no SVG
/// renderer of its own and no image package is on our registry, so a headless Chromium draws each SVG at
/// its own size (2× pixel density) when one is installed (<c>chromium</c>, <c>chromium-browser</c>,
/// <c>google-chrome</c> on the PATH, or the path in <c>SPOKENDIGITS_CHROMIUM</c>); without one, the SVGs
/// stay the only figures and <see cref="ConvertFolder"/> says why.</summary>
public static partial class ChartPng
{
    public const string BrowserVariable = "SPOKENDIGITS_CHROMIUM";
    const int TimeoutSeconds = 60;

    /// <summary>The headless browser used, or null when none is found.</summary>
    public static string? FindBrowser()
    {
        if (Environment.GetEnvironmentVariable(BrowserVariable) is { Length: > 0 } configured)
            return File.Exists(configured) ? configured : null;
        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        foreach (var name in new[] { "chromium", "chromium-browser", "google-chrome", "google-chrome-stable" })
            foreach (var dir in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
                if (File.Exists(Path.Combine(dir, name))) return Path.Combine(dir, name);
        return null;
    }

    /// <summary>Writes <c>name.png</c> beside every <c>name.svg</c> in <paramref name="folder"/> whose PNG is
    /// missing or older. Returns the PNGs written, or a reason why none could be.</summary>
    public static (IReadOnlyList<string> Written, string? Skipped) ConvertFolder(string folder)
    {
        var browser = FindBrowser();
        if (browser is null)
            return ([], $"PNG figures skipped: no headless Chromium found (install chromium or set {BrowserVariable})");
        var written = new List<string>();
        foreach (var svg in Directory.EnumerateFiles(folder, "*.svg").Order())
        {
            var png = Path.ChangeExtension(svg, ".png");
            if (File.Exists(png) && File.GetLastWriteTimeUtc(png) >= File.GetLastWriteTimeUtc(svg)) continue;
            Convert(browser, svg, png);
            written.Add(png);
        }
        return (written, null);
    }

    /// <summary>Draws one SVG file into a PNG of twice its declared width and height.</summary>
    /// <exception cref="InvalidDataException">the SVG declares no size, or the browser wrote no PNG.</exception>
    public static void Convert(string browser, string svgPath, string pngPath)
    {
        var (width, height) = DeclaredSize(File.ReadAllText(svgPath), svgPath);
        var staging = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(pngPath))!, $".{Path.GetFileName(pngPath)}.{Guid.NewGuid():N}.png");
        var start = new ProcessStartInfo(browser)
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var a in new[] { "--headless", "--disable-gpu", "--no-sandbox", "--hide-scrollbars", "--force-device-scale-factor=2",
                                  "--default-background-color=ffffffff", $"--window-size={width},{height}", $"--screenshot={staging}",
                                  new Uri(Path.GetFullPath(svgPath)).AbsoluteUri })
            start.ArgumentList.Add(a);
        using var process = Process.Start(start) ?? throw new InvalidDataException($"{svgPath}: could not start {browser}");
        var stderr = process.StandardError.ReadToEndAsync();
        process.StandardOutput.ReadToEndAsync();
        if (!process.WaitForExit(TimeoutSeconds * 1000))
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidDataException($"{svgPath}: {browser} did not finish within {TimeoutSeconds} s");
        }
        if (!File.Exists(staging))
            throw new InvalidDataException($"{svgPath}: {browser} wrote no PNG (exit {process.ExitCode}): {stderr.Result.Trim().Split('\n').LastOrDefault()}");
        File.Move(staging, pngPath, overwrite: true);
    }

    /// <summary>The width and height attributes of the root svg element, in pixels.</summary>
    internal static (int Width, int Height) DeclaredSize(string svg, string file)
    {
        var m = RootSize().Match(svg);
        if (!m.Success) throw new InvalidDataException($"{file}: the svg element declares no width and height in pixels");
        return (int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture));
    }

    [GeneratedRegex("<svg[^>]*?\\swidth=\"(\\d+)\"[^>]*?\\sheight=\"(\\d+)\"")]
    private static partial Regex RootSize();
}
