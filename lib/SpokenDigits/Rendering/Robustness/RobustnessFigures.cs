using SpokenDigits.Analysis.Robustness;
using SpokenDigits.Charts;
using SpokenDigits.Evaluation.Robustness;

namespace SpokenDigits.Rendering.Robustness;

/// <summary>The study's figures: accuracy against severity per corruption, one line and 95 % band per model.</summary>
public static class RobustnessFigures
{
    /// <summary>One figure per corruption family present in the summary, saved as figures/robustness-&lt;family&gt;.svg
    /// (e.g. robustness-white.svg).</summary>
    public static IReadOnlyList<ReportFigure> Curves(RobustnessSummary s) =>
        RobustnessConditions.Families
            .Where(f => s.Conditions.Any(c => c.Family == f))
            .Select(f => new ReportFigure($"robustness-{RobustnessCondition.FamilyKey(f)}.svg",
                $"Accuracy against the severity of {RobustnessCondition.FamilyName(f)}, one line and 95 % band per model", Curve(s, f)))
            .ToList();

    /// <summary>Accuracy against severity under <paramref name="family"/> (clean at the mild end, or in its place for gain and speed).</summary>
    public static BandCurvesFigure Curve(RobustnessSummary s, CorruptionFamily family)
    {
        var axis = RobustnessConditions.Curve(family, s.Conditions);
        var series = s.Models.Select(m =>
        {
            var points = axis.Select(c => s.Accuracy(m, c)?.Estimate).ToList();
            return new BandSeries(m, points.Select(p => p?.Accuracy ?? double.NaN).ToList(),
                points.Select(p => p?.Lower ?? double.NaN).ToList(), points.Select(p => p?.Upper ?? double.NaN).ToList());
        }).ToList();
        var runs = s.ModelSeeds.Count;
        var title = $"Accuracy under {RobustnessCondition.FamilyName(family)} ({(runs == 1 ? "one run" : $"{runs} seeds")})";
        return new BandCurvesFigure(title, XLabel(family), "test accuracy", axis.Select(c => c.Family == CorruptionFamily.Clean ? "clean" : c.SeverityLabel is "" ? "on" : c.SeverityLabel).ToList(), series);
    }

    static string XLabel(CorruptionFamily family) => family switch
    {
        CorruptionFamily.WhiteNoise or CorruptionFamily.Babble => "SNR",
        CorruptionFamily.Reverb => "RT60",
        CorruptionFamily.Gain => "gain (clipped at ±1)",
        CorruptionFamily.Placement => "window of background noise",
        CorruptionFamily.Speed => "speed factor",
        _ => "condition",
    };
}
