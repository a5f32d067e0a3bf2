using static SpokenDigits.Charts.PlotlyFigure;

namespace SpokenDigits.Charts;

/// <summary>Grouped bars: one group per category, one bar per series, with ± error whiskers where a series has errors
/// (e.g. one standard deviation across seeds).</summary>
/// <param name="YMin">Bottom of the y axis; null: from the data (and 0).</param>
/// <param name="YMax">Top of the y axis; null: from the data (and 0).</param>
/// <param name="SignColours">A single series drawn green above zero and red below, without a legend.</param>
/// <param name="TickFormat">The interactive chart's y tick format (d3-format).</param>
public sealed record GroupedBarsFigure(string Title, IReadOnlyList<string> Categories, IReadOnlyList<BarSeries> Series, string YLabel,
    double? YMin = null, double? YMax = null, bool SignColours = false, string TickFormat = ".2f") : FigureDefinition(Title)
{
    public override PlotlyChart ToPlotly()
    {
        var traces = Series.Select((s, i) => Trace("bar",
            ("name", s.Name),
            ("x", Categories.ToArray()),
            ("y", Rounded(s.Values, 4)),
            ("error_y", Obj(("type", "data"), ("array", Rounded(s.Errors, 4)), ("visible", true), ("color", "#333"))),
            ("marker", Obj(("color", SignColours ? s.Values.Select(v => v >= 0 ? Positive : Negative).ToArray() : ModelColour(s.Name, i)))),
            ("hovertemplate", $"{s.Name}<br>%{{x}}: %{{y:.3f}} ± %{{error_y.array:.3f}}<extra></extra>"))).ToList();
        var layout = BaseLayout(Title, 440,
            ("barmode", "group"),
            ("showlegend", !SignColours),
            ("xaxis", Axis(null, ("type", "category"))),
            ("yaxis", Axis(YLabel, ("zeroline", true), ("zerolinecolor", "#222"), ("tickformat", TickFormat),
                ("range", YMin is double lo && YMax is double hi ? new[] { lo, hi } : null))),
            ("legend", Obj(("orientation", "h"), ("y", -0.2))));
        return Build(traces, layout);
    }

    public override string ToSvg() => ChartSvg.GroupedBars(this);
}
