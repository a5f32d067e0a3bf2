using System.Text.Json.Nodes;
using SpokenDigits.Charts;
using SpokenDigits.Analysis;
using static SpokenDigits.Charts.PlotlyFigure;

namespace SpokenDigits.Rendering;

/// <summary>The report's figures: mean ± std bars (static SVG and interactive plotly), which the single-run charts
/// of <see cref="Charts"/> do not draw.</summary>
public static class ReportFigures
{

    /// <summary>Series of a per-digit F1 chart from the seed summary (mean ± std per model).</summary>
    public static IReadOnlyList<BarSeries> PerClassSeries(SeedSummary s) =>
        s.Models.Where(m => m.Runs > 0).Select(m => new BarSeries(m.ModelName, m.PerClassF1.Select(v => v.Mean).ToList(),
            m.PerClassF1.Select(v => v.Std).ToList())).ToList();

    /// <summary>The fusion gain per digit as one series.</summary>
    public static BarSeries GainSeries(IReadOnlyList<DigitGain> gains) =>
        new("fusion − better branch", gains.Select(g => g.Gain.Mean).ToList(), gains.Select(g => g.Gain.Std).ToList());

    /// <summary>Interactive grouped bars with ± error bars (same data as <see cref="ChartSvg.GroupedBars(string, IReadOnlyList{string}, IReadOnlyList{BarSeries}, string, double?, double?, bool)"/>).</summary>
    public static PlotlyChart BarsChart(string title, IReadOnlyList<string> categories, IReadOnlyList<BarSeries> series, string yLabel,
        bool signColours = false, string tickFormat = ".2f")
    {
        var traces = series.Select((s, i) => Trace("bar",
            ("name", s.Name),
            ("x", categories.ToArray()),
            ("y", Rounded(s.Values, 4)),
            ("error_y", Obj(("type", "data"), ("array", Rounded(s.Errors, 4)), ("visible", true), ("color", "#333"))),
            ("marker", Obj(("color", signColours ? s.Values.Select(v => v >= 0 ? Positive : Negative).ToArray() : ModelColour(s.Name, i)))),
            ("hovertemplate", $"{s.Name}<br>%{{x}}: %{{y:.3f}} ± %{{error_y.array:.3f}}<extra></extra>"))).ToList();
        var layout = BaseLayout(title, 440,
            ("barmode", "group"),
            ("showlegend", !signColours),
            ("xaxis", Axis(null, ("type", "category"))),
            ("yaxis", Axis(yLabel, ("zeroline", true), ("zerolinecolor", "#222"), ("tickformat", tickFormat))),
            ("legend", Obj(("orientation", "h"), ("y", -0.2))));
        return Build(traces, layout);
    }
}
