using SpokenDigits.Experiments.Plans;

namespace SpokenDigits.Tests.Reproduce;

/// <summary>The stamp a report step leaves: its file name must stay writable for any command of the plan.</summary>
public class StepStampTests
{
    [Fact]
    public void EveryCommandOfThePlanGetsItsOwnStampNameTheFileSystemAccepts()
    {
        // one command listed by two experiments (seeds and loso both rebuild report-official) is one step
        var steps = ProjectPlan.Plan.Experiments.SelectMany(e => e.ReportsOrNone).DistinctBy(s => s.Command).ToList();
        var names = steps.Select(s => Path.GetFileName(StepStamp.PathOf("/r", s))).ToList();
        Assert.Equal(names.Count, names.Distinct().Count());
        // the stamp is written through a temporary file whose name adds about 38 characters
        Assert.All(names, n => Assert.True(n.Length + 40 < 255, $"{n} is {n.Length} characters"));
    }

    [Fact]
    public void ALongCommandIsWrittenAndReadBackAndTwoThatShareTheirStartStayApart()
    {
        var root = Directory.CreateTempSubdirectory("stamp-").FullName;
        try
        {
            var start = "compare-reports " + string.Concat(Enumerable.Repeat("results/a-long-folder-name ", 10));
            var first = new ReportStep(start + "--out one.md", ["one.md"]);
            var second = new ReportStep(start + "--out two.md", ["two.md"]);
            Assert.NotEqual(StepStamp.PathOf(root, first), StepStamp.PathOf(root, second));

            File.WriteAllText(Path.Combine(root, "one.md"), "x");
            StepStamp.Write(root, first, []);
            Assert.True(File.Exists(StepStamp.PathOf(root, first)));
            Assert.False(StepStamp.IsStale(root, first, []));
            Assert.True(StepStamp.IsStale(root, second, []));   // its output is missing
        }
        finally { Directory.Delete(root, recursive: true); }
    }

    [Fact]
    public void AShortCommandKeepsItsReadableName() =>
        Assert.Equal("report_--from_results_seeds.json", Path.GetFileName(StepStamp.PathOf("/r", new ReportStep("report --from results/seeds", []))));
}
