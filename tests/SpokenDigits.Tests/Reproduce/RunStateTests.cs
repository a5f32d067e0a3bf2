using SpokenDigits.Runs;
using SpokenDigits.Tests.Data;

namespace SpokenDigits.Tests.Reproduce;

/// <summary>Done-detection on committed runs (and a copy of one made to look stopped): complete, interrupted (options saved, never finished), missing; a results.json
/// cut short by a crash is not complete.</summary>
public class RunStateTests
{
    static string Committed(string folder) => Path.Combine(ProjectPlan.Root, folder);

    [Fact]
    public void CommittedRunsAreCompleteInterruptedOrMissing()
    {
        Assert.Equal(RunState.Complete, RunStatus.Of(Committed("results/report-official/seed-42")));
        Assert.Equal(RunState.Complete, RunStatus.Of(Committed("results/speaker-curve/train-george")));
        // stopped after its first model: results.json without a finish time, experiment.json to resume from
        using var tmp = new TempFolder();
        RunCopies.CopyInterrupted(Committed("results/speaker-curve/train-george"), tmp.Combine("stopped"));
        Assert.Equal(RunState.Interrupted, RunStatus.Of(tmp.Combine("stopped")));
        Assert.Equal(RunState.Missing, RunStatus.Of(Committed("results/no-such-run")));
        Assert.Equal(RunState.Missing, RunStatus.Of(Committed("results/report-official")));   // a report folder, not a run
    }

    [Fact]
    public void ARunIsCompleteOnlyWhenItsResultsRecordAFinish()
    {
        using var tmp = new TempFolder();
        var run = tmp.Combine("run");
        Directory.CreateDirectory(run);
        var results = File.ReadAllText(Committed("results/speaker-curve/train-george/results.json"));
        File.Copy(Committed("results/speaker-curve/train-george/experiment.json"), Path.Combine(run, RunFolder.OptionsFile));
        Assert.Equal(RunState.Interrupted, RunStatus.Of(run));                      // options only: training started
        File.WriteAllText(Path.Combine(run, RunFolder.ResultsFile), results[..(results.Length / 2)]);
        Assert.Equal(RunState.Interrupted, RunStatus.Of(run));                      // cut short
        File.WriteAllText(Path.Combine(run, RunFolder.ResultsFile), results);
        Assert.Equal(RunState.Complete, RunStatus.Of(run));
        var timing = RunStatus.Timing(run)!.Value;
        Assert.True(timing.Finished > timing.Started);
        Assert.Equal(1, timing.Threads);
    }
}
