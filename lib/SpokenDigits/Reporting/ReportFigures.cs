using System.Globalization;
using System.Net;
using System.Text;
using Plotly.NET;
using SpokenDigits.Charts;
using SpokenDigits.Evaluation;
using static SpokenDigits.Charts.PlotlyFigure;

namespace SpokenDigits.Reporting;

/// <summary>One series of bars with error whiskers (± one standard deviation across seeds).</summary>
public sealed record BarSeries(string Name, IReadOnlyList<double> Values, IReadOnlyList<double> Errors);

/// <summary>The report's figures: mean ± std bars (static SVG and interactive plotly), which the single-run charts
/// of <see cref="Charts"/> do not draw.</summary>
public static class ReportFigures
{
    static readonly CultureInfo Inv = CultureInfo.InvariantCulture;
    const string Font = "font-family=\"Helvetica, Arial, sans-serif\"";

    /// <summary>Series of a per-digit F1 chart from the seed summary (mean ± std per model).</summary>
    public static IReadOnlyList<BarSeries> PerClassSeries(SeedSummary s) =>
        s.Models.Where(m => m.Runs > 0).Select(m => new BarSeries(m.ModelName, m.PerClassF1.Select(v => v.Mean).ToList(),
            m.PerClassF1.Select(v => v.Std).ToList())).ToList();

    /// <summary>The fusion gain per digit as one series.</summary>
    public static BarSeries GainSeries(IReadOnlyList<DigitGain> gains) =>
        new("fusion − better branch", gains.Select(g => g.Gain.Mean).ToList(), gains.Select(g => g.Gain.Std).ToList());

    /// <summary>Static grouped bars from zero with ± error whiskers; with <paramref name="signColours"/> a single series
    /// is green above zero and red below. The y range covers every bar and whisker (and 0).</summary>
    public static string BarsSvg(string title, IReadOnlyList<string> categories, IReadOnlyList<BarSeries> series, string yLabel,
        double? yMin = null, double? yMax = null, bool signColours = false)
    {
        var tops = series.SelectMany(s => s.Values.Select((v, i) => v + Err(s, i))).Where(double.IsFinite).DefaultIfEmpty(0).ToList();
        var bottoms = series.SelectMany(s => s.Values.Select((v, i) => v - Err(s, i))).Where(double.IsFinite).DefaultIfEmpty(0).ToList();
        double lo = yMin ?? Math.Min(0, bottoms.Min() * 1.15), hi = yMax ?? Math.Max(0, tops.Max() * 1.15);
        if (hi - lo < 1e-9) { hi = lo + 1; }
        const int left = 64, top = 50, plotHeight = 260;
        int groupWidth = Math.Max(40, 16 + 16 * series.Count);
        int width = left + Math.Max(1, categories.Count) * groupWidth + 20, height = top + plotHeight + 90;
        double Y(double v) => top + plotHeight * (1 - (Math.Clamp(v, lo, hi) - lo) / (hi - lo));
        var sb = new StringBuilder();
        sb.Append(Inv, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\">");
        sb.Append(Inv, $"<rect width=\"{width}\" height=\"{height}\" fill=\"#ffffff\"/>");
        sb.Append(Text(12, 28, title, "start", 16, bold: true));
        for (int i = 0; i <= 5; i++)
        {
            double v = lo + (hi - lo) * i / 5;
            sb.Append(Inv, $"<line x1=\"{left}\" x2=\"{width - 20}\" y1=\"{Y(v):0.#}\" y2=\"{Y(v):0.#}\" stroke=\"#e5e5e5\"/>");
            sb.Append(Text(left - 6, Y(v) + 4, v.ToString("0.0##", Inv), "end", 11));
        }
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
                string colour = signColours ? (v >= 0 ? Positive : Negative) : ModelColour(series[s].Name, s);
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
            sb.Append(Inv, $"<rect x=\"{lx}\" y=\"{top + plotHeight + 36}\" width=\"12\" height=\"12\" fill=\"{ModelColour(series[s].Name, s)}\"/>");
            sb.Append(Text(lx + 16, top + plotHeight + 46, series[s].Name, "start", 12));
            lx += 28 + 7 * series[s].Name.Length;
        }
        sb.Append(Text(left, top + plotHeight + 68, "whiskers: ± one standard deviation across seeds", "start", 11, "#666"));
        return sb.Append("</svg>\n").ToString();
    }

    /// <summary>Interactive grouped bars with ± error bars (same data as <see cref="BarsSvg"/>).</summary>
    public static GenericChart BarsChart(string title, IReadOnlyList<string> categories, IReadOnlyList<BarSeries> series, string yLabel,
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

    static double Err(BarSeries s, int i) => i < s.Errors.Count && double.IsFinite(s.Errors[i]) ? s.Errors[i] : 0;

    static string Text(double x, double y, string text, string anchor, int size, string colour = "#222", bool bold = false) =>
        string.Create(Inv, $"<text x=\"{x:0.##}\" y=\"{y:0.##}\" text-anchor=\"{anchor}\" font-size=\"{size}\" {Font} fill=\"{colour}\"{(bold ? " font-weight=\"bold\"" : "")}>{Esc(text)}</text>");

    static string Esc(string s) => WebUtility.HtmlEncode(s);
}
