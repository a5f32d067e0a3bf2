using System.Text.Json.Nodes;
using SpokenDigits.Evaluation;
using static SpokenDigits.Charts.PlotlyFigure;

namespace SpokenDigits.Charts;

/// <summary>Headline metrics side by side.</summary>
public static class ModelComparisonChart
{
    /// <summary>Grouped bars of test accuracy and macro-F1, one group per model; failed runs (no test report) are left out.</summary>
    public static PlotlyChart AccuracyAndMacroF1(IReadOnlyList<ModelResult> results, string title = "Test accuracy and macro-F1 by model")
    {
        var ok = results.Where(r => r.Test is not null).ToList();
        string[] names = ok.Select(r => r.ModelName).ToArray();
        JsonObject Bars(string metric, double[] values, string colour) => Trace("bar",
            ("name", metric),
            ("x", names),
            ("y", Rounded(values, 4)),
            ("text", values.Select(v => v.ToString("0.000", System.Globalization.CultureInfo.InvariantCulture)).ToArray()),
            ("textposition", "outside"),
            ("cliponaxis", false),
            ("marker", Obj(("color", colour))),
            ("hovertemplate", $"%{{x}}<br>{metric} %{{y:.4f}}<extra></extra>"));
        var traces = new List<JsonObject>
        {
            Bars("accuracy", ok.Select(r => r.Test!.Accuracy).ToArray(), "#4c78a8"),
            Bars("macro-F1", ok.Select(r => r.Test!.MacroF1).ToArray(), "#f58518"),
        };
        var layout = BaseLayout(title, 420,
            ("barmode", "group"),
            ("xaxis", Axis("model", ("type", "category"))),
            ("yaxis", Axis("score", ("range", new[] { 0.0, 1.1 }))),
            ("legend", Obj(("orientation", "h"), ("y", -0.2))));
        return Build(traces, layout);
    }
}
