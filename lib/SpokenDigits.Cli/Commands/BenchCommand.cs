using System.Globalization;
using SpokenDigits.Benchmarking;
using SpokenDigits.Training;
using SpokenDigits.Runs;

namespace SpokenDigits.Cli.Commands;

/// <summary><c>spokendigits bench</c>: speed and memory on this machine, checked against the budgets.</summary>
public static class BenchCommand
{
    public const string Usage = """
        spokendigits bench [--data PATH] [--threads N] [--trials N] [--steps N] [--full] [--compare [--mirror FILE]]
                           [--out results/bench]
          measures feature extraction (all recordings: decode + resample + log-mel), each model's training
          throughput (median and spread of --trials trials of --steps optimisation steps, default 7 × 20,
          after 5 warm-up steps), multiply-adds per recording and achieved GFLOP/s beside the cores' peak
          (measured on a 3×3 convolution, and nominal from /proc/cpuinfo), page faults per training step,
          inference latency (p50/p95 one recording on 1 thread; batches of 256 on 1 and all threads) and
          peak memory; writes JSON to results/bench/ and exits 1 when a budget is missed:
          full default run ≤ 150 s (estimated; --full times a real one and compares its epochs with the
          estimates), features ≤ 5 s, spectrogram epoch ≤ raw epoch, inference p50 ≤ 2 ms, batched ≤ single
          per recording, peak memory ≤ 2 GiB.
          --compare then runs the PyTorch mirror (--mirror, default ../shared/reference/torch_mirror.py; needs
          python3-torch) with the same threads, steps and allocator settings, and checks each model trains
          at least 2× as fast here.
        """;

    public static int Run(string[] args)
    {
        var cl = new CommandLine(args, "full", "compare");
        var data = cl.Get("data");
        var threads = cl.Int("threads");
        var defaults = new BenchSettings();
        var settings = defaults with { Trials = cl.Int("trials") ?? defaults.Trials, StepsPerTrial = cl.Int("steps") ?? defaults.StepsPerTrial };
        bool full = cl.Flag("full");
        bool compare = cl.Flag("compare");
        var mirror = cl.Get("mirror");
        var outDir = cl.Get("out") ?? Path.Combine(ProjectPaths.ResultsFolder, "bench");
        cl.RejectUnknown();
        if (mirror is not null && !compare) throw new UsageException("--mirror names the PyTorch mirror for --compare");
        if (compare)
            mirror ??= MirrorComparison.DefaultScript(ProjectPaths.TryFindRoot())
                       ?? throw new UsageException("--compare: the project root is not found; name the mirror with --mirror FILE");

        var bench = new Benchmark(data, new TrainingSettings(Threads: threads), log: Console.Out, bench: settings);
        var result = bench.Run("spokendigits bench " + string.Join(' ', args), new BenchBudgets(), full, compare ? mirror : null);

        Console.WriteLine();
        Console.WriteLine($"{"budget",-56} {"measured",12} {"limit",10}  ok");
        foreach (var b in result.Budgets)
            Console.WriteLine($"{b.Name,-56} {Fmt(b.Measured) + " " + b.Unit,12} {Fmt(b.Limit) + " " + b.Unit,10}  {(b.Met ? "yes" : "NO")}");
        var file = Path.Combine(outDir, $"bench-{DateTime.Now:yyyyMMdd-HHmmss}.json");
        ResultsJson.Save(file, result);
        Console.WriteLine($"Written {file}");
        return result.AllBudgetsMet ? 0 : 1;
    }

    static string Fmt(double x) => x.ToString(x >= 100 ? "F0" : x >= 0.1 ? "F2" : "F3", CultureInfo.InvariantCulture);
}
