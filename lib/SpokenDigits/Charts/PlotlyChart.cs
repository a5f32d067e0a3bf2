using System.Text.Json.Nodes;

namespace SpokenDigits.Charts;

/// <summary>
/// One figure as plotly.js understands it: a list of traces and a layout, in plotly.js's own attribute names
/// (<see href="https://plotly.com/javascript/reference/"/>). Every chart of the project is one of these; the
/// notebook formatters, the report pages and the static SVG files all start from it.
/// </summary>
/// <remarks>
/// The figure is plain JSON built with System.Text.Json, so it loads in any .NET host, including the .NET
/// Interactive kernel, which brings its own FSharp.Core (see README, Notebooks, "Why the library draws its own plotly figures").
/// A chart is immutable from the outside: <see cref="Figure"/> and the accessors return copies.
/// </remarks>
public sealed class PlotlyChart
{
    private readonly JsonArray _data;
    private readonly JsonObject _layout;

    /// <summary>A chart of <paramref name="traces"/> (each a plotly.js trace object with a "type") and <paramref name="layout"/>; both are copied.</summary>
    public PlotlyChart(IEnumerable<JsonObject> traces, JsonObject layout)
    {
        ArgumentNullException.ThrowIfNull(traces);
        ArgumentNullException.ThrowIfNull(layout);
        _data = new JsonArray(traces.Select(t => (JsonNode?)t.DeepClone()).ToArray());
        _layout = (JsonObject)layout.DeepClone();
    }

    /// <summary>The layout's title text, or "" when it has none.</summary>
    public string Title => _layout["title"]?["text"]?.GetValue<string>() ?? "";

    /// <summary>The number of traces.</summary>
    public int TraceCount => _data.Count;

    /// <summary>The plotly.js type of each trace ("bar", "heatmap", "scatter", ...).</summary>
    public IReadOnlyList<string> TraceTypes => _data.Select(t => t?["type"]?.GetValue<string>() ?? "scatter").ToList();

    /// <summary>A copy of the traces.</summary>
    public JsonArray Data => (JsonArray)_data.DeepClone();

    /// <summary>A copy of the layout.</summary>
    public JsonObject Layout => (JsonObject)_layout.DeepClone();

    /// <summary>The figure <c>{"data": [...], "layout": {...}, "config": {...}}</c>, usable as the
    /// "application/vnd.plotly.v1+json" payload and as the arguments of <c>Plotly.newPlot</c>.</summary>
    public JsonObject Figure() => new()
    {
        ["data"] = _data.DeepClone(),
        ["layout"] = _layout.DeepClone(),
        ["config"] = ChartHtml.DefaultConfig(),
    };

    /// <summary>The figure (see <see cref="Figure"/>) as compact JSON.</summary>
    public string ToJson() => Figure().ToJsonString();

    /// <summary>An HTML fragment that draws the chart (see <see cref="ChartHtml.Fragment"/>).</summary>
    public string ToHtml() => ChartHtml.Fragment(this);

    /// <summary>A one-line description: title and trace types.</summary>
    public override string ToString()
    {
        string kinds = string.Join(", ", TraceTypes.Distinct());
        return $"PlotlyChart \"{Title}\" ({TraceCount} trace{(TraceCount == 1 ? "" : "s")}: {kinds})";
    }
}
