using SpokenDigits.Analysis;
using SpokenDigits.Charts;
using static SpokenDigits.Analysis.ReportFormat;

namespace SpokenDigits.Rendering;

/// <summary>The multi-seed report's figures, each defined once (file, caption, chart definition): the SVG under figures/
/// and the chart of report.html are drawn from the same definition.</summary>
public static class ReportFigures
{
    public static ReportFigure Accuracy(SeedSummary s) => new("accuracy.svg", "Accuracy and macro-F1, mean ± std over seeds",
        new GroupedBarsFigure("Accuracy and macro-F1 (mean ± std over seeds)", ["accuracy", "macro-F1"],
            s.Models.Where(m => m.Runs > 0).Select(m => new BarSeries(m.ModelName, [m.Accuracy.Mean, m.MacroF1.Mean], [m.Accuracy.Std, m.MacroF1.Std])).ToList(),
            "score", 0, 1));

    public static ReportFigure PerClass(SeedSummary s) => new("per-class-f1.svg", "Per-digit F1, mean ± std over seeds",
        new GroupedBarsFigure("Per-digit F1 (mean ± std over seeds)", s.Models.First(m => m.Runs > 0).Labels,
            s.Models.Where(m => m.Runs > 0).Select(m => new BarSeries(m.ModelName, m.PerClassF1.Select(v => v.Mean).ToList(),
                m.PerClassF1.Select(v => v.Std).ToList())).ToList(),
            "F1", 0, 1));

    public static ReportFigure FusionGain(IReadOnlyList<DigitGain> gains) => new("fusion-gain.svg",
        "Fusion gain over the better branch per digit, mean ± std over seeds (green: fusion ahead of both branches on average; red: one branch alone did better)",
        DigitGainBars("F1 gain of fusion over the better branch (mean ± std over seeds)", "fusion − better branch", gains));

    /// <summary>Per-digit F1 gains as one series of green (ahead) and red (behind) bars.</summary>
    public static GroupedBarsFigure DigitGainBars(string title, string seriesName, IReadOnlyList<DigitGain> gains) =>
        new(title, gains.Select(g => g.Label).ToList(),
            [new BarSeries(seriesName, gains.Select(g => g.Gain.Mean).ToList(), gains.Select(g => g.Gain.Std).ToList())],
            "ΔF1", SignColours: true, TickFormat: "+.2f");

    public static ReportFigure Confusion(ModelSeedSummary m) => new($"confusion-{m.ModelName}.svg", $"{m.ModelName} confusion matrix",
        new ConfusionFigure($"{m.ModelName}: summed over {Int(m.Runs)} seeds", m.SummedConfusion));

    public static ReportFigure Loso(SpeakerIndependentSummary l) => new("loso.svg", "Accuracy per held-out speaker",
        new GroupedBarsFigure("Accuracy per held-out speaker", l.Speakers.Select(x => x.Speaker).ToList(),
            l.ModelNames.Select((n, i) => new BarSeries(n, l.Speakers.Select(x => x.Accuracy[i] ?? double.NaN).ToList(), [])).ToList(), "accuracy"));
}
