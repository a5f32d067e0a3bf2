using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace SpokenDigits.Charts;

/// <summary>One line of a <see cref="BandCurvesFigure"/>: a value per category with its confidence band.</summary>
public sealed record BandSeries(string Name, IReadOnlyList<double> Y, IReadOnlyList<double> Lower, IReadOnlyList<double> Upper);

/// <summary>Lines over categories (e.g. severities) with shaded confidence bands: one definition, drawn as an
/// interactive plotly figure (<see cref="ToPlotly"/>) and as a static SVG (<see cref="ToSvg"/>) with the same title and data.</summary>
/// <param name="YMin">Bottom of the y axis (accuracy: 0).</param>
/// <param name="YMax">Top of the y axis (accuracy: 1).</param>
public sealed record BandCurvesFigure(string Title, string XLabel, string YLabel, IReadOnlyList<string> Categories,
    IReadOnlyList<BandSeries> Series, double YMin = 0, double YMax = 1) : FigureDefinition(Title)
{
    static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>The interactive figure: per series a filled band (upper then lower reversed) under a line with markers.</summary>
    public override PlotlyChart ToPlotly()
    {
        var traces = new List<JsonObject>();
        var x = Categories.ToArray();
        for (int s = 0; s < Series.Count; s++)
        {
            var series = Series[s];
            var colour = PlotlyFigure.ModelColour(series.Name, s);
            traces.Add(PlotlyFigure.Trace("scatter",
                ("name", series.Name + " 95 % CI"), ("legendgroup", series.Name), ("showlegend", false),
                ("x", x.Concat(x.Reverse()).ToArray()),
                ("y", PlotlyFigure.Rounded(series.Upper.Concat(series.Lower.Reverse()), 5)),
                ("fill", "toself"), ("fillcolor", Translucent(colour, 0.18)),
                ("line", PlotlyFigure.Obj(("width", 0))), ("hoverinfo", "skip")));
            traces.Add(PlotlyFigure.Trace("scatter",
                ("name", series.Name), ("legendgroup", series.Name), ("mode", "lines+markers"),
                ("x", x), ("y", PlotlyFigure.Rounded(series.Y, 5)),
                ("customdata", series.Lower.Zip(series.Upper, (lo, hi) => new[] { Math.Round(lo, 5), Math.Round(hi, 5) }).ToArray()),
                ("line", PlotlyFigure.Obj(("color", colour), ("width", 2))), ("marker", PlotlyFigure.Obj(("size", 6))),
                ("hovertemplate", $"{series.Name}<br>%{{x}}: %{{y:.1%}} [%{{customdata[0]:.1%}}, %{{customdata[1]:.1%}}]<extra></extra>")));
        }
        var layout = PlotlyFigure.BaseLayout(Title, 420,
            ("xaxis", PlotlyFigure.Axis(XLabel, ("type", "category"))),
            ("yaxis", PlotlyFigure.Axis(YLabel, ("tickformat", ".0%"), ("range", new[] { YMin, YMax }))),
            ("legend", PlotlyFigure.Obj(("orientation", "h"), ("y", -0.22))));
        return PlotlyFigure.Build(traces, layout);
    }

    /// <summary>The static figure: a standalone SVG document (bands at 18 % opacity, lines, markers, legend).</summary>
    public override string ToSvg()
    {
        const int left = 64, top = 50, plotWidth = 540, plotHeight = 260;
        int legendRows = (Series.Count + 2) / 3;
        int width = Math.Max(left + plotWidth + 24, 24 + 9 * Title.Length), height = top + plotHeight + 64 + 18 * legendRows;
        int n = Math.Max(1, Categories.Count);
        double X(int i) => left + plotWidth * (i + 0.5) / n;
        double Y(double v) => top + plotHeight * (1 - (Math.Clamp(v, YMin, YMax) - YMin) / (YMax - YMin));
        var sb = new StringBuilder();
        sb.Append(Inv, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\">");
        sb.Append(Inv, $"<rect width=\"{width}\" height=\"{height}\" fill=\"#ffffff\"/>");
        sb.Append(Text(12, 28, Title, "start", 16, bold: true));
        for (int t = 0; t <= 5; t++)
        {
            double v = YMin + (YMax - YMin) * t / 5;
            sb.Append(Inv, $"<line x1=\"{left}\" x2=\"{left + plotWidth}\" y1=\"{Y(v):0.#}\" y2=\"{Y(v):0.#}\" stroke=\"#e5e5e5\"/>");
            sb.Append(Text(left - 6, Y(v) + 4, (100 * v).ToString("0", Inv) + "%", "end", 11));
        }
        sb.Append(Inv, $"<line x1=\"{left}\" x2=\"{left + plotWidth}\" y1=\"{top + plotHeight}\" y2=\"{top + plotHeight}\" stroke=\"#444\"/>");
        for (int i = 0; i < Categories.Count; i++)
            sb.Append(Text(X(i), top + plotHeight + 16, Categories[i], "middle", 11));
        for (int s = 0; s < Series.Count; s++)
        {
            var series = Series[s];
            var colour = PlotlyFigure.ModelColour(series.Name, s);
            var idx = Enumerable.Range(0, Math.Min(Categories.Count, series.Y.Count)).Where(i => double.IsFinite(series.Y[i])).ToList();
            var band = idx.Select(i => P(X(i), Y(series.Upper[i]))).Concat(Enumerable.Reverse(idx).Select(i => P(X(i), Y(series.Lower[i]))));
            if (idx.Count > 0) sb.Append(Inv, $"<polygon fill=\"{colour}\" fill-opacity=\"0.18\" stroke=\"none\" points=\"{string.Join(' ', band)}\"/>");
            if (idx.Count > 1) sb.Append(Inv, $"<polyline fill=\"none\" stroke=\"{colour}\" stroke-width=\"2\" points=\"{string.Join(' ', idx.Select(i => P(X(i), Y(series.Y[i]))))}\"/>");
            foreach (var i in idx)
                sb.Append(Inv, $"<circle cx=\"{X(i):0.##}\" cy=\"{Y(series.Y[i]):0.##}\" r=\"3\" fill=\"{colour}\"><title>{Esc(series.Name)}, {Esc(Categories[i])}: {100 * series.Y[i]:0.0}% [{100 * series.Lower[i]:0.0}, {100 * series.Upper[i]:0.0}]</title></circle>");
            double lx = left + (s % 3) * (plotWidth / 3.0), ly = top + plotHeight + 56 + 18 * (s / 3);
            sb.Append(Inv, $"<rect x=\"{lx:0.##}\" y=\"{ly - 10:0.##}\" width=\"22\" height=\"10\" fill=\"{colour}\" fill-opacity=\"0.18\"/>");
            sb.Append(Inv, $"<line x1=\"{lx:0.##}\" x2=\"{lx + 22:0.##}\" y1=\"{ly - 5:0.##}\" y2=\"{ly - 5:0.##}\" stroke=\"{colour}\" stroke-width=\"2\"/>");
            sb.Append(Text(lx + 28, ly, series.Name, "start", 12));
        }
        sb.Append(Text(left + plotWidth / 2.0, top + plotHeight + 34, XLabel + " (bands: 95 % confidence)", "middle", 12, "#444"));
        sb.Append(Inv, $"<text x=\"16\" y=\"{top + plotHeight / 2.0}\" text-anchor=\"middle\" font-size=\"13\" font-family=\"Helvetica, Arial, sans-serif\" transform=\"rotate(-90 16 {top + plotHeight / 2.0})\">{Esc(YLabel)}</text>");
        return sb.Append("</svg>\n").ToString();
    }

    static string P(double x, double y) => string.Create(Inv, $"{x:0.##},{y:0.##}");

    static string Text(double x, double y, string text, string anchor, int size, string colour = "#222", bool bold = false) =>
        string.Create(Inv, $"<text x=\"{x:0.##}\" y=\"{y:0.##}\" text-anchor=\"{anchor}\" font-size=\"{size}\" font-family=\"Helvetica, Arial, sans-serif\" fill=\"{colour}\"{(bold ? " font-weight=\"bold\"" : "")}>{Esc(text)}</text>");

    static string Esc(string s) => WebUtility.HtmlEncode(s);

    /// <summary>"#1f77b4" at <paramref name="alpha"/> as "rgba(31,119,180,0.18)".</summary>
    static string Translucent(string hex, double alpha)
    {
        int Channel(int at) => int.Parse(hex.AsSpan(at, 2), NumberStyles.HexNumber, Inv);
        return string.Create(Inv, $"rgba({Channel(1)},{Channel(3)},{Channel(5)},{alpha})");
    }
}
