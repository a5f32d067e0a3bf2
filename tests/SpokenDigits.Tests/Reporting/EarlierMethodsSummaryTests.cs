using SpokenDigits.Analysis.EarlierMethods;
using SpokenDigits.Models;
using SpokenDigits.Rendering;
using SpokenDigits.Runs;

namespace SpokenDigits.Tests.Reporting;

/// <summary>The earlier-methods comparison from hand-made runs (10 test recordings each, <see cref="FakeRuns"/>).</summary>
public class EarlierMethodsSummaryTests
{
    static string N(ModelKind kind) => ModelCatalog.Name(kind);

    static IReadOnlyList<(string, IReadOnlyList<RunResults>)> Groups(int cbamSecondSeed) =>
    [
        (EarlierMethodsFolders.MfccGroup, [
            FakeRuns.Run(42, (N(ModelKind.MfccAverage), 8), (N(ModelKind.MfccFlatAutoencoder), 9), (N(ModelKind.MfccSequentialAutoencoder), 4), (N(ModelKind.MfccGreedyPairing), 6)),
            FakeRuns.Run(43, (N(ModelKind.MfccAverage), 8), (N(ModelKind.MfccFlatAutoencoder), 10), (N(ModelKind.MfccSequentialAutoencoder), 5), (N(ModelKind.MfccGreedyPairing), 6))]),
        (EarlierMethodsFolders.CbamGroup, [FakeRuns.Run(42, (N(ModelKind.Spec), 9)), FakeRuns.Run(43, (N(ModelKind.Spec), cbamSecondSeed))]),
        (EarlierMethodsFolders.StudyGroup, [
            FakeRuns.Run(42, (N(ModelKind.Raw), 10), (N(ModelKind.Spec), 8), (N(ModelKind.Fusion), 10)),
            FakeRuns.Run(43, (N(ModelKind.Raw), 10), (N(ModelKind.Spec), 8), (N(ModelKind.Fusion), 9))]),
    ];

    [Fact]
    public void RowsFollowTheCourseOrderWithTheAssignmentsNumbersAndTheFindingsReadTheirNumbers()
    {
        var summary = EarlierMethodsSummary.From(Groups(cbamSecondSeed: 10));
        Assert.Equal(EarlierMethodRows.All.Select(r => r.Label), summary.Rows.Select(r => r.Label));
        var a = summary.Rows.Single(r => r.Label == EarlierMethodRows.MethodA);
        Assert.Equal(0.95, a.Accuracy.Mean, 6);
        Assert.Equal(2, a.Accuracy.Count);
        Assert.Equal(0.9757, a.Assignment);
        Assert.Null(summary.Rows.Single(r => r.Label == EarlierMethodRows.Raw).Assignment);
        // A > baseline > C > B, as in the assignment
        Assert.Contains("the ranking reproduces", summary.Findings[0]);
        // CBAM 0.9, 1.0 against 0.8, 0.8: +15 points, paired differences 0.1 and 0.2: beyond two standard errors (0.1)
        Assert.Equal(0.15, summary.Cbam!.Difference.Mean, 6);
        Assert.False(summary.Cbam.WithinNoise);
        Assert.Contains(summary.Findings, f => f.Contains("+15.00 points") && f.Contains("a gain beyond seed noise"));
        var md = EarlierMethodsMarkdown.Render(summary, "spokendigits earlier-methods --fake");
        Assert.Contains("| A: flattened MFCC sequence → autoencoder | `MfccFlatAutoencoderModel` | 1,000 | 2 | 95.00 % ± 7.07 % |", md);
        Assert.Contains("97.57 %", md);
        Assert.Contains("AudioMNIST (60 speakers", md);
    }

    [Fact]
    public void ASmallNoisyCbamDifferenceIsCalledSeedNoise()
    {
        var summary = EarlierMethodsSummary.From(Groups(cbamSecondSeed: 7));   // +1 and −1 recordings: mean 0
        Assert.True(summary.Cbam!.WithinNoise);
        Assert.Contains(summary.Findings, f => f.Contains("within seed noise"));
    }

    [Fact]
    public void ATestOnlyCorpusIsAColumnOfEveryRowAndAFindingReadsItsNumbers()
    {
        // the same methods on another corpus: every method 2–6 recordings of 10 lower; the plain CNN best there
        IReadOnlyList<(string, IReadOnlyList<RunResults>)> onCorpus =
        [
            (EarlierMethodsFolders.MfccGroup, [
                FakeRuns.Run(42, (N(ModelKind.MfccAverage), 4), (N(ModelKind.MfccFlatAutoencoder), 5), (N(ModelKind.MfccSequentialAutoencoder), 2), (N(ModelKind.MfccGreedyPairing), 2)),
                FakeRuns.Run(43, (N(ModelKind.MfccAverage), 4), (N(ModelKind.MfccFlatAutoencoder), 5), (N(ModelKind.MfccSequentialAutoencoder), 2), (N(ModelKind.MfccGreedyPairing), 2))]),
            (EarlierMethodsFolders.CbamGroup, [FakeRuns.Run(42, (N(ModelKind.Spec), 6)), FakeRuns.Run(43, (N(ModelKind.Spec), 6))]),
            (EarlierMethodsFolders.StudyGroup, [
                FakeRuns.Run(42, (N(ModelKind.Raw), 7), (N(ModelKind.Spec), 6), (N(ModelKind.Fusion), 7)),
                FakeRuns.Run(43, (N(ModelKind.Raw), 7), (N(ModelKind.Spec), 6), (N(ModelKind.Fusion), 8))]),
        ];
        var summary = EarlierMethodsSummary.From(Groups(cbamSecondSeed: 10),
            new Dictionary<string, IReadOnlyList<(string Group, IReadOnlyList<RunResults> Runs)>> { ["other-corpus"] = onCorpus });
        Assert.Equal([("other-corpus", 10)], summary.TestCorpora);
        Assert.All(summary.Rows, r => Assert.True(r.TestCorpora.ContainsKey("other-corpus")));
        Assert.Equal(0.75, summary.Rows.Single(r => r.Label == EarlierMethodRows.Fusion).TestCorpora["other-corpus"].Mean, 6);
        // drops from the FSDD part: A 95 → 50 % (45 points) the most, fusion 95 → 75 % (20 points) the least
        Assert.Contains(summary.Findings, f => f.StartsWith("On other-corpus (10 recordings") && f.Contains("falls by 20.0–45.0 points")
            && f.Contains("best there: Two-stream fusion (concat) (75.00 %")
            && f.Contains("CBAM against the plain CNN there: +0.00 points"));
        var md = EarlierMethodsMarkdown.Render(summary, "spokendigits earlier-methods --fake");
        Assert.Contains("| Macro-F1 | other-corpus (test-only) | Assignment (AudioMNIST) |", md);
        Assert.Contains(" | 50.00 % ± 0.00 % | 97.57 % |", md);   // A on the corpus, then the assignment's number
    }
}
