using SpokenDigits.Analysis.Robustness;
using SpokenDigits.Evaluation.Robustness;
using SpokenDigits.Rendering.Robustness;
using SpokenDigits.Runs;

namespace SpokenDigits.Tests.Robustness;

/// <summary>The study's analysis on hand-made answers: intervals, fusion − better branch, "no speech" as wrong, goals.</summary>
public class RobustnessAnalysisTests
{
    static readonly string[] Models = ["RawOnlyModel", "SpecOnlyModel", "TwoStreamFusionModel"];
    static readonly RobustnessCondition Noise = new(CorruptionFamily.WhiteNoise, 0);
    static readonly RobustnessCondition Placed = new(CorruptionFamily.Placement, 3);

    /// <summary>20 recordings (digit i % 10); <paramref name="right"/>(model, recording) says who is right; recordings in
    /// <paramref name="noSpeech"/> are answered "no speech".</summary>
    static ConditionOutcome Outcome(RobustnessCondition condition, Func<int, int, bool> right, params int[] noSpeech) =>
        new(condition, Enumerable.Range(0, 20).Select(i =>
        {
            int truth = i % 10;
            bool none = noSpeech.Contains(i);
            return new ClipOutcome($"{truth}_s_{i}", truth, none, Enumerable.Range(0, 3).Select(m => none ? -1 : right(m, i) ? truth : (truth + 1) % 10).ToArray());
        }).ToList());

    static RunRobustness Run(int seed, params ConditionOutcome[] conditions) =>
        new($"/runs/seed-{seed}", seed, Models, conditions,
            new ProbeOutcome(NoSpeechProbe.Set(50, 1), ["silence-003"]));

    static RobustnessResults Results(params RunRobustness[] runs) =>
        new(new RunInfo("test", null, null, MachineInfo.Capture(1), DateTimeOffset.UnixEpoch, null), 9, "/data", 20,
            [RobustnessCondition.Clean, Noise, Placed], runs, 1.5);

    [Fact]
    public void WilsonIntervalsMatchTheFormula()
    {
        var none = Intervals.Wilson(0, 10);
        Assert.Equal(0, none.Lower);
        Assert.Equal(0.2775, none.Upper, 4);
        var half = Intervals.Wilson(5, 10);
        Assert.Equal(0.2366, half.Lower, 4);
        Assert.Equal(0.7634, half.Upper, 4);
        var all = Intervals.Wilson(300, 300);
        Assert.Equal(1, all.Upper, 12);
        Assert.Equal(0.9874, all.Lower, 4);
    }

    [Fact]
    public void SeedIntervalsUseStudentsT()
    {
        var e = Intervals.OverSeeds([0.90, 0.92, 0.94]);
        Assert.Equal(0.92, e.Accuracy, 10);
        Assert.Equal(0.92 - 4.303 * 0.02 / Math.Sqrt(3), e.Lower, 6);
        Assert.Equal(0.92 + 4.303 * 0.02 / Math.Sqrt(3), e.Upper, 6);
        Assert.Equal(3, e.Runs);
        Assert.Equal(2.776, Intervals.StudentT975(4));
        Assert.Equal(1.96, Intervals.StudentT975(200), 2);
    }

    [Fact]
    public void OneRunFusionAgainstTheBetterBranchWithMcNemar()
    {
        // clean: everyone right. Noise: raw right on 0–9, spec on 0–5, fusion on all but recording 19 (answered "no speech" for everyone)
        var run = Run(42,
            Outcome(RobustnessCondition.Clean, (_, _) => true),
            Outcome(Noise, (m, i) => m switch { 0 => i < 10, 1 => i < 6, _ => true }, 19),
            Outcome(Placed, (m, i) => m != 1 || i < 19));
        var s = RobustnessSummary.From(Results(run), resamples: 2000);

        Assert.Equal(0.5, s.Accuracy("RawOnlyModel", Noise)!.Estimate.Accuracy);
        Assert.Equal(0.3, s.Accuracy("SpecOnlyModel", Noise)!.Estimate.Accuracy);
        Assert.Equal(0.95, s.Accuracy("TwoStreamFusionModel", Noise)!.Estimate.Accuracy);   // "no speech" counts as wrong
        Assert.Equal(0.05, s.Accuracy("TwoStreamFusionModel", Noise)!.NoSpeechShare);
        Assert.Equal("Wilson", s.Accuracy("RawOnlyModel", Noise)!.Estimate.Method);

        var gap = s.Gap(Noise)!;
        Assert.Equal("RawOnlyModel", gap.BetterBranch);
        Assert.Equal(0.45, gap.Difference, 10);
        var mcnemar = Assert.Single(gap.Test.PerSeed).McNemar;
        Assert.Equal((9, 0), (mcnemar.OnlyA, mcnemar.OnlyB));                // fusion alone right on 10–18
        Assert.Equal(2 * Math.Pow(0.5, 9), mcnemar.PValue, 12);
        Assert.Equal(1, gap.Verdict);
        Assert.Equal(0, s.Gap(RobustnessCondition.Clean)!.Verdict);          // identical answers: no difference
        Assert.Equal(1, s.Gap(RobustnessCondition.Clean)!.Test.PerSeed[0].McNemar.PValue);
    }

    [Fact]
    public void SeveralRunsAreSummarisedOverSeeds()
    {
        var runs = new[] { 0.5, 0.6, 0.7 }.Select((share, k) => Run(42 + k,
            Outcome(RobustnessCondition.Clean, (_, _) => true),
            Outcome(Noise, (m, i) => m == 1 ? i < 20 * share : i < 10),
            Outcome(Placed, (_, _) => true))).ToArray();
        var s = RobustnessSummary.From(Results(runs), resamples: 2000);
        var spec = s.Accuracy("SpecOnlyModel", Noise)!.Estimate;
        Assert.Equal("t over seeds", spec.Method);
        Assert.Equal(0.6, spec.Accuracy, 10);
        Assert.Equal(0.6 - 4.303 * 0.1 / Math.Sqrt(3), spec.Lower, 6);
        var gap = s.Gap(Noise)!;
        Assert.Equal("SpecOnlyModel", gap.BetterBranch);
        Assert.Equal(-0.1, gap.Difference, 10);
        Assert.Equal(3, gap.Test.PerSeed.Count);
        Assert.Equal(-0.1, gap.Interval!.Difference, 10);                   // pooled over seed-averaged correctness
        Assert.Equal([42, 43, 44], s.ModelSeeds);
    }

    [Fact]
    public void GoalsAreCheckedAgainstTheirTargets()
    {
        var run = Run(42,
            Outcome(RobustnessCondition.Clean, (_, _) => true, 3),
            Outcome(Noise, (_, _) => true),
            Outcome(Placed, (m, i) => m != 1 || i < 18));
        var s = RobustnessSummary.From(Results(run), resamples: 500);
        var probes = s.Goals.Single(g => g.Description.StartsWith("silence", StringComparison.Ordinal));
        Assert.Equal(0.99, probes.Measured, 10);                            // 1 of 100 probes answered with a digit
        Assert.True(probes.Met);
        var clean = s.Goals.Single(g => g.Description.StartsWith("FSDD", StringComparison.Ordinal));
        Assert.Equal(0.05, clean.Measured, 10);
        Assert.False(clean.Met);
        var placed = s.Goals.Where(g => g.Model is not null).ToDictionary(g => g.Model!);
        Assert.True(placed["RawOnlyModel"].Met);
        Assert.Equal(0.9, placed["SpecOnlyModel"].Measured, 10);
        Assert.False(placed["SpecOnlyModel"].Met);
    }

    [Fact]
    public void TheSummaryAndFiguresReadTheirNumbersFromTheAnalysis()
    {
        var run = Run(42,
            Outcome(RobustnessCondition.Clean, (_, _) => true),
            Outcome(Noise, (m, i) => m switch { 0 => i < 10, 1 => i < 6, _ => true }),
            Outcome(Placed, (_, _) => true));
        var results = Results(run);
        var s = RobustnessSummary.From(results, resamples: 500);
        var md = RobustnessReport.Page(s, results).ToMarkdown();
        Assert.Contains("| white noise at 0 dB SNR | 50.0 % [", md);
        Assert.Contains("| white noise at 0 dB SNR | 100.0 % | RawOnlyModel 50.0 % | +50.0 |", md);
        Assert.Contains("fusion better", md);
        Assert.Contains("(figures/robustness-white.svg)", md);
        var curve = RobustnessFigures.Curve(s, CorruptionFamily.WhiteNoise);
        Assert.Equal(["clean", "0 dB"], curve.Categories);
        Assert.Equal([1.0, 0.5], curve.Series[0].Y);
        Assert.Equal(s.Accuracy("RawOnlyModel", Noise)!.Estimate.Lower, curve.Series[0].Lower[1]);
        var svg = curve.ToSvg();
        Assert.StartsWith("<svg", svg);
        Assert.Equal(3, System.Text.RegularExpressions.Regex.Matches(svg, "<polygon").Count);   // one band per model
        Assert.Equal(6, curve.ToPlotly().TraceCount);                                              // band + line per model
    }
}
