using System.Globalization;
using SpokenDigits.Runs;
using SpokenDigits.Tests.Cli;
using SpokenDigits.Tests.Data;

namespace SpokenDigits.Tests.Reproduce;

/// <summary><c>reproduce --dry-run</c> on a small plan whose folders are copies of committed runs: one complete, one
/// interrupted, one missing.</summary>
public class DryRunTests
{
    const string Plan = """
        {
          "experiments": [
            { "name": "curve", "runs": [ { "folder": "results/curve/train-{train}", "train": "--models raw --split speakers:{test} --seed 42",
                                           "for": { "set": [ { "train": "george", "test": "jackson,lucas,nicolas,theo,yweweler" },
                                                             { "train": "jackson", "test": "george,lucas,nicolas,theo,yweweler" } ] } } ],
              "reports": [ { "command": "report --from results/curve", "outputs": ["results/curve/report.md"] } ] },
            { "name": "endpoint", "runs": [ { "folder": "results/endpoint-e3", "train": "--epochs 3 --seed 42", "cpuMinutes": 3 } ] }
          ]
        }
        """;

    [Fact]
    public void ListsWhatWouldRunWithItsCpuTime()
    {
        using var tmp = new TempFolder();
        File.WriteAllText(tmp.Combine("plan.json"), Plan);
        RunCopies.Copy(Path.Combine(ProjectPlan.Root, "results/speaker-curve/train-george"), tmp.Combine("results/curve/train-george"));
        RunCopies.CopyInterrupted(Path.Combine(ProjectPlan.Root, "results/speaker-curve/train-theo"), tmp.Combine("results/endpoint-e3"));
        var measured = RunStatus.Timing(tmp.Combine("results/curve/train-george"))!.Value;
        double minutes = (measured.Finished - measured.Started).TotalMinutes;   // the missing run's estimate: its complete sibling
        var c = CultureInfo.InvariantCulture;

        var outcome = CliRun.InProcess("reproduce", "--plan", tmp.Combine("plan.json"), "--root", tmp.Path, "--dry-run", "--jobs", "2");

        Assert.Equal(0, outcome.Code);
        Assert.Equal(string.Join("\n",
            "curve: 1 of 2 runs complete",
            string.Create(c, $"  train  results/curve/train-jackson  (~{minutes:F1} CPU min)"),
            "  report report --from results/curve",
            "endpoint: 0 of 1 runs complete",
            "  resume results/endpoint-e3  (~3.0 CPU min)",
            string.Create(c, $"To do: 2 runs (1 to resume), 1 report steps; estimated {(minutes + 3) / 60:F2} CPU hours, about {Math.Max(minutes, 3) / 60:F2} h wall with 2 jobs × 1 threads"),
            ""), outcome.Output.ReplaceLineEndings("\n"));
        Assert.False(Directory.Exists(tmp.Combine("results/curve/train-jackson")));   // a dry run trains nothing

        // only the experiments named (and those they need)
        var one = CliRun.InProcess("reproduce", "endpoint", "--plan", tmp.Combine("plan.json"), "--root", tmp.Path, "--dry-run");
        Assert.StartsWith("endpoint: 0 of 1 runs complete\n", one.Output.ReplaceLineEndings("\n"));
        Assert.DoesNotContain("curve", one.Output);
        var unknown = CliRun.InProcess("reproduce", "nothing", "--plan", tmp.Combine("plan.json"), "--root", tmp.Path, "--dry-run");
        Assert.Equal(2, unknown.Code);
        Assert.Contains("no experiment 'nothing' in the plan; it has curve, endpoint", unknown.Error);
    }
}
