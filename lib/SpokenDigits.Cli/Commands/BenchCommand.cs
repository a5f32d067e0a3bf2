using System.CommandLine;
using System.Globalization;
using SpokenDigits.Benchmarking;
using SpokenDigits.Training;
using SpokenDigits.Runs;

namespace SpokenDigits.Cli.Commands;

/// <summary><c>spokendigits bench</c>: speed and memory on this machine, checked against the budgets.</summary>
public static class BenchCommand
{
    public static Command Create()
    {
        var data = new Option<string?>("--data") { HelpName = "PATH", Description = "recordings folder (default: as for train)" };
        var threads = TrainingOptions.CreateThreads();
        var trials = new Option<int>("--trials")
        {
            HelpName = "N", Description = "timed trials per training and batched-inference figure (their median and spread are reported)",
            DefaultValueFactory = _ => new BenchSettings().Trials,
        };
        var steps = new Option<int>("--steps")
        {
            HelpName = "N", Description = "optimisation steps per training trial (after the warm-up steps)",
            DefaultValueFactory = _ => new BenchSettings().StepsPerTrial,
        };
        var full = new Option<bool>("--full") { Description = "also time a real default training run and compare its epochs with the estimates" };
        var compare = new Option<bool>("--compare")
        {
            Description = "then run the PyTorch mirror (needs python3-torch) with the same threads, steps and allocator settings, and check each model trains at least 2× as fast here",
        };
        var mirror = new Option<string?>("--mirror") { HelpName = "FILE", Description = "the PyTorch mirror for --compare (default ../shared/reference/torch_mirror.py)" };
        var outDir = new Option<string>("--out")
        {
            HelpName = "DIR", Description = "folder of the JSON result", DefaultValueFactory = _ => Path.Combine(ProjectPaths.ResultsFolder, "bench"),
        };

        var command = new Command("bench",
            "speed and memory on this machine against the budgets (full default run ≤ 150 s, features ≤ 5 s, spectrogram epoch ≤ raw epoch, " +
            "inference p50 ≤ 2 ms, batched ≤ single per recording, peak memory ≤ 2 GiB) -> results/bench/; exit code 1 when one is missed. " +
            "Also measured: each model's training throughput (median and spread of --trials trials of --steps steps after warm-up), " +
            "multiply-adds per recording and GFLOP/s beside the cores' peak, page faults per training step, p95 latency")
        {
            data, threads, trials, steps, full, compare, mirror, outDir,
        };

        command.SetAction(parse =>
        {
            var settings = OptionValues.Bind("bench", () => (new BenchSettings() with { Trials = parse.GetValue(trials), StepsPerTrial = parse.GetValue(steps) }).Validated());
            bool doCompare = parse.GetValue(compare);
            var mirrorScript = parse.GetValue(mirror);
            if (mirrorScript is not null && !doCompare) throw new UsageException("--mirror names the PyTorch mirror for --compare");
            if (doCompare)
                mirrorScript ??= MirrorComparison.DefaultScript(ProjectPaths.TryFindRoot())
                                 ?? throw new UsageException("--compare: the project root is not found; name the mirror with --mirror FILE");
            var threadCount = OptionValues.Bind("--threads", () => new TrainingSettings(Threads: parse.GetValue(threads)).Validated().Threads);

            var bench = new Benchmark(parse.GetValue(data), new TrainingSettings(Threads: threadCount), log: Console.Out, bench: settings);
            var result = bench.Run(parse.CommandText(), new BenchBudgets(), parse.GetValue(full), doCompare ? mirrorScript : null);

            Console.WriteLine();
            Console.WriteLine($"{"budget",-56} {"measured",12} {"limit",10}  ok");
            foreach (var b in result.Budgets)
                Console.WriteLine($"{b.Name,-56} {Fmt(b.Measured) + " " + b.Unit,12} {Fmt(b.Limit) + " " + b.Unit,10}  {(b.Met ? "yes" : "NO")}");
            var file = Path.Combine(parse.GetValue(outDir)!, $"bench-{DateTime.Now:yyyyMMdd-HHmmss}.json");
            ResultsJson.Save(file, result);
            Console.WriteLine($"Written {file}");
            return result.AllBudgetsMet ? ExitCodes.Success : ExitCodes.Error;
        });
        return command;
    }

    static string Fmt(double x) => x.ToString(x >= 100 ? "F0" : x >= 0.1 ? "F2" : "F3", CultureInfo.InvariantCulture);
}
