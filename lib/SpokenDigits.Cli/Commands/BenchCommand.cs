using System.Globalization;
using SpokenDigits.Benchmarking;
using SpokenDigits.Reporting;
using SpokenDigits.Training;

namespace SpokenDigits.Cli.Commands;

/// <summary><c>spokendigits bench</c>: speed and memory on this machine, checked against the budgets.</summary>
public static class BenchCommand
{
    public const string Usage = """
        spokendigits bench [--data PATH] [--threads N] [--full] [--out results/bench]
          measures feature extraction (all recordings: decode + resample + log-mel), training
          throughput and inference latency (p50/p95, 1 thread and batched) of the three models,
          and peak memory; writes JSON to results/bench/ and exits 1 when a budget is missed:
          full default run < 10 min (estimated from throughput; --full times a real one),
          features < 5 s, inference p50 < 5 ms, peak memory < 2 GiB.
        """;

    public static int Run(string[] args)
    {
        var cl = new CommandLine(args, "full");
        var data = cl.Get("data");
        var threads = cl.Int("threads");
        bool full = cl.Flag("full");
        var outDir = cl.Get("out") ?? Path.Combine(ProjectPaths.ResultsFolder, "bench");
        cl.RejectUnknown();

        var bench = new Benchmark(data, new TrainingSettings(Threads: threads), log: Console.Out);
        var result = bench.Run("spokendigits bench " + string.Join(' ', args), new BenchBudgets(), full);

        Console.WriteLine();
        Console.WriteLine($"{"budget",-48} {"measured",12} {"limit",10}  ok");
        foreach (var b in result.Budgets)
            Console.WriteLine($"{b.Name,-48} {Fmt(b.Measured) + " " + b.Unit,12} {Fmt(b.Limit) + " " + b.Unit,10}  {(b.Met ? "yes" : "NO")}");
        var file = Path.Combine(outDir, $"bench-{DateTime.Now:yyyyMMdd-HHmmss}.json");
        ResultsJson.Save(file, result);
        Console.WriteLine($"Written {file}");
        return result.AllBudgetsMet ? 0 : 1;
    }

    static string Fmt(double x) => x.ToString(x >= 100 ? "F0" : "F2", CultureInfo.InvariantCulture);
}
