using System.Text.Json.Nodes;
using SpokenDigits.Charts;
using static SpokenDigits.Charts.PlotlyFigure;

namespace SpokenDigits.Inference;

/// <summary>Every model's probability for each digit as grouped bars: one group per digit, one bar per model.</summary>
public static class PredictionChart
{
    public static PlotlyChart For(FilePrediction prediction, string? title = null)
    {
        ArgumentNullException.ThrowIfNull(prediction);
        var traces = new List<JsonObject>();
        for (int i = 0; i < prediction.Models.Count; i++)
        {
            var m = prediction.Models[i];
            traces.Add(Trace("bar",
                ("name", $"{m.ModelName} → {m.Digit}"),
                ("x", Enumerable.Range(0, m.Probabilities.Length).Select(d => d.ToString()).ToArray()),
                ("y", Rounded(m.Probabilities.Select(p => (double)p), 4)),
                ("marker", Obj(("color", ModelColour(m.ModelName, i)))),
                ("hovertemplate", $"{m.ModelName}<br>digit %{{x}}: %{{y:.3f}}<extra></extra>")));
        }
        var layout = BaseLayout(title ?? $"What each model hears in {Path.GetFileName(prediction.Source)}", 420,
            ("barmode", "group"),
            ("bargap", 0.2),
            ("bargroupgap", 0.05),
            ("xaxis", Axis("digit", ("type", "category"))),
            ("yaxis", Axis("probability", ("range", new[] { 0.0, 1.05 }))),
            ("legend", Obj(("orientation", "h"), ("y", -0.2))));
        return Build(traces, layout);
    }
}
