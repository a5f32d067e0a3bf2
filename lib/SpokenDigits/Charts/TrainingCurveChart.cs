using System.Text.Json.Nodes;
using SpokenDigits.Evaluation;
using SpokenDigits.Training;
using static SpokenDigits.Charts.PlotlyFigure;

namespace SpokenDigits.Charts;

/// <summary>Training histories: loss and accuracy against epoch.</summary>
public static class TrainingCurveChart
{
    private const string TrainColour = "#1f77b4";
    private const string ValidationColour = "#ff7f0e";

    /// <summary>
    /// One model's history in two stacked panels sharing the epoch axis: loss (top) and accuracy (bottom),
    /// training solid and validation dashed. A dotted vertical line marks <paramref name="bestEpoch"/>
    /// (default: the epoch with the highest validation accuracy).
    /// </summary>
    public static PlotlyChart For(string modelName, IReadOnlyList<EpochRecord> history, int? bestEpoch = null, string? title = null)
    {
        ArgumentNullException.ThrowIfNull(history);
        int[] epochs = history.Select(h => h.Epoch).ToArray();
        JsonObject Line(string name, IEnumerable<double> y, string colour, bool dashed, string xaxis, string yaxis, bool legend, string fmt) =>
            PlotlyFigure.Trace("scatter",
                ("name", name),
                ("legendgroup", name),
                ("showlegend", legend),
                ("mode", epochs.Length <= 40 ? "lines+markers" : "lines"),
                ("x", epochs),
                ("y", Rounded(y, 5)),
                ("xaxis", xaxis),
                ("yaxis", yaxis),
                ("line", Obj(("color", colour), ("width", 2), ("dash", dashed ? "dash" : "solid"))),
                ("marker", Obj(("size", 5))),
                ("hovertemplate", $"{name}<br>epoch %{{x}}: %{{y:{fmt}}}<extra></extra>"));

        var traces = new List<JsonObject>
        {
            Line("train", history.Select(h => h.TrainLoss), TrainColour, false, "x", "y", true, ".4f"),
            Line("validation", history.Select(h => h.ValidationLoss), ValidationColour, true, "x", "y", true, ".4f"),
            Line("train", history.Select(h => h.TrainAccuracy), TrainColour, false, "x2", "y2", false, ".2%"),
            Line("validation", history.Select(h => h.ValidationAccuracy), ValidationColour, true, "x2", "y2", false, ".2%"),
        };

        int? best = bestEpoch ?? (history.Count == 0 ? null : history.MaxBy(h => h.ValidationAccuracy)!.Epoch);
        var shapes = new List<JsonObject>();
        var annotations = new List<JsonObject>
        {
            PanelLabel("loss", "y domain"),
            PanelLabel("accuracy", "y2 domain"),
        };
        if (best is int b)
        {
            foreach (var (xref, yref) in new[] { ("x", "y domain"), ("x2", "y2 domain") })
                shapes.Add(Obj(("type", "line"), ("xref", xref), ("yref", yref), ("x0", b), ("x1", b), ("y0", 0), ("y1", 1),
                    ("line", Obj(("color", "#666"), ("width", 1), ("dash", "dot")))));
            annotations.Add(Obj(("xref", "x2"), ("yref", "y2 domain"), ("x", b), ("y", 0.02), ("text", $"best epoch {b}"),
                ("showarrow", false), ("xanchor", "left"), ("yanchor", "bottom"), ("font", Obj(("size", 11), ("color", "#555")))));
        }

        var layout = BaseLayout(title ?? $"{modelName}: training history", 560,
            ("xaxis", Axis(null, ("anchor", "y"), ("matches", "x2"), ("showticklabels", false))),
            ("xaxis2", Axis("epoch", ("anchor", "y2"))),
            ("yaxis", Axis("loss", ("domain", new[] { 0.54, 1.0 }), ("rangemode", "tozero"))),
            ("yaxis2", Axis("accuracy", ("domain", new[] { 0.0, 0.46 }), ("range", new[] { 0.0, 1.02 }), ("tickformat", ".0%"))),
            ("shapes", shapes.ToArray()),
            ("annotations", annotations.ToArray()),
            ("hovermode", "x unified"),
            ("legend", Obj(("orientation", "h"), ("x", 1), ("xanchor", "right"), ("y", 1.08))));
        return Build(traces, layout);
    }

    /// <summary>Validation accuracy of several models on one set of axes (one line per model; failed runs are marked in the legend).</summary>
    public static PlotlyChart Compare(IReadOnlyList<ModelResult> results, string title = "Validation accuracy by epoch")
    {
        var traces = new List<JsonObject>();
        for (int i = 0; i < results.Count; i++)
        {
            var r = results[i];
            string name = r.Failure is null ? r.ModelName : $"{r.ModelName} (failed)";
            traces.Add(PlotlyFigure.Trace("scatter",
                ("name", name),
                ("mode", r.History.Count <= 40 ? "lines+markers" : "lines"),
                ("x", r.History.Select(h => h.Epoch).ToArray()),
                ("y", Rounded(r.History.Select(h => h.ValidationAccuracy), 5)),
                ("line", Obj(("color", ModelColour(r.ModelName, i)), ("width", 2))),
                ("marker", Obj(("size", 5))),
                ("hovertemplate", $"{r.ModelName}<br>epoch %{{x}}: %{{y:.2%}}<extra></extra>")));
        }
        var layout = BaseLayout(title, 420,
            ("xaxis", Axis("epoch")),
            ("yaxis", Axis("validation accuracy", ("range", new[] { 0.0, 1.02 }), ("tickformat", ".0%"))),
            ("legend", Obj(("orientation", "h"), ("y", -0.2))));
        return Build(traces, layout);
    }

    private static JsonObject PanelLabel(string text, string yref) =>
        Obj(("xref", "paper"), ("yref", yref), ("x", 0), ("y", 1), ("xanchor", "left"), ("yanchor", "bottom"),
            ("text", $"<b>{text}</b>"), ("showarrow", false), ("font", Obj(("size", 12), ("color", "#444"))));
}
