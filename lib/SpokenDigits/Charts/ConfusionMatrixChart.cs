using System.Text.Json.Nodes;
using SpokenDigits.Evaluation;
using static SpokenDigits.Charts.PlotlyFigure;

namespace SpokenDigits.Charts;

/// <summary>
/// Confusion matrices as annotated heatmaps: x = predicted class, y = true class, both labelled with
/// the class names; the y axis is reversed so the first class is the top row, as in a table.
/// </summary>
public static class ConfusionMatrixChart
{
    /// <summary>Raw counts, each cell annotated with its integer count.</summary>
    public static PlotlyChart Counts(ConfusionMatrix cm, string title = "Confusion matrix (counts)")
    {
        ArgumentNullException.ThrowIfNull(cm);
        double[][] z = cm.Counts.Select(row => row.Select(c => (double)c).ToArray()).ToArray();
        string[][] text = cm.Counts.Select(row => row.Select(c => c.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray()).ToArray();
        double max = Math.Max(1, z.SelectMany(r => r).DefaultIfEmpty(0).Max());
        return Build(cm, z, text, zmax: max, title, colourbarTitle: "count",
            hover: "true %{y} → predicted %{x}<br>%{z:d} recordings<extra></extra>");
    }

    /// <summary>Each row divided by its total (per-class recall on the diagonal), annotated as a percentage.</summary>
    public static PlotlyChart RowNormalised(ConfusionMatrix cm, string title = "Confusion matrix (row-normalised)")
    {
        ArgumentNullException.ThrowIfNull(cm);
        double[][] z = cm.RowNormalised().Select(row => row.Select(v => Math.Round(v, 4)).ToArray()).ToArray();
        string[][] text = z.Select(row => row.Select(FormatPercent).ToArray()).ToArray();
        return Build(cm, z, text, zmax: 1.0, title, colourbarTitle: "share of row",
            hover: "true %{y} → predicted %{x}<br>%{z:.1%} of true %{y}<extra></extra>", tickFormat: ".0%");
    }

    internal static string FormatPercent(double v) =>
        v == 0 ? "0" : (v * 100).ToString(v * 100 >= 9.95 ? "0" : "0.#", System.Globalization.CultureInfo.InvariantCulture) + "%";

    private static PlotlyChart Build(ConfusionMatrix cm, double[][] z, string[][] text, double zmax, string title,
        string colourbarTitle, string hover, string? tickFormat = null)
    {
        string[] labels = cm.Labels.ToArray();
        var heatmap = Trace("heatmap",
            ("z", z),
            ("x", labels),
            ("y", labels),
            ("zmin", 0.0),
            ("zmax", zmax),
            ("colorscale", Blues),
            ("xgap", 1),
            ("ygap", 1),
            ("hovertemplate", hover),
            ("colorbar", Obj(("title", Obj(("text", colourbarTitle))), ("thickness", 14), ("tickformat", tickFormat))));

        var annotations = new List<JsonObject>(labels.Length * labels.Length);
        for (int t = 0; t < labels.Length; t++)
            for (int p = 0; p < labels.Length; p++)
                annotations.Add(Obj(
                    ("x", labels[p]),
                    ("y", labels[t]),
                    ("text", text[t][p]),
                    ("showarrow", false),
                    ("font", Obj(("color", z[t][p] > 0.55 * zmax ? "#ffffff" : "#1a1a1a"), ("size", labels.Length > 12 ? 9 : 12)))));

        int size = Math.Clamp(200 + 45 * labels.Length, 380, 720);
        var layout = BaseLayout(title, size,
            ("xaxis", Axis("predicted digit", ("type", "category"), ("side", "bottom"), ("showgrid", false), ("constrain", "domain"))),
            ("yaxis", Axis("true digit", ("type", "category"), ("autorange", "reversed"), ("showgrid", false),
                ("scaleanchor", "x"), ("constrain", "domain"))),
            ("annotations", annotations.ToArray()),
            ("width", size + 90));
        return PlotlyFigure.Build([heatmap], layout);
    }
}
