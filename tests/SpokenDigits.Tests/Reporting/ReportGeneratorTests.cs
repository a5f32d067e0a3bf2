using SpokenDigits.Models;
using SpokenDigits.Tests.Data;
using SpokenDigits.Training;
using SpokenDigits.Rendering;
using SpokenDigits.Runs;

namespace SpokenDigits.Tests.Reporting;

public class ReportGeneratorTests
{
    const string Raw = "RawOnlyModel", Spec = "SpecOnlyModel", Fusion = "TwoStreamFusionModel";

    static ReportOutput Make(TempFolder temp, string name, string commit, int epochs, params (string, int)[][] seeds)
    {
        var folder = new ReportFolder(temp.Combine(name));
        for (int i = 0; i < seeds.Length; i++)
            FakeRuns.Save(folder.Seed(10 + i), FakeRuns.Run(10 + i, commit, epochs, "spk", seeds[i]));
        return ReportGenerator.Generate(folder, "spokendigits report --from " + name, resamples: 300);
    }

    [Fact]
    public void TheMarkdownShowsTheNumbersOfTheSavedRuns()
    {
        using var temp = new TempFolder();
        var a = Make(temp, "a", "commit-aaa", 3,
            [(Raw, 8), (Spec, 6), (Fusion, 9)],
            [(Raw, 6), (Spec, 8), (Fusion, 10)]);
        var b = Make(temp, "b", "commit-bbb", 7,
            [(Raw, 3), (Spec, 5), (Fusion, 4)],
            [(Raw, 5), (Spec, 5), (Fusion, 4)]);
        string mdA = File.ReadAllText(a.Markdown), mdB = File.ReadAllText(b.Markdown);

        // Accuracy mean ± sample std per model, as read from the two folders.
        Assert.Contains("70.00 ± 14.14%", mdA);   // raw 0.8, 0.6
        Assert.Contains("95.00 ± 7.07%", mdA);    // fusion 0.9, 1.0
        Assert.Contains("40.00 ± 14.14%", mdB);   // raw 0.3, 0.5
        Assert.Contains("50.00 ± 0.00%", mdB);    // spec 0.5, 0.5
        Assert.Contains("40.00 ± 0.00%", mdB);    // fusion 0.4, 0.4
        Assert.DoesNotContain("95.00 ± 7.07%", mdB);
        // Per-seed accuracies, the epochs and the provenance come from the files too.
        Assert.Contains("| 10 | 80.00% | 60.00% | 90.00% |", mdA);
        Assert.Contains("| 11 | 50.00% | 50.00% | 40.00% |", mdB);
        Assert.Contains("3 epochs", mdA);
        Assert.Contains("7 epochs", mdB);
        Assert.Contains("commit-aaa", mdA);
        Assert.Contains("commit-bbb", mdB);
        Assert.Contains("Fake CPU", mdA);
        // Pooled fusion − raw: +25.0 points in a, −0.0 .. in b: (0.4 − 0.4) = 0.
        Assert.Contains("+25.0", mdA);
        Assert.NotEqual(mdA, mdB);
    }

    [Fact]
    public void TheDiscussionSaysPlainlyWhenADifferenceIsNotSignificant()
    {
        using var temp = new TempFolder();
        var o = Make(temp, "r", "c", 2,
            [(Raw, 8), (Spec, 8), (Fusion, 9)],
            [(Raw, 8), (Spec, 8), (Fusion, 8)]);
        string md = File.ReadAllText(o.Markdown);
        Assert.Contains("not significant", md);
        Assert.Contains("does not show", md);   // the answer does not claim fusion is better
        Assert.Contains("Only 2 seeds", md);
        // The HTML page carries the same tables, plotly inline exactly once, and no external script.
        string html = File.ReadAllText(o.Html);
        Assert.Contains("Per-digit F1", html);
        Assert.Equal(1, CountOf(html, "(inline) */"));
        Assert.DoesNotContain("<script src=", html);
        Assert.Contains("commit", html);
    }

    [Fact]
    public void TheSetupNamesTheAugmentationAndTheFusedModelsRemedies()
    {
        using var temp = new TempFolder();
        var folder = new ReportFolder(temp.Combine("speed"));
        var run = FakeRuns.Run(10, [(Raw, 8), (Spec, 6), (Fusion, 9)]);
        var training = run.Training with
        {
            Augmentation = new AugmentationSettings().WithSpeed(0.85, 1.15),
            Remedies = FusionRemedies.Parse("branch-lr"),
        };
        FakeRuns.Save(folder.Seed(10), run with { Training = training, Architecture = new ModelSettings(Fusion: FusionKind.Gated) });
        var md = File.ReadAllText(ReportGenerator.Generate(folder, "spokendigits report --from speed", resamples: 100).Markdown);
        Assert.Contains("| Augmentation | shift ±100 ms, noise on 50% at 10–30 dB SNR, speed ×0.85–1.15 |", md.Replace(" %", "%"));
        Assert.Contains("| Architecture | raw front-end filterbank, fusion gated |", md);
        Assert.Contains("| Remedies | branch learning rates raw ×0.5, spectrogram ×2 |", md);
        // the run's own summary says the same in the same words (one renderer: SettingsText)
        var summary = MarkdownSummary.Render(run);
        Assert.Contains($"| Augmentation | {run.Training.Augmentation!.Describe()} |", summary);
        Assert.Contains("| Remedies | none |", summary);
    }

    [Fact]
    public void SeedsThatDrewTheirOwnSplitsAreNotCalledOneFixedSplit()
    {
        using var temp = new TempFolder();
        var shared = Make(temp, "shared", "c", 1, [(Raw, 8), (Spec, 6), (Fusion, 9)], [(Raw, 7), (Spec, 6), (Fusion, 9)]);
        Assert.Contains("on one fixed split", File.ReadAllText(shared.Markdown));
        Assert.Contains("official, split seed 42:", File.ReadAllText(shared.Markdown));

        var folder = new ReportFolder(temp.Combine("own"));
        foreach (var seed in new[] { 10, 11 })
        {
            var run = FakeRuns.Run(seed, [(Raw, 8), (Spec, 6), (Fusion, 9)]);
            FakeRuns.Save(folder.Seed(seed), run with { Split = run.Split with { Seed = seed } });
        }
        var md = File.ReadAllText(ReportGenerator.Generate(folder, "spokendigits report --from own", resamples: 100).Markdown);
        Assert.DoesNotContain("one fixed split", md);
        Assert.Contains("on 2 different train/validation draws (split seeds 10, 11)", md);
        Assert.Contains("split seeds 10, 11 (the runs do not share one split)", md);
    }

    [Fact]
    public void FiguresAndSummaryAreWritten()
    {
        using var temp = new TempFolder();
        var o = Make(temp, "f", "c", 1, [(Raw, 5), (Spec, 7), (Fusion, 6)]);
        var names = o.Figures.Select(Path.GetFileName).ToList();
        Assert.Contains("accuracy.svg", names);
        Assert.Contains("per-class-f1.svg", names);
        Assert.Contains("fusion-gain.svg", names);
        Assert.Contains($"confusion-{Fusion}.svg", names);
        Assert.All(o.Figures, f => Assert.StartsWith("<svg", File.ReadAllText(f)));
        Assert.True(File.Exists(o.Summary));
        foreach (var n in names) Assert.Contains($"figures/{n}", File.ReadAllText(o.Markdown));
    }

    [Fact]
    public void TheLeaveOneSpeakerOutTableListsEverySpeakerTheMeanAndTheWorst()
    {
        using var temp = new TempFolder();
        var o = ReportGenerator.Generate(AliceAndBobHeldOut(temp), resamples: 200);
        string md = File.ReadAllText(o.Markdown);
        Assert.Contains("| alice | 10 | 1 | 90.00% | 70.00% | 80.00% |", md);
        Assert.Contains("| bob | 10 | 1 | 30.00% | 90.00% | 60.00% |", md);
        Assert.Contains("| mean ± std over speakers |  |  | 60.00 ± 42.43% | 80.00 ± 14.14% | 70.00 ± 14.14% |", md);
        Assert.Contains("| worst held-out speaker |  |  | bob: 30.00% | alice: 70.00% | bob: 60.00% |", md);
        Assert.Contains("loso.svg", string.Join(",", o.Figures));
    }

    /// <summary>Two leave-one-speaker-out folds of ten test recordings each (the counts are recordings right).</summary>
    static ReportFolder AliceAndBobHeldOut(TempFolder temp)
    {
        var folder = new ReportFolder(temp.Combine("loso"));
        FakeRuns.Save(folder.Loso("alice", 42), FakeRuns.Run(42, "c", 1, "alice", (Raw, 9), (Spec, 7), (Fusion, 8)));
        FakeRuns.Save(folder.Loso("bob", 42), FakeRuns.Run(42, "c", 1, "bob", (Raw, 3), (Spec, 9), (Fusion, 6)));
        return folder;
    }

    [Fact]
    public void TheDiscussionNamesTheHeldOutSpeakersWhereFusionIsAheadAndBehind()
    {
        using var temp = new TempFolder();
        var folder = AliceAndBobHeldOut(temp);
        FakeRuns.Save(folder.Loso("carol", 42), FakeRuns.Run(42, "c", 1, "carol", (Raw, 5), (Spec, 6), (Fusion, 8)));
        string md = File.ReadAllText(ReportGenerator.Generate(folder, resamples: 200).Markdown);
        Assert.Contains("fusion is ahead of the better single model for that speaker on 1 of 3: carol (+20.0); " +
                        "it is behind, or level, on bob (−30.0) and alice (−10.0)", md);
        Assert.Contains("McNemar's exact test for seed 42: ", md);
    }

    [Fact]
    public void AFolderWithoutRunsIsAClearError()
    {
        using var temp = new TempFolder();
        var e = Assert.Throws<FileNotFoundException>(() => ReportGenerator.Generate(new ReportFolder(temp.Path)));
        Assert.Contains("is it a report folder", e.Message);
    }

    static int CountOf(string text, string part)
    {
        int n = 0;
        for (int i = text.IndexOf(part, StringComparison.Ordinal); i >= 0; i = text.IndexOf(part, i + part.Length, StringComparison.Ordinal)) n++;
        return n;
    }
}
