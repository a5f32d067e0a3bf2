using System.Text.Json.Nodes;
using SpokenDigits.Charts;
using SpokenDigits.Analysis.Ablation;
using SpokenDigits.Runs;

namespace SpokenDigits.Rendering.Ablation;

/// <summary>One figure of the ablation report: its SVG file name (under figures/), caption, static SVG and interactive chart.</summary>
public sealed record AblationFigure(string Section, string File, string Caption, string Svg, PlotlyChart Chart);

/// <summary>The ablation report's figures, drawn from the <see cref="AblationSummary"/> with the project's chart helpers.</summary>
public static class AblationFigures
{
    public static IReadOnlyList<AblationFigure> All(AblationSummary s, AblationRuns runs)
    {
        var list = new List<AblationFigure>();
        if (s.Official.Count > 0)
        {
            var names = s.Official.Select(r => r.Name).ToList();
            var series = new BarSeries("test accuracy", s.Official.Select(r => r.Accuracy.Mean).ToList(), s.Official.Select(r => r.Accuracy.Std).ToList());
            list.Add(new AblationFigure(AblationSection.Official, "ablation-accuracy.svg", "Test accuracy per model, mean ± std over seeds",
                ChartSvg.GroupedBars("Test accuracy (mean ± std over seeds)", names, [series], "accuracy", 0, 1),
                ReportFigures.BarsChart("Test accuracy (mean ± std over seeds)", names, [series], "accuracy")));
        }
        foreach (var curve in s.Curves)
        {
            var lines = CurveLines(curve);
            string title = $"{curve.Name}: each branch alone, train vs validation";
            list.Add(new AblationFigure(AblationSection.Why, $"ablation-branch-curves-{FileSafe(curve.Name)}.svg",
                $"{curve.Name}: accuracy of each branch on its own per epoch, training (solid) vs validation (dashed), mean over seeds",
                ChartSvg.Lines(title, lines, "epoch", "accuracy", 0, 1),
                LineSeriesChart.For(title, lines, "epoch", "accuracy", yMin: 0, yMax: 1.02)));
        }
        if (s.Weights.Count > 0)
        {
            var labels = s.Weights[0].Labels;
            var series = s.Weights.Select(w => new BarSeries(w.Name, w.RawWeight.Select(v => v.Mean).ToList(), w.RawWeight.Select(v => v.Std).ToList())).ToList();
            list.Add(new AblationFigure(AblationSection.Why, "ablation-raw-weight.svg", "Mean raw-branch fusion weight per true digit (spectrogram = 1 − raw), mean ± std over seeds",
                ChartSvg.GroupedBars("Raw-branch weight per digit", labels, series, "raw weight", 0, 1),
                ReportFigures.BarsChart("Raw-branch fusion weight per digit (mean ± std over seeds)", labels, series, "raw weight")));
        }
        if (s.DigitGains is { } gains)
        {
            var labels = gains.Select(g => g.Label).ToList();
            var series = new BarSeries($"{s.BestFusion} − {s.BestSingle}", gains.Select(g => g.Gain.Mean).ToList(), gains.Select(g => g.Gain.Std).ToList());
            list.Add(new AblationFigure(AblationSection.Digits, "ablation-digit-gain.svg", $"F1 gain of {s.BestFusion} over {s.BestSingle} per digit, mean ± std over seeds",
                ChartSvg.GroupedBars("F1 gain of the best fusion over the best single", labels, [series], "ΔF1", signColours: true),
                ReportFigures.BarsChart($"F1 gain of {s.BestFusion} over {s.BestSingle} (mean ± std over seeds)", labels, [series], "ΔF1", signColours: true, tickFormat: "+.2f")));
        }
        if (s.Loso is { } l)
        {
            var ran = l.Rows.Select(r => runs.Contender(r.Name)!).ToList();
            var speakers = ran.SelectMany(c => c.Loso.Select(f => f.Speaker)).Distinct().Order(StringComparer.Ordinal).ToList();
            var series = ran.Select(c =>
            {
                var per = LosoTable.PerSpeaker(c).ToDictionary(x => x.Speaker, x => x.Accuracy);
                return new BarSeries(c.Name, speakers.Select(sp => per.GetValueOrDefault(sp, double.NaN)).ToList(), []);
            }).ToList();
            list.Add(new AblationFigure(AblationSection.Loso, "ablation-loso.svg", "Test accuracy on each held-out speaker",
                ChartSvg.GroupedBars("Accuracy per held-out speaker", speakers, series, "accuracy", 0, 1),
                ReportFigures.BarsChart("Accuracy per held-out speaker", speakers, series, "accuracy")));
        }
        return list;
    }

    /// <summary>Four lines: raw and spectrogram branch alone, on training (solid) and validation (dashed) recordings.</summary>
    public static IReadOnlyList<LineSeries> CurveLines(BranchCurve c)
    {
        var epochs = c.Epochs.Select(e => (double)e.Epoch).ToList();
        const string RawColour = "#1f77b4", SpecColour = "#ff7f0e";
        return
        [
            new LineSeries("raw alone, train", epochs, c.Epochs.Select(e => e.TrainRaw).ToList(), false, RawColour),
            new LineSeries("raw alone, validation", epochs, c.Epochs.Select(e => e.ValidationRaw).ToList(), true, RawColour),
            new LineSeries("spectrogram alone, train", epochs, c.Epochs.Select(e => e.TrainSpec).ToList(), false, SpecColour),
            new LineSeries("spectrogram alone, validation", epochs, c.Epochs.Select(e => e.ValidationSpec).ToList(), true, SpecColour),
        ];
    }

    static string FileSafe(string name) => string.Concat(name.Select(ch => char.IsAsciiLetterOrDigit(ch) || ch is '-' or '+' ? ch : '-'));
}
