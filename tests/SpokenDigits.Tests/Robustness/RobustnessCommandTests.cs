using SpokenDigits.Evaluation.Robustness;
using SpokenDigits.Runs;
using SpokenDigits.Tests.Cli;
using SpokenDigits.Tests.Inference;

namespace SpokenDigits.Tests.Robustness;

/// <summary><c>spokendigits robustness</c> end to end on a tiny real run (trained by the fixture): every condition measured,
/// the files written, the same answers again from the same seed, the summary regenerated from robustness.json.</summary>
public class RobustnessCommandTests(TinyRunFixture run) : IClassFixture<TinyRunFixture>
{
    string Study(string name, int seed = 11, params string[] extra)
    {
        var folder = Path.Combine(run.Root, name);
        var outcome = CliRun.InProcess(["robustness", "--run", run.Folder.Path, "--recordings", "20", "--probes", "4", "--threads", "1",
            "--seed", seed.ToString(System.Globalization.CultureInfo.InvariantCulture), "--resamples", "200", "--out", folder, .. extra]);
        Assert.True(outcome.Code == 0, outcome.Output + outcome.Error);
        Assert.Contains("Written:", outcome.Output);
        return folder;
    }

    [Fact]
    public void TheStudyWritesEveryConditionAndItsFilesAndRepeatsItselfFromTheSeed()
    {
        var folder = new RobustnessFolder(Study("study-a"));
        var results = folder.Load();
        var single = Assert.Single(results.Runs);
        Assert.Equal(RobustnessConditions.Standard, results.Conditions);
        Assert.Equal(RobustnessConditions.Standard.Count, single.Conditions.Count);
        Assert.All(single.Conditions, c => Assert.Equal(20, c.Clips.Count));
        Assert.Equal(["RawOnlyModel", "SpecOnlyModel", "TwoStreamFusionModel"], single.Models);
        Assert.Equal(20, results.TestRecordings);
        Assert.Equal(8, single.Probes.Count);
        Assert.All(single.Conditions.SelectMany(c => c.Clips), c => Assert.Equal(3, c.Predicted.Length));
        Assert.Equal(10, single.Conditions[0].Clips.Select(c => c.Truth).Distinct().Count());   // every digit in turn

        var summary = File.ReadAllText(folder.File(RobustnessFolder.SummaryFile));
        Assert.Contains("Fusion − better single branch", summary);
        Assert.Contains("babble at −5 dB SNR", summary);
        Assert.Contains("Goal", summary);
        var figures = Directory.GetFiles(folder.Figures, "*.svg").Select(Path.GetFileName).Order().ToList();
        Assert.Equal(RobustnessConditions.Families.Select(f => $"robustness-{RobustnessCondition.FamilyKey(f)}.svg").Order(), figures);
        Assert.Contains("Plotly.newPlot", File.ReadAllText(folder.File(RobustnessFolder.HtmlFile)));

        // the same seed: the same answers, recording for recording
        var again = new RobustnessFolder(Study("study-b")).Load();
        Assert.Equal(ResultsJson.Serialize(results.Runs), ResultsJson.Serialize(again.Runs));

        // --from regenerates the summary from robustness.json alone
        File.Delete(folder.File(RobustnessFolder.SummaryFile));
        var regenerated = CliRun.InProcess("robustness", "--from", folder.Path, "--resamples", "200");
        Assert.True(regenerated.Code == 0, regenerated.Error);
        Assert.Equal(summary, File.ReadAllText(folder.File(RobustnessFolder.SummaryFile)));
    }

    [Fact]
    public void TheValidationPartCanBeStudiedInsteadWithoutTheTestGoals()
    {
        var folder = new RobustnessFolder(Study("study-validation", extra: ["--part", "validation", "--only", "white"]));
        var results = folder.Load();
        Assert.Equal(SpokenDigits.Data.SplitPart.Validation, results.Part);
        var validation = SpokenDigits.Data.SplitManifest.Load(Path.Combine(run.Folder.Path, RunFolder.SplitFile)).Validation.ToHashSet();
        var ids = results.Runs[0].Conditions[0].Clips.Select(c => c.Id).ToList();
        Assert.Equal(Math.Min(20, validation.Count), ids.Count);
        Assert.All(ids, id => Assert.Contains(id, validation));
        var summary = File.ReadAllText(folder.File(RobustnessFolder.SummaryFile));
        Assert.Contains("FSDD validation recordings", summary);
        Assert.Contains("Mean accuracy over the", summary);
        Assert.DoesNotContain("Goal met", summary);
        Assert.DoesNotContain("Goal not met", summary);

        RefusedAsUsage("'train' is not a part", "--part", "train");
    }

    [Fact]
    public void AVariantAnswersTheSameRecordingsBesideTheRunOfItsSeed()
    {
        // the run as its own variant: the same weights on the same audio must give the same answers under the variant's name
        var folder = new RobustnessFolder(Study("study-variant", extra: ["--only", "white", "--variant", $"again={run.Folder.Path}"]));
        var results = folder.Load();
        var single = Assert.Single(results.Runs);
        Assert.Equal(["RawOnlyModel", "SpecOnlyModel", "TwoStreamFusionModel", "RawOnlyModel (again)", "SpecOnlyModel (again)", "TwoStreamFusionModel (again)"], single.Models);
        Assert.All(single.Conditions.SelectMany(c => c.Clips), c => Assert.Equal(c.Predicted[..3], c.Predicted[3..]));
        Assert.Equal("again", Assert.Single(results.Variants!).Label);

        var summary = SpokenDigits.Analysis.Robustness.RobustnessSummary.From(results, resamples: 200);
        Assert.Equal(["TwoStreamFusionModel (again)"], summary.Variants);
        Assert.Equal(summary.FusionGaps.Select(g => g.Difference), summary.VariantGapsOrNone.Select(g => g.Difference));
        var text = File.ReadAllText(folder.File(RobustnessFolder.SummaryFile));
        Assert.Contains("TwoStreamFusionModel (again) against the better single branch", text);
        Assert.Contains("Fused variants − better single branch", text);

        RefusedAsUsage("'no-label' is not LABEL=DIR", "--variant", "no-label");
    }

    [Fact]
    public void AFolderThatIsNoRunIsAClearError()
    {
        var missing = Path.Combine(run.Root, "no-such-run");
        Directory.CreateDirectory(missing);
        var outcome = CliRun.InProcess("robustness", "--run", missing, "--out", Path.Combine(run.Root, "never"));
        Assert.Equal(1, outcome.Code);
        Assert.Contains(missing, outcome.Error);
        Assert.Contains("neither a run folder", outcome.Error);
        Assert.False(Directory.Exists(Path.Combine(run.Root, "never", RobustnessFolder.ResultsFile)));
    }

    /// <summary>The robustness command on the shared run with <paramref name="options"/> exits 2 (usage) naming the problem.</summary>
    void RefusedAsUsage(string message, params string[] options)
    {
        var wrong = CliRun.InProcess(["robustness", "--run", run.Folder.Path, .. options]);
        Assert.Equal(2, wrong.Code);
        Assert.Contains(message, wrong.Error);
    }
}
