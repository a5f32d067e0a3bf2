using SpokenDigits.Analysis;
using SpokenDigits.Evaluation;
using SpokenDigits.Rendering;
using SpokenDigits.Runs;
using SpokenDigits.Tests.Data;

namespace SpokenDigits.Tests.Reporting;

/// <summary>A report shows each test-only corpus its seed runs were evaluated on, analysed like the FSDD test part.</summary>
public class CrossCorpusReportTests
{
    const string Raw = "RawOnlyModel", Spec = "SpecOnlyModel", Fusion = "TwoStreamFusionModel";

    /// <summary>20 recordings of the corpus: the first <paramref name="correct"/> right, the rest taken for the next digit;
    /// recording 19 has no detected speech.</summary>
    static void SaveEvaluation(RunFolder run, string corpus, string model, int correct) =>
        ResultsJson.Save(run.EvaluationPredictionsFile(corpus, model),
            FakeRuns.CorpusAnswers(20, correct, i => i == 19 ? new SpeechBounds(true, null, null) : new SpeechBounds(false, 0.1, 0.6)));

    static ReportFolder Make(TempFolder temp, params (int Raw, int Spec, int Fusion)[] corpusCorrect)
    {
        var folder = new ReportFolder(temp.Combine("report"));
        for (int i = 0; i < corpusCorrect.Length; i++)
        {
            var run = folder.Seed(10 + i);
            FakeRuns.Save(run, FakeRuns.Run(10 + i, (Raw, 9), (Spec, 8), (Fusion, 10)));
            SaveEvaluation(run, "other-voices", Raw, corpusCorrect[i].Raw);
            SaveEvaluation(run, "other-voices", Spec, corpusCorrect[i].Spec);
            SaveEvaluation(run, "other-voices", Fusion, corpusCorrect[i].Fusion);
        }
        return folder;
    }

    [Fact]
    public void EachCorpusIsAnalysedOverTheSeedsBesideTheFsddTestPart()
    {
        using var temp = new TempFolder();
        var folder = Make(temp, (10, 12, 16), (12, 14, 18));
        var output = ReportGenerator.Generate(folder, "spokendigits report --from report", resamples: 300);
        var corpus = Assert.Single(output.Data.CrossCorporaOrNone);
        Assert.Equal("other-voices", corpus.Corpus);
        Assert.Equal(20, corpus.Recordings);
        Assert.Equal(1, corpus.NoSpeech);
        Assert.Equal(0.55, corpus.Summary.Model(Raw)!.Accuracy.Mean, 6);      // 10/20, 12/20
        Assert.Equal(0.85, corpus.Summary.Model(Fusion)!.Accuracy.Mean, 6);   // 16/20, 18/20
        // The FSDD test part is untouched by the corpus.
        Assert.Equal(1.0, output.Data.Seeds!.Model(Fusion)!.Accuracy.Mean, 6);

        var md = File.ReadAllText(output.Markdown);
        Assert.Contains("## Cross-corpus: other-voices (test only)", md);
        Assert.Contains("| TwoStreamFusionModel | 2 | 100.00 ± 0.00% | 85.00 ± 7.07% |", md);
        Assert.Contains("other-voices: 20 recordings (1 without detected speech)", md);
        // Fusion against the better branch there (spectrogram, 65 %): +20 points pooled.
        Assert.Contains("the spectrogram model, fusion is +20.0 accuracy points", md);
        Assert.Contains("TwoStreamFusionModel: confusion matrix summed over 2 seeds", md);
    }

    [Fact]
    public void ACorpusMissingFromOneSeedRunIsNotShownAndAReportWithoutCorporaHasNoSection()
    {
        using var temp = new TempFolder();
        var folder = Make(temp, (10, 12, 16), (12, 14, 18));
        File.Delete(folder.Seed(11).EvaluationPredictionsFile("other-voices", Spec));
        var data = ReportData.Load(folder, 300);
        Assert.Empty(data.CrossCorporaOrNone);
        Assert.DoesNotContain("Cross-corpus", ReportGenerator.Page(data).ToMarkdown());
    }
}
