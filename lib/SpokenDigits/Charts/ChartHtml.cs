using System.Text.Json.Nodes;

namespace SpokenDigits.Charts;

/// <summary>
/// Turns charts into HTML fragments and plotly figure JSON without embedding or referencing plotly.js.
/// </summary>
/// <remarks>
/// A fragment is <c>&lt;div id="sd-chart-…"&gt;&lt;/div&gt;&lt;script&gt;…&lt;/script&gt;</c>; the script calls
/// <c>Plotly.newPlot(div, data, layout, config)</c>. If <c>window.Plotly</c> is missing (a notebook front end
/// with no plotly.js) it loads plotly.js <see cref="PlotlyJs.Version"/> from the official CDN once per page
/// (through require.js where the page uses it, else a script element created from JavaScript) and plots when it
/// has loaded. Pages made by <see cref="Rendering.HtmlPage"/> include plotly.js inline, so there the loader never runs.
/// </remarks>
public static class ChartHtml
{
    /// <summary>Jupyter's MIME type for plotly figures.</summary>
    public const string PlotlyMimeType = "application/vnd.plotly.v1+json";

    /// <summary>Prefix of every fragment's div id.</summary>
    public const string IdPrefix = "sd-chart-";

    // A per-process token keeps ids unique when a notebook page still shows outputs of an earlier kernel.
    private static readonly string ProcessToken = Convert.ToHexString(BitConverter.GetBytes(Random.Shared.Next())).ToLowerInvariant();
    private static long _counter;

    /// <summary>The next div id: <c>sd-chart-&lt;process token&gt;-&lt;counter&gt;</c>, unique within the process.</summary>
    public static string NextId() => $"{IdPrefix}{ProcessToken}-{Interlocked.Increment(ref _counter)}";

    /// <summary>The plot options passed to <c>Plotly.newPlot</c>.</summary>
    public static JsonObject DefaultConfig() => new()
    {
        ["responsive"] = true,
        ["displaylogo"] = false,
        ["toImageButtonOptions"] = new JsonObject { ["format"] = "png", ["scale"] = 2 },
    };

    /// <summary>
    /// The figure as a JSON object <c>{"data": [...], "layout": {...}, "config": {...}}</c>, usable as
    /// the <see cref="PlotlyMimeType"/> payload.
    /// </summary>
    public static string FigureJson(PlotlyChart chart) => Figure(chart).ToJsonString();

    /// <summary>The figure as a JSON node (see <see cref="FigureJson"/>).</summary>
    public static JsonObject Figure(PlotlyChart chart)
    {
        ArgumentNullException.ThrowIfNull(chart);
        return chart.Figure();
    }

    /// <summary>An HTML fragment drawing the chart (see the class remarks); <paramref name="id"/> defaults to <see cref="NextId"/>.</summary>
    public static string Fragment(PlotlyChart chart, string? id = null)
    {
        JsonObject figure = Figure(chart);
        id ??= NextId();
        string idJson = JsonValue.Create(id)!.ToJsonString();
        int? height = LayoutPixels(figure, "height");
        int? width = LayoutPixels(figure, "width");
        string style = $"width:100%;max-width:{width ?? 900}px;height:{height ?? 450}px;";
        return $$"""
            <div id="{{System.Net.WebUtility.HtmlEncode(id)}}" class="sd-chart" style="{{style}}"></div>
            <script type="text/javascript">
            (function () {
              var id = {{idJson}};
              var fig = {{ScriptSafe(figure.ToJsonString())}};
              function plot(P) { P.newPlot(document.getElementById(id), fig.data, fig.layout, fig.config); }
              if (typeof window.Plotly !== 'undefined') { plot(window.Plotly); return; }
              var url = {{JsonValue.Create(PlotlyJs.CdnUrl)!.ToJsonString()}};
              if (typeof window.requirejs === 'function' && typeof window.requirejs.config === 'function') {
                window.requirejs.config({ paths: { 'sd-plotly': url.replace(/\.js$/, '') } });
                window.requirejs(['sd-plotly'], function (P) { window.Plotly = window.Plotly || P; plot(P); });
                return;
              }
              var waiting = window.__sdPlotlyWaiting = window.__sdPlotlyWaiting || [];
              waiting.push(function () { plot(window.Plotly); });
              if (waiting.length > 1) return;
              var s = document.createElement('script');
              s.type = 'text/javascript';
              s.onload = function () { var w = window.__sdPlotlyWaiting; window.__sdPlotlyWaiting = null; w.forEach(function (f) { f(); }); };
              s.onerror = function () { var d = document.getElementById(id); if (d) d.textContent = 'plotly.js could not be loaded from ' + url; };
              s.setAttribute('src', url);
              document.head.appendChild(s);
            })();
            </script>
            """;
    }

    private static int? LayoutPixels(JsonObject figure, string key) =>
        figure["layout"]?[key] is JsonValue v && double.TryParse(v.ToJsonString(), System.Globalization.NumberStyles.Float,
            System.Globalization.CultureInfo.InvariantCulture, out double px) ? (int)Math.Round(px) : null;

    /// <summary>Makes JSON safe inside a &lt;script&gt; element ("&lt;/" and "&lt;!--" only occur inside strings, where the escapes mean the same).</summary>
    internal static string ScriptSafe(string json) =>
        json.Replace("</", "<\\/", StringComparison.Ordinal).Replace("<!--", "<\\u0021--", StringComparison.Ordinal);
}
