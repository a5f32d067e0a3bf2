using System.Globalization;
using System.Net;
using System.Text;

namespace SpokenDigits.Charts;

/// <summary>
/// The static SVG rendering of a <see cref="FigureDefinition"/> (no browser, no JavaScript), for papers and the Markdown
/// reports: a confusion matrix, grouped bars and lines. Titles, data and axes come from the definition only.
/// </summary>
internal static partial class ChartSvg
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;
    private const string Font = "font-family=\"Helvetica, Arial, sans-serif\"";

    // ColorBrewer Blues, light → dark
    private static readonly (double R, double G, double B)[] Blues =
        [(247, 251, 255), (222, 235, 247), (198, 219, 239), (158, 202, 225), (107, 174, 214), (66, 146, 198), (33, 113, 181), (8, 81, 156), (8, 48, 107)];

    /// <summary>Confusion matrix: rows = true class (first at the top), columns = predicted; counts or row shares in each cell.</summary>
    public static string ConfusionMatrix(ConfusionFigure figure)
    {
        var (cm, title, rowNormalised) = (figure.Matrix, figure.Title, figure.RowNormalised);
        int k = cm.ClassCount;
        double[][] shares = cm.RowNormalised();
        int max = Math.Max(1, cm.Counts.SelectMany(r => r).DefaultIfEmpty(0).Max());
        const int cell = 40, left = 70, top = 60;
        int width = left + k * cell + 20, height = top + k * cell + 60;
        var sb = Begin(width, height, title);
        for (int t = 0; t < k; t++)
        {
            sb.Append(Text(left - 10, top + t * cell + cell / 2.0 + 4, cm.Labels[t], "end", 12));
            for (int p = 0; p < k; p++)
            {
                double v = rowNormalised ? shares[t][p] : (double)cm.Counts[t][p] / max;
                double x = left + p * cell, y = top + t * cell;
                sb.Append(Inv, $"<rect x=\"{x}\" y=\"{y}\" width=\"{cell - 1}\" height=\"{cell - 1}\" fill=\"{Colour(v)}\"><title>true {Esc(cm.Labels[t])}, predicted {Esc(cm.Labels[p])}: {cm.Counts[t][p]}</title></rect>");
                string label = rowNormalised ? ConfusionMatrixChart.FormatPercent(shares[t][p]) : cm.Counts[t][p].ToString(Inv);
                sb.Append(Text(x + cell / 2.0, y + cell / 2.0 + 4, label, "middle", k > 12 ? 9 : 11, v > 0.55 ? "#ffffff" : "#1a1a1a"));
            }
        }
        for (int p = 0; p < k; p++)
            sb.Append(Text(left + p * cell + cell / 2.0, top + k * cell + 16, cm.Labels[p], "middle", 12));
        sb.Append(Text(left + k * cell / 2.0, top + k * cell + 40, "predicted digit", "middle", 13));
        sb.Append(Inv, $"<text x=\"18\" y=\"{top + k * cell / 2.0}\" text-anchor=\"middle\" font-size=\"13\" {Font} transform=\"rotate(-90 18 {top + k * cell / 2.0})\">true digit</text>");
        return sb.Append("</svg>\n").ToString();
    }

    /// <summary>Grouped bars from zero, one group per category and one bar per series, with ± error whiskers where a series has errors; with
    /// <see cref="GroupedBarsFigure.SignColours"/> a single series is green above zero and red below. Without a given range, the y range covers every
    /// bar and whisker (and 0).</summary>
    public static string GroupedBars(GroupedBarsFigure figure)
    {
        var (title, categories, series, yLabel, yMin, yMax, signColours) =
            (figure.Title, figure.Categories, figure.Series, figure.YLabel, figure.YMin, figure.YMax, figure.SignColours);
        var tops = series.SelectMany(s => s.Values.Select((v, i) => v + Err(s, i))).Where(double.IsFinite).DefaultIfEmpty(0).ToList();
        var bottoms = series.SelectMany(s => s.Values.Select((v, i) => v - Err(s, i))).Where(double.IsFinite).DefaultIfEmpty(0).ToList();
        double lo = yMin ?? Math.Min(0, bottoms.Min() * 1.15), hi = yMax ?? Math.Max(0, tops.Max() * 1.15);
        if (hi - lo < 1e-9) { hi = lo + 1; }
        const int left = 64, top = 50, plotHeight = 260;
        int groupWidth = Math.Max(40, 16 + 16 * series.Count);
        int legendWidth = left + series.Sum(x => 28 + 7 * x.Name.Length) + 20;
        int width = Math.Max(left + Math.Max(1, categories.Count) * groupWidth + 20, Math.Max(TitleWidth(title), signColours ? 0 : legendWidth));
        if (series.Any(x => x.Errors.Any(e => e > 0))) width = Math.Max(width, left + 330);
        int height = top + plotHeight + 90;
        double Y(double v) => top + plotHeight * (1 - (Math.Clamp(v, lo, hi) - lo) / (hi - lo));
        var sb = Begin(width, height, title);
        YGrid(sb, lo, hi, left, width - 20, Y);
        double barWidth = (groupWidth - 14.0) / Math.Max(1, series.Count);
        for (int c = 0; c < categories.Count; c++)
        {
            double gx = left + c * groupWidth + 7;
            for (int s = 0; s < series.Count; s++)
            {
                double v = c < series[s].Values.Count ? series[s].Values[c] : double.NaN;
                if (!double.IsFinite(v)) continue;
                double e = Err(series[s], c);
                double x = gx + s * barWidth, y0 = Y(0), y1 = Y(v);
                string colour = signColours ? (v >= 0 ? PlotlyFigure.Positive : PlotlyFigure.Negative) : PlotlyFigure.ModelColour(series[s].Name, s);
                sb.Append(Inv, $"<rect x=\"{x:0.##}\" y=\"{Math.Min(y0, y1):0.##}\" width=\"{barWidth - 1:0.##}\" height=\"{Math.Abs(y0 - y1):0.##}\" fill=\"{colour}\"><title>{Esc(series[s].Name)}, {Esc(categories[c])}: {v:0.000} ± {e:0.000}</title></rect>");
                if (e > 0)
                {
                    double cx = x + (barWidth - 1) / 2;
                    sb.Append(Inv, $"<line x1=\"{cx:0.##}\" x2=\"{cx:0.##}\" y1=\"{Y(v - e):0.##}\" y2=\"{Y(v + e):0.##}\" stroke=\"#222\"/>");
                    sb.Append(Inv, $"<line x1=\"{cx - 3:0.##}\" x2=\"{cx + 3:0.##}\" y1=\"{Y(v + e):0.##}\" y2=\"{Y(v + e):0.##}\" stroke=\"#222\"/>");
                    sb.Append(Inv, $"<line x1=\"{cx - 3:0.##}\" x2=\"{cx + 3:0.##}\" y1=\"{Y(v - e):0.##}\" y2=\"{Y(v - e):0.##}\" stroke=\"#222\"/>");
                }
            }
            sb.Append(Text(left + c * groupWidth + groupWidth / 2.0, top + plotHeight + 16, categories[c], "middle", 12));
        }
        sb.Append(Inv, $"<line x1=\"{left}\" x2=\"{width - 20}\" y1=\"{Y(0):0.##}\" y2=\"{Y(0):0.##}\" stroke=\"#444\"/>");
        sb.Append(Inv, $"<text x=\"16\" y=\"{top + plotHeight / 2.0}\" text-anchor=\"middle\" font-size=\"13\" {Font} transform=\"rotate(-90 16 {top + plotHeight / 2.0})\">{Esc(yLabel)}</text>");
        double lx = left;
        for (int s = 0; s < series.Count && !signColours; s++)
        {
            sb.Append(Inv, $"<rect x=\"{lx}\" y=\"{top + plotHeight + 36}\" width=\"12\" height=\"12\" fill=\"{PlotlyFigure.ModelColour(series[s].Name, s)}\"/>");
            sb.Append(Text(lx + 16, top + plotHeight + 46, series[s].Name, "start", 12));
            lx += 28 + 7 * series[s].Name.Length;
        }
        if (series.Any(s => s.Errors.Any(e => e > 0)))
            sb.Append(Text(left, top + plotHeight + 68, "whiskers: ± one standard deviation across seeds", "start", 11, "#666"));
        return sb.Append("</svg>\n").ToString();
    }

    /// <summary>Six horizontal grid lines from <paramref name="lo"/> to <paramref name="hi"/>, labelled left of the plot.</summary>
    static void YGrid(StringBuilder sb, double lo, double hi, double left, double right, Func<double, double> y)
    {
        for (int i = 0; i <= 5; i++)
        {
            double v = lo + (hi - lo) * i / 5;
            sb.Append(Inv, $"<line x1=\"{left}\" x2=\"{right}\" y1=\"{y(v):0.#}\" y2=\"{y(v):0.#}\" stroke=\"#e5e5e5\"/>");
            sb.Append(Text(left - 6, y(v) + 4, v.ToString("0.0##", Inv), "end", 11));
        }
    }

    /// <summary>Room for a bold 16 px title: about 9 px per character and a margin each side.</summary>
    static int TitleWidth(string title) => 24 + 9 * title.Length;

    static double Err(BarSeries s, int i) => i < s.Errors.Count && double.IsFinite(s.Errors[i]) ? s.Errors[i] : 0;

    private static StringBuilder Begin(int width, int height, string title)
    {
        var sb = new StringBuilder();
        sb.Append(Inv, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\">");
        sb.Append(Inv, $"<rect width=\"{width}\" height=\"{height}\" fill=\"#ffffff\"/>");
        sb.Append(Text(12, 28, title, "start", 16, "#222", bold: true));
        return sb;
    }

    private static string Text(double x, double y, string text, string anchor, int size, string colour = "#222", bool bold = false) =>
        string.Create(Inv, $"<text x=\"{x:0.##}\" y=\"{y:0.##}\" text-anchor=\"{anchor}\" font-size=\"{size}\" {Font} fill=\"{colour}\"{(bold ? " font-weight=\"bold\"" : "")}>{Esc(text)}</text>");

    private static string Colour(double v)
    {
        v = Math.Clamp(double.IsFinite(v) ? v : 0, 0, 1) * (Blues.Length - 1);
        int i = Math.Min((int)v, Blues.Length - 2);
        double f = v - i;
        var (a, b) = (Blues[i], Blues[i + 1]);
        return string.Create(Inv, $"rgb({a.R + f * (b.R - a.R):0},{a.G + f * (b.G - a.G):0},{a.B + f * (b.B - a.B):0})");
    }

    private static string Esc(string s) => WebUtility.HtmlEncode(s);
}
