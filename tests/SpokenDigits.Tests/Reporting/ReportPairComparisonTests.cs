using SpokenDigits.Analysis;
using SpokenDigits.Evaluation;
using SpokenDigits.Rendering;
using SpokenDigits.Runs;
using SpokenDigits.Tests.Data;

namespace SpokenDigits.Tests.Reporting;

/// <summary>Two reports that differ in one setting, paired by seed (<see cref="ReportPairComparison"/>).</summary>
public class ReportPairComparisonTests
{
    const string Raw = "RawOnlyModel", Spec = "SpecOnlyModel";

    /// <summary>A report of <paramref name="seeds"/> with the raw and spectrogram models right on the first N of 10 FSDD test
    /// recordings, and on the first M of 40 recordings of a test-only corpus.</summary>
    static ReportFolder Make(string path, int[] seeds, int rawTest, int specTest, int specCorpus)
    {
        var folder = new ReportFolder(path);
        foreach (var seed in seeds)
        {
            var run = folder.Seed(seed);
            FakeRuns.Save(run, FakeRuns.Run(seed, (Raw, rawTest), (Spec, specTest)));
            foreach (var (model, correct) in new[] { (Raw, 20), (Spec, specCorpus) })
                ResultsJson.Save(run.EvaluationPredictionsFile("other-voices", model), FakeRuns.CorpusAnswers(40, correct));
        }
        return folder;
    }

    [Fact]
    public void EachModelOnEachTestSetIsComparedOverTheSharedSeedsWithItsInterval()
    {
        using var temp = new TempFolder();
        var without = Make(temp.Combine("without"), [1, 2, 3], rawTest: 9, specTest: 8, specCorpus: 10);
        var with = Make(temp.Combine("with"), [2, 3, 4], rawTest: 9, specTest: 8, specCorpus: 30);
        var rows = ReportPairComparison.Compute(without, with, resamples: 2000);

        Assert.Equal([(ReportPairComparison.FsddTest, Raw), (ReportPairComparison.FsddTest, Spec), ("other-voices", Raw), ("other-voices", Spec)],
            rows.Select(r => (r.TestSet, r.Model)));
        Assert.All(rows, r => Assert.Equal(2, r.Changed.Count));   // seeds 2 and 3 only
        var spec = rows.Single(r => r.TestSet == "other-voices" && r.Model == Spec);
        Assert.Equal(0.25, spec.Baseline.Mean, 6);
        Assert.Equal(0.75, spec.Changed.Mean, 6);
        Assert.Equal(0.50, spec.Difference, 6);
        Assert.True(spec.Paired.Pooled!.Lower > 0.3, $"interval [{spec.Paired.Pooled.Lower}, {spec.Paired.Pooled.Upper}]");
        Assert.Equal(2, spec.Paired.SeedsSignificantForA);   // 20 recordings right only with the change, none only without: p < 0.05
        // 4 recordings per digit, 1 right before (F1 0.25: the wrong answers go to the next digit), 3 right after (0.75)
        Assert.Equal(Enumerable.Range(0, 10).Select(d => d.ToString(System.Globalization.CultureInfo.InvariantCulture)), spec.PerDigit.Select(d => d.Label));
        Assert.All(spec.PerDigit, d => Assert.Equal((0.25, 0.75, 0.50, 0.0), (Math.Round(d.Baseline.Mean, 6), Math.Round(d.Changed.Mean, 6),
            Math.Round(d.Difference.Mean, 6), Math.Round(d.Difference.Std, 6))));
        var same = rows.Single(r => r.TestSet == ReportPairComparison.FsddTest && r.Model == Raw);
        Assert.Equal(0, same.Difference, 6);
        Assert.True(same.Paired.Pooled!.Lower <= 0 && same.Paired.Pooled.Upper >= 0);

        var md = ReportPairMarkdown.Render(rows, "FSDD", "FSDD+TTS", "spokendigits compare-reports a b");
        Assert.Contains("| SpecOnlyModel | 2 | 25.00 ± 0.00 % | 75.00 ± 0.00 % | +50.00 [", md);
        Assert.Contains("- SpecOnlyModel on other-voices: +50.00 points with FSDD+TTS (a gain beyond chance).", md);
        Assert.Contains("- RawOnlyModel on FSDD test: +0.00 points with FSDD+TTS (not significant).", md);
        Assert.Contains("| Digit | RawOnlyModel | SpecOnlyModel |", md);
        Assert.Contains("| 7 | 0.000 ± 0.000 (0.500 → 0.500) | +0.500 ± 0.000 (0.250 → 0.750) |", md);
    }

    [Fact]
    public void APairSetsOneModelOfTheBaselineAgainstAnotherOfTheChangedReport()
    {
        using var temp = new TempFolder();
        var branches = Make(temp.Combine("branches"), [1, 2], rawTest: 6, specTest: 8, specCorpus: 10);
        var fused = Make(temp.Combine("fused"), [1, 2], rawTest: 9, specTest: 8, specCorpus: 30);
        var rows = ReportPairComparison.Compute(branches, fused, resamples: 2000, pairs: [(Raw, Spec)]);

        Assert.Equal([(ReportPairComparison.FsddTest, Raw, Spec), ("other-voices", Raw, Spec)], rows.Select(r => (r.TestSet, r.BaselineModel, r.Model)));
        var corpus = rows.Single(r => r.TestSet == "other-voices");
        Assert.Equal(0.50, corpus.Baseline.Mean, 6);   // the baseline's raw model: 20 of 40
        Assert.Equal(0.75, corpus.Changed.Mean, 6);    // the changed report's spectrogram model: 30 of 40
        Assert.True(corpus.Paired.Pooled!.Lower > 0, $"interval [{corpus.Paired.Pooled.Lower}, {corpus.Paired.Pooled.Upper}]");
        Assert.Equal(0.2, rows.Single(r => r.TestSet == ReportPairComparison.FsddTest).Difference, 6);

        var md = ReportPairMarkdown.Render(rows, "branches", "fused", "spokendigits compare-reports a b --pair raw=spec");
        Assert.Contains("| SpecOnlyModel against RawOnlyModel | 2 | 50.00 ± 0.00 % | 75.00 ± 0.00 % | +25.00 [", md);
        Assert.Contains("- SpecOnlyModel (fused) against RawOnlyModel (branches) on other-voices: +25.00 points (a gain beyond chance).", md);
    }

    [Fact]
    public void APairNamingAModelAReportLacksIsAnErrorNamingTheReport()
    {
        using var temp = new TempFolder();
        var a = Make(temp.Combine("a"), [1], 9, 8, 10);
        var b = Make(temp.Combine("b"), [1], 9, 8, 10);
        var message = Assert.Throws<InvalidDataException>(() => ReportPairComparison.Compute(a, b, pairs: [(Spec, "TwoStreamFusionModel")])).Message;
        Assert.Contains(b.Path, message);
        Assert.Contains("has no TwoStreamFusionModel run (its models: RawOnlyModel, SpecOnlyModel)", message);
    }

    [Fact]
    public void TheCommandLineTakesPairsAsBaseEqualsChanged()
    {
        using var temp = new TempFolder();
        var a = Make(temp.Combine("a"), [1], 9, 8, 10);
        var b = Make(temp.Combine("b"), [1], 9, 8, 30);
        var outcome = Cli.CliRun.InProcess("compare-reports", a.Path, b.Path, "--pair", "raw=spec", "--resamples", "200");
        Assert.Equal(0, outcome.Code);
        Assert.Contains("| SpecOnlyModel against RawOnlyModel | 1 |", outcome.Output);

        var bad = Cli.CliRun.InProcess("compare-reports", a.Path, b.Path, "--pair", "spec");
        Assert.Equal(SpokenDigits.Cli.ExitCodes.Usage, bad.Code);
        Assert.Contains(bad.ErrorLines, l => l.StartsWith("--pair", StringComparison.Ordinal) && l.Contains("'spec' is not BASE=CHANGED"));
    }

    [Fact]
    public void ReportsWithoutASharedSeedAreAnError()
    {
        using var temp = new TempFolder();
        var a = Make(temp.Combine("a"), [1], 9, 8, 10);
        var b = Make(temp.Combine("b"), [2], 9, 8, 10);
        Assert.Contains("share no seed run", Assert.Throws<InvalidDataException>(() => ReportPairComparison.Compute(a, b)).Message);
    }
}
