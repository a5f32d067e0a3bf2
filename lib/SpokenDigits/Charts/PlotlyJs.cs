using System.Reflection;
using System.Text.RegularExpressions;

namespace SpokenDigits.Charts;

/// <summary>
/// The plotly.js bundle embedded in this assembly at build time (manifest resource <c>plotly-&lt;version&gt;.min.js</c>,
/// taken from the Plotly.NET package by build/PlotlyJs.targets), read once and cached; used to make offline pages.
/// </summary>
/// <remarks>The notebook engine compiles the same file (with PLOTLYJS_INTERNAL) into its own assembly, which embeds
/// the same bundle, so there is one reader for both.</remarks>
#if PLOTLYJS_INTERNAL
internal
#else
public
#endif
static partial class PlotlyJs
{
    private static readonly Assembly Carrier = typeof(PlotlyJs).Assembly;
    private static readonly Lazy<(string Name, string Version)> Resource = new(FindResource);
    private static readonly Lazy<string> Text = new(ReadSource);

    /// <summary>The bundled plotly.js version, e.g. "2.28.0".</summary>
    public static string Version => Resource.Value.Version;

    /// <summary>The manifest resource name the bundle was read from.</summary>
    public static string ResourceName => Resource.Value.Name;

    /// <summary>The minified plotly.js source (several MB).</summary>
    public static string Source => Text.Value;

    /// <summary>The official CDN address of the same version (used by <see cref="ChartHtml"/>'s loader when a page has no plotly.js).</summary>
    public static string CdnUrl => $"https://cdn.plot.ly/plotly-{Version}.min.js";

    /// <summary>An inline <c>&lt;script&gt;</c> element holding the whole bundle (no external reference), with
    /// <paramref name="id"/> as its id when given (the notebook export marks its one copy so).</summary>
    public static string InlineScriptTag(string? id = null) =>
        "<script" + (id is null ? "" : $" id=\"{id}\"") + " type=\"text/javascript\">/* plotly.js " + Version + " (inline) */\n"
        + EscapeForScript(Source)
        + "\n</script>";

    /// <summary>Script text made safe inside a <c>&lt;script&gt;</c> element: no <c>&lt;/script</c> closes it early and
    /// no <c>&lt;!--</c> opens an HTML comment in it (neither occurs in the bundle, whose bytes stay as they are).</summary>
    public static string EscapeForScript(string js) =>
        js.Replace("</script", "<\\/script", StringComparison.OrdinalIgnoreCase).Replace("<!--", "<\\!--", StringComparison.Ordinal);

    private static (string, string) FindResource()
    {
        foreach (string name in Carrier.GetManifestResourceNames())
        {
            Match m = ResourcePattern().Match(name);
            if (m.Success)
                return (name, m.Groups["v"].Value);
        }
        throw new InvalidOperationException(
            $"no plotly.js bundle among the manifest resources of {Carrier.GetName().Name} (build/PlotlyJs.targets embeds it): {string.Join(", ", Carrier.GetManifestResourceNames())}");
    }

    private static string ReadSource()
    {
        using Stream stream = Carrier.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"manifest resource {ResourceName} could not be opened");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    [GeneratedRegex(@"^plotly-(?<v>\d+\.\d+\.\d+)\.min\.js$")]
    private static partial Regex ResourcePattern();
}
