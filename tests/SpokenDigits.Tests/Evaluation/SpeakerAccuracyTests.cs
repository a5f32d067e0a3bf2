using SpokenDigits.Evaluation;
using SpokenDigits.Rendering;

namespace SpokenDigits.Tests.Evaluation;

public class SpeakerAccuracyTests
{
    [Theory]
    [InlineData("7_jackson_12", "jackson")]
    [InlineData("03/7_03_12", "03")]            // AudioMNIST: a speaker folder before the file name
    [InlineData("0_two_part_3", "two_part")]
    [InlineData("odd-name", null)]
    [InlineData("1__2", null)]
    public void TheSpeakerIsReadFromTheRecordingId(string id, string? speaker) =>
        Assert.Equal(speaker, SpeakerAccuracy.SpeakerOf(id));

    static Prediction P(string id, bool right) => new(id, 1, right ? 1 : 2, new float[10]);

    [Fact]
    public void AccuracyIsCountedPerSpeaker()
    {
        var rows = SpeakerAccuracy.Of([P("1_theo_0", true), P("1_george_0", false), P("1_theo_1", false), P("1_george_1", false),
            P("1_theo_2", true), P("unnamed", true)]);
        Assert.Equal([new SpeakerAccuracy("george", 2, 0), new SpeakerAccuracy("theo", 3, 2 / 3.0)], rows);
    }

    [Fact]
    public void ARunSummaryShowsPerSpeakerAccuracyWhenTheTestPartHasSeveralSpeakers()
    {
        var run = FakeRuns.Run(42, ("RawOnlyModel", 7), ("SpecOnlyModel", 4));
        var twoSpeakers = run with
        {
            Models = run.Models.Select(m => m with
            {
                // recordings 0–4 by "anna", 5–9 by "ben"
                Predictions = m.Predictions.Select((p, i) => p with { RecordingId = $"{p.Truth}_{(i < 5 ? "anna" : "ben")}_0" }).ToList(),
            }).ToList(),
        };
        var md = MarkdownSummary.Render(twoSpeakers);
        Assert.Contains("| Speaker | Recordings | RawOnlyModel | SpecOnlyModel |", md);
        Assert.Contains("| anna | 5 | 100.00% | 80.00% |", md);
        Assert.Contains("| ben | 5 | 40.00% | 0.00% |", md);
        Assert.DoesNotContain("accuracy per speaker", MarkdownSummary.Render(run));   // one speaker: no table
    }
}
