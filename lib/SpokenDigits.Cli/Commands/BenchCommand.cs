using System.CommandLine;
using System.Globalization;
using SpokenDigits.Benchmarking;
using SpokenDigits.Data;
using SpokenDigits.Demo;
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
            Description = "then run the PyTorch mirror (needs python3-torch) with the same threads, steps, allocator settings and augmentation (the clean recipe's shift and noise, which the mirror has; every training figure then uses it), and check each model trains at least 2× as fast here",
        };
        var mirror = new Option<string?>("--mirror") { HelpName = "FILE", Description = "the PyTorch mirror for --compare (default ../shared/reference/torch_mirror.py)" };
        var demoRun = new Option<string?>("--demo-run")
        {
            HelpName = "DIR", Description = "the run the demo server loads for its upload-to-answer time (default: the newest complete run under results/; none: not measured)",
        };
        var demoRequests = new Option<int>("--demo-requests")
        {
            HelpName = "N", Description = "timed uploads to the demo server (FSDD recordings, one at a time)", DefaultValueFactory = _ => 200,
        };
        var demoOnly = new Option<bool>("--demo-only") { Description = "measure only the demo's upload-to-answer time" };
        var outDir = new Option<string>("--out")
        {
            HelpName = "DIR", Description = "folder of the JSON result", DefaultValueFactory = _ => Path.Combine(ProjectPaths.ResultsFolder, "bench"),
        };

        var command = new Command("bench",
            "speed and memory on this machine against the budgets (full default run ≤ 150 s, features ≤ 5 s, spectrogram epoch ≤ raw epoch, " +
            "inference p50 ≤ 2 ms, batched ≤ single per recording, peak memory ≤ 2 GiB, demo upload to answer p95 ≤ 300 ms) -> results/bench/; " +
            "exit code 1 when one is missed. " +
            "Also measured: each model's training throughput (median and spread of --trials trials of --steps steps after warm-up), " +
            "multiply-adds per recording and GFLOP/s beside the cores' peak, page faults per training step, p95 latency, " +
            "the demo page's upload-to-answer p50/p95 (a real demo server on loopback, real recordings posted to it)")
        {
            data, threads, trials, steps, full, compare, mirror, demoRun, demoRequests, demoOnly, outDir,
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

            int requests = OptionValues.Bind("--demo-requests", () => parse.GetValue(demoRequests) >= 1 ? parse.GetValue(demoRequests)
                : throw new ArgumentException("at least one request"));
            var budgets = new BenchBudgets();
            if (parse.GetValue(demoOnly))
            {
                var alone = MeasureDemo(DemoFolder(parse.GetValue(demoRun), required: true)!, parse.GetValue(data), requests);
                var check = DemoBudget(alone, budgets);
                Console.WriteLine();
                PrintBudgets([check]);
                var aloneFile = Path.Combine(parse.GetValue(outDir)!, $"demo-latency-{DateTime.Now:yyyyMMdd-HHmmss}.json");
                ResultsJson.Save(aloneFile, new { Info = SpokenDigits.Runs.RunInfo.Capture(parse.CommandText(), ProjectPaths.TryFindRoot(), threadCount ?? 0)
                    with { Finished = DateTimeOffset.Now }, Demo = alone, Budgets = new[] { check } });
                Console.WriteLine($"Written {aloneFile}");
                return check.Met ? ExitCodes.Success : ExitCodes.Error;
            }

            // The PyTorch mirror trains with the augmentation of the clean recipe (shift and noise): with --compare every
            // training figure here (and --full's run) uses it too, so both sides do the same work; else train's default.
            var training = new TrainingSettings(Threads: threadCount);
            if (doCompare) training = training with { Augmentation = new AugmentationSettings() };
            // Which run the demo timing loads is settled before the minutes of measurement, so a wrong folder fails at once.
            var demoFolder = DemoFolder(parse.GetValue(demoRun), required: false);
            var bench = new Benchmark(parse.GetValue(data), training, log: Console.Out, bench: settings);
            var result = bench.Run(parse.CommandText(), budgets, parse.GetValue(full), doCompare ? mirrorScript : null);
            if (demoFolder is not null)
            {
                var demo = MeasureDemo(demoFolder, parse.GetValue(data), requests);
                result = result with { Demo = demo, Budgets = [.. result.Budgets, DemoBudget(demo, budgets)] };
            }

            Console.WriteLine();
            PrintBudgets(result.Budgets);
            var file = Path.Combine(parse.GetValue(outDir)!, $"bench-{DateTime.Now:yyyyMMdd-HHmmss}.json");
            ResultsJson.Save(file, result);
            Console.WriteLine($"Written {file}");
            return result.AllBudgetsMet ? ExitCodes.Success : ExitCodes.Error;
        });
        return command;
    }

    static void PrintBudgets(IReadOnlyList<BudgetCheck> budgets)
    {
        Console.WriteLine($"{"budget",-56} {"measured",12} {"limit",10}  ok");
        foreach (var b in budgets)
            Console.WriteLine($"{b.Name,-56} {Fmt(b.Measured) + " " + b.Unit,12} {Fmt(b.Limit) + " " + b.Unit,10}  {(b.Met ? "yes" : "NO")}");
    }

    static BudgetCheck DemoBudget(DemoLatency demo, BenchBudgets budgets) =>
        new($"demo upload → answer p95 (p50 {Fmt(demo.UploadToAnswer.P50)} ms)", demo.UploadToAnswer.P95, budgets.DemoP95Milliseconds, "ms");

    /// <summary>The run the demo timing loads: the one named (it must be a folder), none for "none", else the newest complete
    /// run under results/, or null with a message when there is none (an error when <paramref name="required"/>).</summary>
    static string? DemoFolder(string? runFolder, bool required)
    {
        if (string.Equals(runFolder?.Trim(), "none", StringComparison.OrdinalIgnoreCase))
        {
            if (required) throw new UsageException("--demo-only needs a run: --demo-run none measures nothing");
            Console.WriteLine("Demo upload → answer: not measured (--demo-run none)");
            return null;
        }
        string folder;
        try { folder = DemoRun.Resolve(runFolder, ProjectPaths.ResultsFolder); }
        catch (InvalidDataException e) when (!required)
        {
            Console.WriteLine($"Demo upload → answer: not measured ({e.Message})");
            return null;
        }
        if (!Directory.Exists(folder)) throw new UsageException($"--demo-run: run folder '{folder}' does not exist");
        return folder;
    }

    /// <summary>The demo's upload-to-answer time over FSDD recordings (one take of every speaker and digit).</summary>
    static DemoLatency MeasureDemo(string folder, string? dataFolder, int requests)
    {
        var recordings = RecordingCatalog.Discover(DataLocator.FindRecordings(dataFolder))
            .Where(r => r.Take == 0).Select(r => r.Path).ToList();
        SpokenDigits.Runtime.Nnpack.Apply();
        using var inference = LiveInference.Load(folder);
        return UploadLatency.MeasureAsync(inference, recordings, requests, log: Console.Out).GetAwaiter().GetResult();
    }

    static string Fmt(double x) => x.ToString(x >= 100 ? "F0" : x >= 0.1 ? "F2" : "F3", CultureInfo.InvariantCulture);
}
