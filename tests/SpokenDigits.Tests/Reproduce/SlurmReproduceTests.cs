using System.Diagnostics;
using SpokenDigits.Runs;
using SpokenDigits.Tests.Data;

namespace SpokenDigits.Tests.Reproduce;

/// <summary>A real one-node Slurm cluster on this machine (Debian's slurm-wlm and munge, installed when missing, as root):
/// munged, slurmctld and slurmd with a configuration of their own, stopped afterwards.</summary>
public sealed class OneNodeSlurm : IDisposable
{
    readonly TempFolder _folder = new();

    public OneNodeSlurm()
    {
        Script("install");
        Script("start", _folder.Path);
    }

    public string Conf => _folder.Combine("slurm.conf");

    static string ScriptPath => Path.Combine(ProjectPlan.Root, "tests/SpokenDigits.Tests/Reproduce/slurm-one-node.sh");

    static void Script(params string[] args)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(ScriptPath);
        foreach (var a in args) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(10))) { process.Kill(true); throw new TimeoutException($"slurm-one-node.sh {string.Join(' ', args)} hung"); }
        if (process.ExitCode != 0) throw new InvalidOperationException($"slurm-one-node.sh {string.Join(' ', args)} failed: {output.Result}{error.Result}");
    }

    public void Dispose()
    {
        try { Script("stop", _folder.Path); }
        finally { _folder.Dispose(); }
    }
}

/// <summary><c>reproduce --slurm</c> with the quick plan on the one-node cluster: a job array for the trainings, a report
/// job after it; the results equal the local run's.</summary>
public class SlurmReproduceTests(QuickPlanReference reference) : IClassFixture<QuickPlanReference>
{
    [Fact]
    public void TheQuickPlanOnSlurmGivesTheLocalResults()
    {
        Assert.Equal(0, reference.Outcome.Code);
        using var slurm = new OneNodeSlurm();
        using var run = new QuickPlanRun();
        var start = run.StartInfo("--slurm", "--wait", "--jobs", "2", "--partition", "debug", "--time", "00:20:00");
        start.Environment["SLURM_CONF"] = slurm.Conf;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(QuickPlanRun.Timeout)) { process.Kill(true); Assert.Fail("reproduce --slurm --wait did not finish: " + output.Result); }
        Assert.True(process.ExitCode == 0, output.Result + error.Result);
        Assert.Matches(@"Submitted training array job \d+: 2 runs \(0-1%2\)", output.Result);
        Assert.Matches(@"Submitted report job \d+ \(after \d+ succeeds\)", output.Result);

        Assert.All(QuickPlanRun.Runs, r => Assert.Equal(RunState.Complete, RunStatus.Of(Path.Combine(run.Root, r))));
        Assert.True(File.Exists(Path.Combine(run.Root, "results/quick/report.md")), "the report job wrote no report: " + output.Result);
        Assert.Equal(reference.Run.Results(), run.Results());
        // the same results tree: reproduce on the "login node" afterwards finds nothing to do
        Assert.Equal("Nothing to do: every run is complete and every report is up to date.", run.Reproduce().Output.Trim());
    }
}
