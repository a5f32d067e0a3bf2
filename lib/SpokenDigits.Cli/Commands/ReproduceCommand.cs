using System.CommandLine;
using SpokenDigits.Cli.Reproduction;
using SpokenDigits.Experiments.Plans;
using SpokenDigits.Runs;

namespace SpokenDigits.Cli.Commands;

/// <summary><c>spokendigits reproduce [EXPERIMENT ...]</c>: trains the plan's missing and interrupted runs (here, or on Slurm
/// with <c>--slurm</c>), then regenerates the report steps that read them.</summary>
public static class ReproduceCommand
{
    public static Command Create()
    {
        var experiments = new Argument<string[]>("EXPERIMENT") { Arity = ArgumentArity.ZeroOrMore, Description = "experiments of the plan (default: all)" };
        var plan = new Option<string?>("--plan") { HelpName = "FILE", Description = $"the plan (default: {PlanFile.DefaultPath} in the project)" };
        var root = new Option<string?>("--root") { HelpName = "DIR", Description = "folder the plan's paths are relative to (default: the project root)" };
        var jobs = new Option<int?>("--jobs") { HelpName = "N", Description = "trainings at once (default 1; with --slurm: array tasks at once, %N, default no limit)" };
        var threads = new Option<int>("--threads") { HelpName = "K", Description = "torch threads of each training (runs whose plan entry fixes --threads keep theirs)", DefaultValueFactory = _ => 1 };
        var data = new Option<string?>("--data") { HelpName = "PATH", Description = "recordings folder passed to each training (default: as for train)" };
        var dryRun = new Option<bool>("--dry-run") { Description = "only list what would run, with an estimate of the CPU time" };
        var readme = new Option<bool>("--readme") { Description = "also rewrite README's generated blocks (<!-- reproduce:NAME -->) from the results" };
        var slurm = new Option<bool>("--slurm") { Description = "submit to Slurm: one job array for the trainings, a report job after it (afterok)" };
        var partition = new Option<string?>("--partition") { HelpName = "P", Description = "Slurm partition" };
        var time = new Option<string?>("--time") { HelpName = "T", Description = "Slurm time limit per task, e.g. 01:00:00" };
        var cpus = new Option<int?>("--cpus-per-task") { HelpName = "N", Description = "Slurm CPUs per training task (default: --threads)" };
        var account = new Option<string?>("--account") { HelpName = "A", Description = "Slurm account" };
        var wait = new Option<bool>("--wait") { Description = "with --slurm: return only when the jobs have left the queue" };
        var onlyRun = new Option<string?>("--only-run") { HelpName = "FOLDER", Description = "bring one run of the plan to complete (what each Slurm array task runs)", Hidden = true };
        var reportsOnly = new Option<bool>("--reports-only") { Description = "train nothing: only the out-of-date report steps (what the Slurm report job runs), and --readme" };

        var command = new Command("reproduce", "every number from one command: trains the plan's missing and interrupted runs, then regenerates the reports");
        command.Arguments.Add(experiments);
        foreach (var option in new Option[] { plan, root, jobs, threads, data, dryRun, readme, slurm, partition, time, cpus, account, wait, onlyRun, reportsOnly })
            command.Options.Add(option);

        command.SetAction(parse =>
        {
            var rootFolder = Path.GetFullPath(parse.GetValue(root) ?? ProjectPaths.TryFindRoot() ?? Directory.GetCurrentDirectory());
            var planPath = Path.GetFullPath(parse.GetValue(plan) ?? Path.Combine(rootFolder, PlanFile.DefaultPath));
            var thePlan = PlanFile.Load(planPath);
            var names = parse.GetValue(experiments) ?? [];
            int threadCount = parse.GetValue(threads);
            if (threadCount < 1) throw new UsageException("--threads must be at least 1");
            int? jobCount = parse.GetValue(jobs);
            if (jobCount is < 1) throw new UsageException("--jobs must be at least 1");
            var dataFolder = parse.GetValue(data) is { } d ? Path.GetFullPath(d) : null;
            var runner = new LocalRunner(rootFolder, threadCount, dataFolder, Console.Out);

            if (parse.GetValue(onlyRun) is { } folder) return OnlyRun(thePlan, rootFolder, folder, runner);
            ReproductionWork work;
            try { work = ReproductionWork.For(thePlan, rootFolder, names, threadCount); }
            catch (ArgumentException e) { throw new UsageException(e.Message); }

            if (parse.GetValue(dryRun))
            {
                Console.Write(work.Describe(jobCount ?? 1, threadCount));
                return ExitCodes.Success;
            }
            if (parse.GetValue(slurm))
            {
                var options = new SlurmOptions(parse.GetValue(partition), parse.GetValue(time), parse.GetValue(cpus) ?? threadCount,
                    parse.GetValue(account), jobCount, parse.GetValue(wait));
                new SlurmSubmitter(rootFolder, planPath, threadCount, dataFolder, options, Console.Out).Submit(work, names, parse.GetValue(readme));
                return ExitCodes.Success;
            }
            if (work.Nothing && !parse.GetValue(readme))
            {
                Console.WriteLine("Nothing to do: every run is complete and every report is up to date.");
                return ExitCodes.Success;
            }
            var failed = new List<string>();
            if (!parse.GetValue(reportsOnly) && work.ToTrain.Count > 0)
            {
                Console.WriteLine($"Training {work.ToTrain.Count} runs, {jobCount ?? 1} at once, {threadCount} torch threads each (logs in {Path.Combine(rootFolder, LocalRunner.LogFolder)})");
                failed.AddRange(runner.Train(work.ToTrain, jobCount ?? 1, ConsoleCancellation.Token));
            }
            bool ok = failed.Count == 0 & Reports(thePlan, rootFolder, names, threadCount, ConsoleCancellation.Token);
            if (parse.GetValue(readme)) ok &= Readme(thePlan, rootFolder);
            if (failed.Count > 0) Console.WriteLine($"{failed.Count} runs failed: {string.Join(", ", failed)}; run reproduce again to resume them.");
            return ok ? ExitCodes.Success : ExitCodes.Error;
        });
        return command;
    }

    /// <summary>One run: nothing when complete, <c>train --resume</c> when interrupted, <c>train</c> when missing.</summary>
    static int OnlyRun(PlanFile plan, string root, string folder, LocalRunner runner)
    {
        var relative = Path.GetRelativePath(root, Path.GetFullPath(Path.Combine(root, folder)));
        var run = plan.Runs().FirstOrDefault(r => r.Folder == relative) ?? throw new UsageException($"the plan has no run {relative}");
        var state = RunStatus.Of(Path.Combine(root, run.Folder));
        Console.WriteLine($"{run.Folder}: {state.ToString().ToLowerInvariant()}");
        if (state == RunState.Complete) return ExitCodes.Success;
        int code = CliProcess.RunAsync(runner.Arguments(run, state), root, log: null, ConsoleCancellation.Token).GetAwaiter().GetResult();
        return code == 0 && RunStatus.Of(Path.Combine(root, run.Folder)) == RunState.Complete ? ExitCodes.Success : ExitCodes.Error;
    }

    /// <summary>Runs every out-of-date report step whose runs are all complete, in plan order; false when one failed or
    /// could not run.</summary>
    static bool Reports(PlanFile plan, string root, IReadOnlyCollection<string> names, int threads, CancellationToken cancellation)
    {
        bool ok = true;
        foreach (var step in ReproductionWork.For(plan, root, names, threads).ToReport)
        {
            var unfinished = step.Inputs.Where(r => RunStatus.Of(Path.Combine(root, r.Folder)) != RunState.Complete).ToList();
            if (unfinished.Count > 0)
            {
                Console.WriteLine($"skipped report {step.Step.Command}: {unfinished.Count} of its runs are not complete");
                ok = false;
                continue;
            }
            Console.WriteLine($"report {step.Step.Command}");
            int code = CliProcess.RunAsync(step.Step.Arguments, root, Path.Combine(root, LocalRunner.LogFolder, "reports.log"), cancellation).GetAwaiter().GetResult();
            if (code != 0) { Console.WriteLine($"      FAILED (exit code {code}; log {Path.Combine(root, LocalRunner.LogFolder, "reports.log")})"); ok = false; continue; }
            StepStamp.Write(root, step.Step, step.Inputs);
        }
        return ok;
    }

    static bool Readme(PlanFile plan, string root)
    {
        var file = Path.Combine(root, "README.md");
        if (!File.Exists(file)) { Console.WriteLine($"--readme: {file} does not exist"); return false; }
        var before = File.ReadAllText(file);
        var after = ReadmeBlocks.Rewrite(before, root, plan);
        if (after == before.ReplaceLineEndings("\n")) Console.WriteLine("README.md: generated blocks already agree with the results");
        else { AtomicFile.WriteAllText(file, after); Console.WriteLine($"README.md: rewrote {ReadmeBlocks.Find(after).Count} generated blocks"); }
        return true;
    }
}
