using System.Diagnostics;
using SpokenDigits.Experiments.Plans;
using SpokenDigits.Runs;

namespace SpokenDigits.Cli.Reproduction;

/// <summary>Trains a plan's runs on this machine, <c>jobs</c> at once, each as its own <c>train</c> process (a missing run
/// trains afresh, an interrupted one continues with <c>train --resume</c>); each run's output goes to a log under
/// <c>results/.reproduce/logs/</c>.</summary>
public sealed class LocalRunner(string root, int threads, string? dataFolder, TextWriter output)
{
    public const string LogFolder = "results/.reproduce/logs";

    /// <summary>The <c>train</c> command line that brings <paramref name="run"/> to complete from <paramref name="state"/>.</summary>
    public IReadOnlyList<string> Arguments(PlannedRun run, RunState state) => state == RunState.Interrupted
        ? ["train", "--resume", Path.GetFullPath(Path.Combine(root, run.Folder))]
        : run.TrainArguments(root, threads, dataFolder);

    public string LogOf(PlannedRun run) => Path.Combine(root, LogFolder, run.Folder.Replace('/', '_') + ".log");

    /// <summary>Trains every run; returns the folders of the runs that failed.</summary>
    public IReadOnlyList<string> Train(IReadOnlyList<RunWork> runs, int jobs, CancellationToken cancellation)
    {
        var failed = new List<string>();
        using var slots = new SemaphoreSlim(jobs);
        int started = 0;
        var tasks = runs.Select(async work =>
        {
            await slots.WaitAsync(cancellation);
            try
            {
                int number = Interlocked.Increment(ref started);
                var clock = Stopwatch.StartNew();
                lock (output) output.WriteLine($"[{number}/{runs.Count}] {(work.State == RunState.Interrupted ? "resume" : "train ")} {work.Run.Folder}");
                int code = await CliProcess.RunAsync(Arguments(work.Run, work.State), root, LogOf(work.Run), cancellation);
                bool complete = code == 0 && RunStatus.Of(Path.Combine(root, work.Run.Folder)) == RunState.Complete;
                lock (output)
                {
                    if (complete) output.WriteLine($"      done {work.Run.Folder} in {clock.Elapsed:h\\:mm\\:ss}");
                    else
                    {
                        failed.Add(work.Run.Folder);
                        output.WriteLine($"      FAILED {work.Run.Folder} (exit code {code}; log {LogOf(work.Run)})");
                    }
                }
            }
            finally { slots.Release(); }
        }).ToList();
        try { Task.WaitAll(tasks.ToArray()); }
        catch (AggregateException e) when (e.InnerExceptions.All(x => x is OperationCanceledException))
        {
            throw new OperationCanceledException(cancellation);
        }
        return failed;
    }
}
