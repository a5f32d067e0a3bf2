using SpokenDigits.Models;
using SpokenDigits.Charts;
using SpokenDigits.Analysis;
using SpokenDigits.Analysis.Ablation;
using SpokenDigits.Runs;

namespace SpokenDigits.Rendering.Ablation;

/// <summary>The ablation report's figures, each defined once (file under figures/, caption, chart definition), drawn from
/// the <see cref="AblationSummary"/>.</summary>
public static class AblationFigures
{
    public static IReadOnlyList<ReportFigure> Official(AblationSummary s)
    {
        if (s.Official.Count == 0) return [];
        var series = new BarSeries("test accuracy", s.Official.Select(r => r.Accuracy.Mean).ToList(), s.Official.Select(r => r.Accuracy.Std).ToList());
        return [new("ablation-accuracy.svg", "Test accuracy per model, mean ± std over seeds",
            new GroupedBarsFigure("Test accuracy (mean ± std over seeds)", s.Official.Select(r => r.Name).ToList(), [series], "accuracy", 0, 1))];
    }

    /// <summary>The branch curves of the best fusion and the baseline, then the raw-branch weight per digit.</summary>
    public static IReadOnlyList<ReportFigure> Why(AblationSummary s)
    {
        var list = s.Curves.Select(curve => new ReportFigure($"ablation-branch-curves-{FileSafe(curve.Name)}.svg",
            $"{curve.Name}: accuracy of each branch on its own per epoch, training (solid) vs validation (dashed), mean over seeds",
            new LinesFigure($"{curve.Name}: each branch alone, train vs validation", CurveLines(curve), "epoch", "accuracy", 0, 1))).ToList();
        if (s.Weights.Count > 0)
            list.Add(new ReportFigure("ablation-raw-weight.svg", "Mean raw-branch fusion weight per true digit (spectrogram = 1 − raw), mean ± std over seeds",
                new GroupedBarsFigure("Raw-branch fusion weight per digit (mean ± std over seeds)", s.Weights[0].Labels,
                    s.Weights.Select(w => new BarSeries(w.Name, w.RawWeight.Select(v => v.Mean).ToList(), w.RawWeight.Select(v => v.Std).ToList())).ToList(),
                    "raw weight", 0, 1)));
        return list;
    }

    public static IReadOnlyList<ReportFigure> Digits(AblationSummary s, IReadOnlyList<DigitGain> gains) =>
        [new("ablation-digit-gain.svg", $"F1 gain of {s.BestFusion} over {s.BestSingle} per digit, mean ± std over seeds",
            ReportFigures.DigitGainBars($"F1 gain of {s.BestFusion} over {s.BestSingle} (mean ± std over seeds)", $"{s.BestFusion} − {s.BestSingle}", gains))];

    public static IReadOnlyList<ReportFigure> Loso(LosoTable l, AblationRuns runs)
    {
        var ran = l.Rows.Select(r => runs.Contender(r.Name)!).ToList();
        var speakers = ran.SelectMany(c => c.Loso.Select(f => f.Speaker)).Distinct().Order(StringComparer.Ordinal).ToList();
        var series = ran.Select(c =>
        {
            var per = LosoTable.PerSpeaker(c).ToDictionary(x => x.Speaker, x => x.Accuracy);
            return new BarSeries(c.Name, speakers.Select(sp => per.GetValueOrDefault(sp, double.NaN)).ToList(), []);
        }).ToList();
        return [new("ablation-loso.svg", "Test accuracy on each held-out speaker",
            new GroupedBarsFigure("Accuracy per held-out speaker", speakers, series, "accuracy", 0, 1))];
    }

    /// <summary>Four lines: raw and spectrogram branch alone, on training (solid) and validation (dashed) recordings.</summary>
    public static IReadOnlyList<LineSeries> CurveLines(BranchCurve c)
    {
        var epochs = c.Epochs.Select(e => (double)e.Epoch).ToList();
        string RawColour = PlotlyFigure.ModelColour(ModelNames.Raw, 0), SpecColour = PlotlyFigure.ModelColour(ModelNames.Spec, 1);
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
