using System.Collections;
using System.Globalization;
using System.Text.Json.Nodes;

namespace SpokenDigits.Charts;

/// <summary>
/// Builds <see cref="PlotlyChart"/>s from plain plotly.js attribute names (the JSON schema of plotly.js),
/// which keeps every chart's figure JSON explicit and small: no default template is attached,
/// only the compact <see cref="BaseLayout"/> below.
/// </summary>
internal static class PlotlyFigure
{
    /// <summary>Fixed colours of the three models, so every chart shows a model in the same colour.</summary>
    public static string ModelColour(string modelName, int index) => modelName switch
    {
        Models.ModelNames.Raw => "#1f77b4",
        Models.ModelNames.Spec => "#ff7f0e",
        Models.ModelNames.Fusion => "#2ca02c",
        _ => Palette[index % Palette.Length],
    };

    public static readonly string[] Palette =
        ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf"];

    /// <summary>ColorBrewer "Blues", light (low) to dark (high).</summary>
    public static readonly object[][] Blues =
    [
        [0.0, "#f7fbff"], [0.125, "#deebf7"], [0.25, "#c6dbef"], [0.375, "#9ecae1"], [0.5, "#6baed6"],
        [0.625, "#4292c6"], [0.75, "#2171b5"], [0.875, "#08519c"], [1.0, "#08306b"],
    ];

    public const string Positive = "#2ca02c";
    public const string Negative = "#d62728";

    /// <summary>A JSON object with the given plotly.js attributes (null values are skipped).</summary>
    public static JsonObject Obj(params (string Key, object? Value)[] properties)
    {
        var obj = new JsonObject();
        Set(obj, properties);
        return obj;
    }

    /// <summary>A trace of the given plotly.js type ("heatmap", "bar", "scatter", ...); "type" comes first.</summary>
    public static JsonObject Trace(string type, params (string Key, object? Value)[] properties)
    {
        var trace = new JsonObject { ["type"] = type };
        Set(trace, properties);
        return trace;
    }

    /// <summary>Axis attributes with a title and the shared grid styling.</summary>
    public static JsonObject Axis(string? title, params (string Key, object? Value)[] properties)
    {
        var axis = Obj(
            ("title", title is null ? null : Obj(("text", title))),
            ("showline", true),
            ("linecolor", "#444"),
            ("gridcolor", "#e5e5e5"),
            ("zerolinecolor", "#bbb"),
            ("automargin", true));
        Set(axis, properties);
        return axis;
    }

    /// <summary>The layout every chart starts from: white background, readable fonts, title at the top left.</summary>
    public static JsonObject BaseLayout(string title, int height, params (string Key, object? Value)[] properties)
    {
        var layout = new JsonObject();
        Set(layout, [
            ("title", Obj(("text", title), ("x", 0.02), ("xanchor", "left"), ("font", Obj(("size", 17))))),
            ("font", Obj(("family", "Segoe UI, Helvetica, Arial, sans-serif"), ("size", 13), ("color", "#222"))),
            ("paper_bgcolor", "#ffffff"),
            ("plot_bgcolor", "#ffffff"),
            ("height", height),
            ("autosize", true),
            ("margin", Obj(("l", 70), ("r", 30), ("t", 60), ("b", 60))),
            ("colorway", Palette),
        ]);
        Set(layout, properties);
        return layout;
    }

    /// <summary>The chart of <paramref name="traces"/> and <paramref name="layout"/>; with no traces, one empty scatter
    /// trace keeps the axes drawn.</summary>
    public static PlotlyChart Build(IEnumerable<JsonObject> traces, JsonObject layout)
    {
        var list = traces.ToList();
        if (list.Count == 0)
            list.Add(Trace("scatter", ("x", Array.Empty<double>()), ("y", Array.Empty<double>()), ("showlegend", false)));
        return new PlotlyChart(list, layout);
    }

    /// <summary>Rounds for display, keeping the figure JSON short (NaN and infinities become null, which plotly shows as gaps).</summary>
    public static double?[] Rounded(IEnumerable<double> values, int digits) =>
        values.Select(v => double.IsFinite(v) ? Math.Round(v, digits) : (double?)null).ToArray();

    private static void Set(JsonObject obj, (string Key, object? Value)[] properties)
    {
        foreach (var (key, value) in properties)
            if (value is not null)
                obj[key] = Node(value);
    }

    /// <summary>A plotly.js attribute value as JSON: numbers, strings, booleans, nested arrays (null items stay null;
    /// NaN and infinities become null, which plotly shows as gaps) and JSON nodes (copied when they already have a parent).</summary>
    internal static JsonNode? Node(object? value) => value switch
    {
        null => null,
        JsonNode node => node.Parent is null ? node : node.DeepClone(),
        string s => JsonValue.Create(s),
        bool b => JsonValue.Create(b),
        int i => JsonValue.Create(i),
        long l => JsonValue.Create(l),
        double d => double.IsFinite(d) ? Number(d.ToString("R", CultureInfo.InvariantCulture)) : null,
        float f => float.IsFinite(f) ? Number(f.ToString("R", CultureInfo.InvariantCulture)) : null,
        IEnumerable items => new JsonArray(items.Cast<object?>().Select(Node).ToArray()),
        _ => throw new ArgumentException($"{value.GetType().Name} is not a plotly.js attribute value", nameof(value)),
    };

    /// <summary>A floating-point number written as plotly.js figures have always been written here (the way Plotly.NET's
    /// JSON writer did): round-trip digits, and a ".0" on whole numbers, so regenerated reports keep their bytes.</summary>
    private static JsonNode Number(string roundTrip) =>
        JsonNode.Parse(roundTrip.IndexOfAny(['.', 'E', 'e']) < 0 ? roundTrip + ".0" : roundTrip)!;
}
