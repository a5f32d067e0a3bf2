using System.Text;

namespace SpokenDigits.Charts;

internal static partial class ChartSvg
{
    /// <summary>Lines of y against x (e.g. accuracy against epoch), with markers and a legend; y over the figure's range
    /// (default: the data's range), x over the data's range.</summary>
    public static string Lines(LinesFigure figure)
    {
        var (title, series, xLabel, yLabel, yMin, yMax) = (figure.Title, figure.Series, figure.XLabel, figure.YLabel, figure.YMin, figure.YMax);
        var xs = series.SelectMany(s => s.X).Where(double.IsFinite).DefaultIfEmpty(0).ToList();
        var ys = series.SelectMany(s => s.Y).Where(double.IsFinite).DefaultIfEmpty(0).ToList();
        double x0 = xs.Min(), x1 = xs.Max(), lo = yMin ?? ys.Min(), hi = yMax ?? ys.Max();
        if (x1 - x0 < 1e-9) { x0 -= 1; x1 += 1; }
        if (hi - lo < 1e-9) { hi = lo + 1; }
        const int left = 64, top = 50, plotWidth = 520, plotHeight = 260;
        int legendRows = (series.Count + 1) / 2;
        int width = left + plotWidth + 20, height = top + plotHeight + 56 + 18 * legendRows;
        double X(double v) => left + plotWidth * (v - x0) / (x1 - x0);
        double Y(double v) => top + plotHeight * (1 - (Math.Clamp(v, lo, hi) - lo) / (hi - lo));
        var sb = Begin(width, height, title);
        YGrid(sb, lo, hi, left, left + plotWidth, Y);
        foreach (double t in Ticks(x0, x1))
            sb.Append(Text(X(t), top + plotHeight + 16, t.ToString("0.##", Inv), "middle", 11));
        sb.Append(Inv, $"<line x1=\"{left}\" x2=\"{left + plotWidth}\" y1=\"{top + plotHeight}\" y2=\"{top + plotHeight}\" stroke=\"#444\"/>");
        for (int s = 0; s < series.Count; s++)
        {
            var line = series[s];
            string colour = line.Colour ?? PlotlyFigure.Palette[s % PlotlyFigure.Palette.Length];
            string dash = line.Dashed ? " stroke-dasharray=\"6 4\"" : "";
            var points = Enumerable.Range(0, Math.Min(line.X.Count, line.Y.Count)).Where(i => double.IsFinite(line.X[i]) && double.IsFinite(line.Y[i]))
                .Select(i => (X: X(line.X[i]), Y: Y(line.Y[i]), line.X[i], line.Y[i])).ToList();
            if (points.Count > 1)
                sb.Append(Inv, $"<polyline fill=\"none\" stroke=\"{colour}\" stroke-width=\"2\"{dash} points=\"{string.Join(' ', points.Select(p => string.Create(Inv, $"{p.X:0.##},{p.Y:0.##}")))}\"/>");
            foreach (var p in points)
                sb.Append(Inv, $"<circle cx=\"{p.X:0.##}\" cy=\"{p.Y:0.##}\" r=\"3\" fill=\"{colour}\"><title>{Esc(line.Name)}: {p.Item3:0.##}, {p.Item4:0.000}</title></circle>");
            double lx = left + (s % 2) * (plotWidth / 2.0), ly = top + plotHeight + 40 + 18 * (s / 2);
            sb.Append(Inv, $"<line x1=\"{lx:0.##}\" x2=\"{lx + 22:0.##}\" y1=\"{ly - 4:0.##}\" y2=\"{ly - 4:0.##}\" stroke=\"{colour}\" stroke-width=\"2\"{dash}/>");
            sb.Append(Text(lx + 28, ly, line.Name, "start", 12));
        }
        sb.Append(Text(left + plotWidth / 2.0, top + plotHeight + 30, xLabel, "middle", 12, "#444"));
        sb.Append(Inv, $"<text x=\"16\" y=\"{top + plotHeight / 2.0}\" text-anchor=\"middle\" font-size=\"13\" {Font} transform=\"rotate(-90 16 {top + plotHeight / 2.0})\">{Esc(yLabel)}</text>");
        return sb.Append("</svg>\n").ToString();
    }

    /// <summary>Whole-number ticks when the range is small (epochs), else six even ticks.</summary>
    static IEnumerable<double> Ticks(double x0, double x1)
    {
        if (x1 - x0 <= 20 && Math.Abs(x0 - Math.Round(x0)) < 1e-9)
            for (double t = x0; t <= x1 + 1e-9; t++) yield return t;
        else
            for (int i = 0; i <= 5; i++) yield return x0 + (x1 - x0) * i / 5;
    }
}
