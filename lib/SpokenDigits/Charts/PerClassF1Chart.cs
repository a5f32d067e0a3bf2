using System.Text.Json.Nodes;
using SpokenDigits.Evaluation;
using static SpokenDigits.Charts.PlotlyFigure;

namespace SpokenDigits.Charts;

/// <summary>Per-class F1 of several models as grouped bars: one group per class (digit), one bar per model.</summary>
public static class PerClassF1Chart
{
    /// <summary>From model results; results without a test report (failed runs) are left out.</summary>
    public static PlotlyChart Grouped(IReadOnlyList<ModelResult> results, string title = "Per-digit F1 on the test set") =>
        Grouped(results.Where(r => r.Test is not null).Select(r => (r.ModelName, r.Test!)).ToList(), title);

    /// <summary>From (model name, report) pairs, in legend order. All reports must share the same labels.</summary>
    public static PlotlyChart Grouped(IReadOnlyList<(string Model, ClassificationReport Report)> reports, string title = "Per-digit F1 on the test set")
    {
        var traces = new List<JsonObject>();
        for (int i = 0; i < reports.Count; i++)
        {
            var (model, report) = reports[i];
            traces.Add(Trace("bar",
                ("name", model),
                ("x", report.PerClass.Select(m => m.Label).ToArray()),
                ("y", Rounded(report.PerClass.Select(m => m.F1), 4)),
                ("marker", Obj(("color", ModelColour(model, i)))),
                ("hovertemplate", $"{model}<br>digit %{{x}}: F1 %{{y:.3f}}<extra></extra>")));
        }
        var layout = BaseLayout(title, 440,
            ("barmode", "group"),
            ("bargap", 0.2),
            ("bargroupgap", 0.05),
            ("xaxis", Axis("digit", ("type", "category"))),
            ("yaxis", Axis("F1", ("range", new[] { 0.0, 1.05 }))),
            ("legend", Obj(("orientation", "h"), ("y", -0.2))));
        return Build(traces, layout);
    }
}
