using System.Text.Json;
using SpokenDigits.Tests.Data;
using SpokenDigits.Training;
using SpokenDigits.Rendering.Ablation;
using SpokenDigits.Runs;
using static SpokenDigits.Tests.Ablation.AblationFakeRuns;

namespace SpokenDigits.Tests.Ablation;

public class AblationReportTests
{
    static readonly AblationVariant Gated = AblationVariant.Parse("gated-aux+moddrop");
    static readonly AblationVariant Attention = AblationVariant.Parse("attention-none");

    static readonly BranchAccuracies[] Curve =
        [new(SpokenDigits.Training.FusionProbe.AuxiliaryHeads, 0.4, 0.8, 0.3, 0.7), new(SpokenDigits.Training.FusionProbe.AuxiliaryHeads, 0.6, 0.95, 0.45, 0.85)];

    /// <summary>Two seeds: raw right on <paramref name="raw"/> recordings, spec on 16 and 17, baseline on 17 and 16, the gated variant on
    /// <paramref name="gated"/>, attention on 15.</summary>
    static AblationOutput Make(TempFolder temp, string name, int raw, int gated, float weight)
    {
        var report = Report(temp.Combine(name), (10, FirstRight(raw), FirstRight(16), FirstRight(17)), (11, FirstRight(raw), FirstRight(17), FirstRight(16)));
        var weights = Enumerable.Range(0, Recordings).Select(i => i % 10 == 3 ? weight : 0.5f).ToArray();
        foreach (int seed in new[] { 10, 11 })
        {
            SaveVariant(report, Gated, seed, Fused(FirstRight(gated), rawAlone: raw / 20.0 - 0.1, weights: weights, branches: Curve));
            SaveVariant(report, Attention, seed, Fused(FirstRight(15), weights: weights, fusion: "Attention", remedies: "none"));
        }
        SaveManifest(report, [10, 11], ["gated-aux+moddrop", "attention-none"], goals: SomeGoals);
        return AblationReportGenerator.Generate(report, "spokendigits ablation --report " + name, resamples: 300);
    }

    static string Discussion(string markdown) =>
        markdown[markdown.IndexOf("## Discussion", StringComparison.Ordinal)..markdown.IndexOf("\n## ", markdown.IndexOf("## Discussion", StringComparison.Ordinal), StringComparison.Ordinal)];

    [Fact]
    public void EverySectionIsWrittenWithTheNumbersOfTheRuns()
    {
        using var temp = new TempFolder();
        var o = Make(temp, "a", raw: 12, gated: 20, weight: 0.9f);
        var md = File.ReadAllText(o.Markdown);

        Assert.Contains("| gated-aux+moddrop (★ best fusion, chosen on validation) | 2 | 100.00 ± 0.00% |", md);
        Assert.Contains("| SpecOnlyModel (best single) | 2 | 82.50 ± 3.54% |", md);
        Assert.Contains("| concat-none (baseline) | 2 | 82.50 ± 3.54% |", md);
        Assert.Contains("| RawOnlyModel | 2 | 60.00 ± 0.00% |", md);
        Assert.Contains("+17.5", md);                                  // gated − spec, pooled over seeds
        Assert.Contains("significantly better", md);
        Assert.Contains("not significant", md);                        // e.g. the baseline against spec
        Assert.Contains("auxiliary heads", md);                        // the branch method
        Assert.Contains("50.00 ± 0.00%", md);                          // raw alone = 12/20 − 0.1
        Assert.Contains("60.00% / 45.00%", md);                        // last epoch raw alone, train / validation
        Assert.Contains("| 3 | 0.900 ± 0.000 | 0.900 ± 0.000 |", md);  // raw weight on digit 3, both variants
        Assert.Contains("## For which digits?", md);
        Assert.Contains("the choice is the same model (gated-aux+moddrop, validation 100.00 ± 0.00%)", Discussion(md));
        Assert.DoesNotContain("## Leave one speaker out", md);

        var names = o.Figures.Select(Path.GetFileName).ToList();
        Assert.Contains("ablation-accuracy.svg", names);
        Assert.Contains("ablation-branch-curves-gated-aux+moddrop.svg", names);
        Assert.Contains("ablation-raw-weight.svg", names);
        Assert.Contains("ablation-digit-gain.svg", names);
        Assert.All(o.Figures, f => Assert.StartsWith("<svg", File.ReadAllText(f)));
        Assert.All(o.Figures, f => Assert.Contains($"figures/{Path.GetFileName(f)}", md));

        var html = File.ReadAllText(o.Html);
        Assert.Equal(1, html.Split("(inline) */").Length - 1);      // plotly.js inline exactly once
        Assert.DoesNotContain("<script src=", html);
        Assert.Contains("gated-aux+moddrop", html);

        using var json = JsonDocument.Parse(File.ReadAllText(o.Summary));
        Assert.Equal("gated-aux+moddrop", json.RootElement.GetProperty("bestFusion").GetString());
        Assert.Equal("SpecOnlyModel", json.RootElement.GetProperty("bestSingle").GetString());
        Assert.Equal(1.0, json.RootElement.GetProperty("official").EnumerateArray().First(r => r.GetProperty("name").GetString() == "gated-aux+moddrop")
            .GetProperty("accuracy").GetProperty("mean").GetDouble(), 9);
    }

    [Fact]
    public void TheDiscussionIsReadFromTheDataSoOtherDataGivesOtherText()
    {
        using var temp = new TempFolder();
        var a = Discussion(File.ReadAllText(Make(temp, "a", raw: 12, gated: 20, weight: 0.9f).Markdown));
        var b = Discussion(File.ReadAllText(Make(temp, "b", raw: 19, gated: 18, weight: 0.2f).Markdown));

        // a: spec is the better single (82.5%), gated the best fusion at 100%, +17.5 points.
        Assert.Contains("95.00 ± 0.00% (RawOnlyModel)", b);
        Assert.Contains("60.00 ± 0.00% (RawOnlyModel)", a);
        Assert.Contains("the better single branch, against which every fused model is compared, is SpecOnlyModel", a);
        Assert.Contains("the better single branch, against which every fused model is compared, is RawOnlyModel", b);
        Assert.Contains("The best fused model is gated-aux+moddrop at 100.00 ± 0.00%: +17.5 points against SpecOnlyModel", a);
        // b: raw (95%) beats every fused model; the best fusion (gated, 90%) is behind it.
        Assert.Contains("The best fused model is gated-aux+moddrop at 90.00 ± 0.00%: −5.0 points against RawOnlyModel", b);
        Assert.Contains("No fused model is significantly better than RawOnlyModel", b);
        // Weights: digit 3 gets 0.9 in a and 0.2 in b.
        Assert.Contains("most on digit 3 (0.900)", a);
        Assert.Contains("least on digit 3 (0.200)", b);
        // Goals: the fusion target (99.5%) is met in a, not in b, with the measured number.
        Assert.Contains("target at least 99.50%): met with 100.00% (gated-aux+moddrop)", a);
        Assert.Contains("not met with 90.00% (gated-aux+moddrop)", b);
        Assert.Contains("best fusion above the best single branch (official split, difference of mean accuracies) (target at least 0.0 points): met with +17.5 points", a);
        Assert.Contains("best fusion above the best single branch (official split, difference of mean accuracies) (target at least 0.0 points): not met with −5.0 points", b);
        Assert.NotEqual(a, b);
    }

    [Fact]
    public void AVariantRunOnFewerSeedsIsNamedButNotCrownedBestFusion()
    {
        using var temp = new TempFolder();
        var report = Report(temp.Combine("r"), (10, FirstRight(12), FirstRight(16), FirstRight(17)), (11, FirstRight(12), FirstRight(17), FirstRight(16)));
        SaveVariant(report, Attention, 10, Fused(FirstRight(20), fusion: "Attention", remedies: "none"));   // 100%, seed 11 not run
        SaveManifest(report, [10, 11], ["attention-none"]);
        var md = File.ReadAllText(AblationReportGenerator.Generate(report, "spokendigits ablation --from-only", resamples: 100).Markdown);
        Assert.Contains("concat-none (baseline, ★ best fusion, chosen on validation)", md);
        Assert.Contains("Higher in mean but run on fewer seeds, so not yet comparable: attention-none at 100.00 ± 0.00% over 1 seed", Discussion(md));
    }

    [Fact]
    public void TheDiscussionSaysWhichFusionValidationWouldPickAndHowItScoresOnTest()
    {
        using var temp = new TempFolder();
        var report = Report(temp.Combine("r"), (10, FirstRight(12), FirstRight(16), FirstRight(17)), (11, FirstRight(12), FirstRight(17), FirstRight(16)));
        foreach (int seed in new[] { 10, 11 })
        {
            SaveVariant(report, Gated, seed, Fused(FirstRight(20), validation: 0.90));                                    // best on test
            SaveVariant(report, Attention, seed, Fused(FirstRight(15), fusion: "Attention", remedies: "none", validation: 0.96)); // best on validation
        }
        SaveManifest(report, [10, 11], ["gated-aux+moddrop", "attention-none"]);
        var md = File.ReadAllText(AblationReportGenerator.Generate(report, "spokendigits ablation --from-only", resamples: 100).Markdown);
        Assert.Contains("| attention-none (chosen on validation) | 2 | 75.00 ± 0.00% | 0.", md);
        Assert.Contains("| 96.00 ± 0.00% |", md);
        Assert.Contains("Picking the highest test mean among 3 fused models favours whichever had luck on these 20 test recordings", Discussion(md));
        Assert.Contains("it would be attention-none (validation 96.00 ± 0.00% against 90.00 ± 0.00% for gated-aux+moddrop), whose test accuracy is 75.00 ± 0.00%", Discussion(md));
    }

    [Fact]
    public void FiguresOfAnEarlierAblationThatThisOneNoLongerShowsAreRemoved()
    {
        using var temp = new TempFolder();
        var report = Report(temp.Combine("r"), (10, FirstRight(12), FirstRight(16), FirstRight(17)));
        var figures = Path.Combine(report.Path, ReportFolder.FiguresFolder);
        Directory.CreateDirectory(figures);
        foreach (var old in new[] { "ablation-branch-curves-old.svg", "ablation-branch-curves-old.png", "accuracy.svg" })
            File.WriteAllText(Path.Combine(figures, old), "<svg/>");
        var o = AblationReportGenerator.Generate(report, "spokendigits ablation --from-only", resamples: 100);
        Assert.False(File.Exists(Path.Combine(figures, "ablation-branch-curves-old.svg")));
        Assert.False(File.Exists(Path.Combine(figures, "ablation-branch-curves-old.png")));
        Assert.True(File.Exists(Path.Combine(figures, "accuracy.svg")));   // not the ablation's: left alone
        Assert.NotEmpty(o.Figures);
        Assert.All(o.Figures, f => Assert.True(File.Exists(f), f));
    }

    [Fact]
    public void AReportWithoutAnyVariantStillComparesTheBaseline()
    {
        using var temp = new TempFolder();
        var report = Report(temp.Combine("r"), (10, FirstRight(12), FirstRight(16), FirstRight(17)));
        var o = AblationReportGenerator.Generate(report, "spokendigits ablation --from-only", resamples: 100);
        var md = File.ReadAllText(o.Markdown);
        Assert.Contains("concat-none (baseline, ★ best fusion, chosen on validation)", md);
        Assert.Contains("Only 1 seed ran", md);
    }
}
