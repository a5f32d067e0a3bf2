using System.Diagnostics;
using SpokenDigits.Runs;

namespace SpokenDigits.Tests.Reproduce;

/// <summary><c>reproduce</c> on this machine with the quick plan: two trainings at once, then the report; a second
/// reproduce does nothing; a training killed midway is resumed by the next reproduce and ends exactly as the
/// uninterrupted run did.</summary>
public class LocalReproduceTests(QuickPlanReference reference) : IClassFixture<QuickPlanReference>
{
    [Fact]
    public void TrainsEveryRunTwoAtOnceThenReportsAndASecondReproduceDoesNothing()
    {
        var run = reference.Run;
        Assert.True(reference.Outcome.Code == 0, reference.Outcome.Output + reference.Outcome.Error);
        Assert.Contains("Training 2 runs, 2 at once, 1 torch threads each", reference.Outcome.Output);
        Assert.Contains("report report --from results/quick --resamples 200", reference.Outcome.Output);
        Assert.All(QuickPlanRun.Runs, r => Assert.Equal(RunState.Complete, RunStatus.Of(Path.Combine(run.Root, r))));
        Assert.True(File.Exists(Path.Combine(run.Root, "results/quick/report.md")));
        // the two ran at the same time: each started before the other finished
        var (a, b) = (RunStatus.Timing(Path.Combine(run.Root, QuickPlanRun.Runs[0]))!.Value, RunStatus.Timing(Path.Combine(run.Root, QuickPlanRun.Runs[1]))!.Value);
        Assert.True(a.Started < b.Finished && b.Started < a.Finished, $"not concurrent: {a.Started}–{a.Finished} and {b.Started}–{b.Finished}");

        var again = run.Reproduce("--jobs", "2");
        Assert.Equal(0, again.Code);
        Assert.Equal("Nothing to do: every run is complete and every report is up to date.", again.Output.Trim());
        var dry = run.Reproduce("--dry-run");
        Assert.Contains("quick: 2 of 2 runs complete", dry.Output);
    }

    [Fact]
    public void ATrainingKilledMidwayIsResumedAndEndsAsTheUninterruptedRun()
    {
        Assert.Equal(0, reference.Outcome.Code);
        using var run = new QuickPlanRun();
        var victim = Path.Combine(run.Root, QuickPlanRun.Runs[1]);
        using (var reproduce = Process.Start(run.StartInfo("--jobs", "2"))!)
        {
            var output = reproduce.StandardOutput.ReadToEndAsync();
            _ = reproduce.StandardError.ReadToEndAsync();
            var clock = Stopwatch.StartNew();
            // wait for the first epoch checkpoint of the second run, then kill its training process outright
            while (!Directory.Exists(Path.Combine(victim, "checkpoints")) || !Directory.EnumerateFiles(Path.Combine(victim, "checkpoints"), "state.json", SearchOption.AllDirectories).Any())
            {
                Assert.True(clock.Elapsed < QuickPlanRun.Timeout && !reproduce.HasExited, "no checkpoint appeared in " + victim);
                Thread.Sleep(100);
            }
            var training = TrainingProcessOf(victim);
            using (var kill = Process.Start("kill", ["-KILL", training.ToString()])) kill.WaitForExit();
            Assert.True(reproduce.WaitForExit(QuickPlanRun.Timeout), "reproduce did not end after its training was killed");
            Assert.Equal(1, reproduce.ExitCode);
            Assert.Contains($"FAILED {QuickPlanRun.Runs[1]}", output.Result);
            Assert.Contains("skipped report", output.Result);
        }
        Assert.Equal(RunState.Interrupted, RunStatus.Of(victim));
        Assert.Equal(RunState.Complete, RunStatus.Of(Path.Combine(run.Root, QuickPlanRun.Runs[0])));
        Assert.Contains($"resume {QuickPlanRun.Runs[1]}", run.Reproduce("--dry-run").Output);

        var resumed = run.Reproduce("--jobs", "2");
        Assert.True(resumed.Code == 0, resumed.Output + resumed.Error);
        Assert.Contains($"resume {QuickPlanRun.Runs[1]}", resumed.Output);
        Assert.DoesNotContain(QuickPlanRun.Runs[0], resumed.Output);   // the complete run is left alone
        var log = File.ReadAllText(Path.Combine(run.Root, "results/.reproduce/logs/results_quick_seed-43.log"));
        Assert.Contains("train --resume", log);
        Assert.Equal(reference.Run.Results(), run.Results());
        Assert.Equal("Nothing to do: every run is complete and every report is up to date.", run.Reproduce().Output.Trim());
    }

    /// <summary>The <c>train</c> process writing into <paramref name="runFolder"/> (its command line names the folder).</summary>
    static int TrainingProcessOf(string runFolder)
    {
        var (parent, name) = (Path.GetDirectoryName(runFolder)!, Path.GetFileName(runFolder));
        foreach (var dir in Directory.GetDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out int pid)) continue;
            string[] args;
            try { args = File.ReadAllText(Path.Combine(dir, "cmdline")).Split('\0'); }
            catch (IOException) { continue; }
            catch (UnauthorizedAccessException) { continue; }
            int at = Array.IndexOf(args, "--out");
            if (args.Contains("train") && at >= 0 && at + 1 < args.Length && args[at + 1] == parent && args.Contains(name)) return pid;
        }
        throw new InvalidOperationException($"no training process writes {runFolder}");
    }
}
