using System.Globalization;
using System.Text;
using SpokenDigits.Runs;

namespace SpokenDigits.Experiments.Plans;

/// <summary>One planned run and where its folder stands.</summary>
public sealed record RunWork(PlannedRun Run, RunState State, double CpuMinutes);

/// <summary>One report step, the runs it reads, and whether it must run.</summary>
public sealed record StepWork(string Experiment, ReportStep Step, IReadOnlyList<PlannedRun> Inputs, bool Stale);

/// <summary>What <c>reproduce</c> has to do for some experiments of a plan: the runs that are missing or interrupted, and
/// the report steps that are out of date (or will be, once those runs are done).</summary>
public sealed record ReproductionWork(IReadOnlyList<PlanExperiment> Experiments, IReadOnlyList<RunWork> Runs, IReadOnlyList<StepWork> Steps)
{
    public IReadOnlyList<RunWork> ToTrain => Runs.Where(r => r.State != RunState.Complete).ToList();
    public IReadOnlyList<StepWork> ToReport => Steps.Where(s => s.Stale).ToList();
    public bool Nothing => ToTrain.Count == 0 && ToReport.Count == 0;

    /// <summary>Works out what is left for <paramref name="names"/> (all experiments when empty); paths are relative to <paramref name="root"/>.</summary>
    public static ReproductionWork For(PlanFile plan, string root, IReadOnlyCollection<string> names, int threads)
    {
        var experiments = plan.Select(names);
        var runs = plan.Runs(experiments).Select(r => new RunWork(r, RunStatus.Of(Path.Combine(root, r.Folder)), 0)).ToList();
        runs = runs.Select(w => w with { CpuMinutes = Estimate(root, w.Run, runs, threads) }).ToList();
        var pending = runs.Where(r => r.State != RunState.Complete).Select(r => r.Run.Folder).ToHashSet();
        // A step listed by several experiments (the same command) runs once and reads the runs of all of them.
        var steps = new List<(string Experiment, ReportStep Step, List<PlannedRun> Inputs)>();
        foreach (var e in experiments)
            foreach (var step in e.ReportsOrNone)
            {
                var inputs = plan.Runs(plan.Select([e.Name]));
                int at = steps.FindIndex(s => s.Step.Command == step.Command);
                if (at < 0) steps.Add((e.Name, step, inputs.ToList()));
                else steps[at].Inputs.AddRange(inputs.Where(r => steps[at].Inputs.All(x => x.Folder != r.Folder)));
            }
        var work = steps.Select(s => new StepWork(s.Experiment, s.Step, s.Inputs,
            s.Inputs.Any(r => pending.Contains(r.Folder)) || StepStamp.IsStale(root, s.Step, s.Inputs))).ToList();
        return new ReproductionWork(experiments, runs, work);
    }

    /// <summary>CPU minutes of one run: the median measured (wall time × threads) of the complete runs of the same plan
    /// entry, scaled to <paramref name="threads"/>' run time; the plan's estimate while none is measured.</summary>
    static double Estimate(string root, PlannedRun run, IReadOnlyList<RunWork> all, int threads)
    {
        var measured = all.Where(w => w.Run.Template == run.Template && w.State == RunState.Complete)
            .Select(w => RunStatus.Timing(Path.Combine(root, w.Run.Folder)))
            .Where(t => t is not null).Select(t => (t!.Value.Finished - t.Value.Started).TotalMinutes * t.Value.Threads)
            .Where(m => m > 0).Order().ToList();
        return measured.Count > 0 ? measured[measured.Count / 2] : run.CpuMinutes;
    }

    /// <summary>The dry run's listing: each run to train (and why), each report step to run, and the CPU time.</summary>
    public string Describe(int jobs, int threads)
    {
        var text = new StringBuilder();
        var c = CultureInfo.InvariantCulture;
        foreach (var e in Experiments)
        {
            var runs = Runs.Where(r => r.Run.Experiment == e.Name).ToList();
            var left = runs.Where(r => r.State != RunState.Complete).ToList();
            text.AppendLine(c, $"{e.Name}: {runs.Count - left.Count} of {runs.Count} runs complete");
            foreach (var r in left)
                text.AppendLine(c, $"  {(r.State == RunState.Interrupted ? "resume" : "train ")} {r.Run.Folder}  (~{r.CpuMinutes:F1} CPU min)");
            foreach (var s in Steps.Where(s => s.Experiment == e.Name && s.Stale))
                text.AppendLine(c, $"  report {s.Step.Command}");
        }
        double minutes = ToTrain.Sum(r => r.CpuMinutes);
        if (Nothing) text.AppendLine("Nothing to do: every run is complete and every report is up to date.");
        else
            text.AppendLine(c, $"To do: {ToTrain.Count} runs ({ToTrain.Count(r => r.State == RunState.Interrupted)} to resume), {ToReport.Count} report steps; " +
                               $"estimated {minutes / 60:F2} CPU hours, about {Schedule.Makespan(ToTrain.Select(r => r.CpuMinutes / threads), jobs) / 60:F2} h wall with {jobs} jobs × {threads} threads");
        return text.ToString();
    }
}

/// <summary>Wall time (in the jobs' unit) of independent jobs on a number of slots: longest job first, each to the slot free first.</summary>
public static class Schedule
{
    public static double Makespan(IEnumerable<double> jobMinutes, int slots)
    {
        if (slots < 1) throw new ArgumentException("at least one slot is needed");
        var free = new double[slots];
        foreach (var m in jobMinutes.OrderDescending())
        {
            int first = Array.IndexOf(free, free.Min());
            free[first] += m;
        }
        return free.Max();
    }
}
