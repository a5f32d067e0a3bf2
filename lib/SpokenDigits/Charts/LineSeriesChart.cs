using System.Text.Json.Nodes;
using static SpokenDigits.Charts.PlotlyFigure;

namespace SpokenDigits.Charts;

/// <summary>Interactive lines of y against x (the plotly rendering of <see cref="LinesFigure"/>).</summary>
public static class LineSeriesChart
{
    public static PlotlyChart For(string title, IReadOnlyList<LineSeries> series, string xLabel, string yLabel, string tickFormat = ".0%",
        double? yMin = null, double? yMax = null)
    {
        var traces = series.Select((s, i) => Trace("scatter",
            ("name", s.Name),
            ("mode", s.X.Count <= 40 ? "lines+markers" : "lines"),
            ("x", s.X.ToArray()),
            ("y", Rounded(s.Y, 5)),
            ("line", Obj(("color", s.Colour ?? Palette[i % Palette.Length]), ("width", 2), ("dash", s.Dashed ? "dash" : "solid"))),
            ("marker", Obj(("size", 5))),
            ("hovertemplate", $"{s.Name}<br>{xLabel} %{{x}}: %{{y:.3f}}<extra></extra>"))).ToList();
        var layout = BaseLayout(title, 420,
            ("xaxis", Axis(xLabel)),
            ("yaxis", Axis(yLabel, ("tickformat", tickFormat), ("range", yMin is double lo && yMax is double hi ? new[] { lo, hi } : null))),
            ("legend", Obj(("orientation", "h"), ("y", -0.2))));
        return Build(traces, layout);
    }
}
