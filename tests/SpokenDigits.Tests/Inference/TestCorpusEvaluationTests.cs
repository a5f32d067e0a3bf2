using SpokenDigits.Data;
using SpokenDigits.Inference;
using SpokenDigits.Rendering;
using SpokenDigits.Runs;
using SpokenDigits.Tests.Data;

namespace SpokenDigits.Tests.Inference;

/// <summary>A report's seed runs evaluated on the shared test-only corpus, for real, and shown in the report.</summary>
public class TestCorpusEvaluationTests : IClassFixture<TinyRunFixture>
{
    readonly TinyRunFixture _run;

    public TestCorpusEvaluationTests(TinyRunFixture run) => _run = run;

    static string SpeechCommands => Path.GetFullPath(Path.Combine(SharedFsdd.RecordingsFolder, "..", "..", "speechcommands-digits"));

    /// <summary>A report folder whose seed-3 run is a copy of the tiny real run.</summary>
    ReportFolder ReportWithTheTinyRun()
    {
        var report = new ReportFolder(Path.Combine(_run.Root, "report-" + Guid.NewGuid().ToString("N")[..8]));
        var copy = _run.CopyRun();
        Directory.CreateDirectory(report.Path);
        Directory.Move(copy, report.Seed(3).Path);
        return report;
    }

    [Fact]
    public void EverySeedRunIsEvaluatedOnceOnTheCorpusAndTheReportShowsIt()
    {
        var report = ReportWithTheTinyRun();
        var made = TestCorpusEvaluation.EnsureEvaluated(report, [SpeechCommands]);
        Assert.Equal(["seed-3: speechcommands-digits"], made);
        Assert.Empty(TestCorpusEvaluation.EnsureEvaluated(report, [SpeechCommands]));   // already there: kept

        var output = ReportGenerator.Generate(report, "test", resamples: 200);
        var corpus = Assert.Single(output.Data.CrossCorporaOrNone);
        Assert.Equal("speechcommands-digits", corpus.Corpus);
        Assert.Equal(437, corpus.Recordings);
        Assert.Equal(3, corpus.Summary.Models.Count);
        Assert.Contains("## Cross-corpus: speechcommands-digits (test only)", File.ReadAllText(output.Markdown));
    }

    [Fact]
    public void DefaultTestCorporaFindTheSharedCorpusBesideTheProject()
    {
        Assert.Equal([SpeechCommands], DataLocator.DefaultTestCorpora());
    }

    [Fact]
    public void AMissingCorpusFolderIsNamedInTheError()
    {
        var report = ReportWithTheTinyRun();
        var missing = Path.Combine(_run.Root, "no-such-corpus");
        var error = Assert.Throws<DatasetException>(() => TestCorpusEvaluation.EnsureEvaluated(report, [missing]));
        Assert.Contains(missing, error.Message);
    }
}
