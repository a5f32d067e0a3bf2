using System.Globalization;
using System.Text;
using SpokenDigits.Runs;

namespace SpokenDigits.Experiments.Plans;

/// <summary>What one experiment's runs cost, from their recorded start and finish: CPU hours (wall time × torch threads,
/// summed) and the wall time the same runs take on one 2-core machine (2 trainings × 1 thread) and on clusters of
/// 2-core nodes, each run at its measured length, longest first.</summary>
public sealed record ExperimentCost(string Experiment, int Runs, int Measured, double CpuHours, double LongestHours, IReadOnlyList<double> RunHours)
{
    public double WallHours(int slots) => Schedule.Makespan(RunHours, slots);
}

public static class PlanCost
{
    /// <summary>The cluster sizes of the cost table (2-core nodes, one 1-thread training per core).</summary>
    public static readonly IReadOnlyList<int> ClusterNodes = [8, 64];

    public static IReadOnlyList<ExperimentCost> Measure(PlanFile plan, string root) =>
        plan.Experiments.Select(e =>
        {
            var runs = e.Expand().ToList();
            var timings = runs.Select(r => RunStatus.Timing(Path.Combine(root, r.Folder))).Where(t => t is not null).Select(t => t!.Value).ToList();
            var hours = timings.Select(t => (t.Finished - t.Started).TotalHours).ToList();
            return new ExperimentCost(e.Name, runs.Count, timings.Count, timings.Sum(t => (t.Finished - t.Started).TotalHours * t.Threads),
                hours.DefaultIfEmpty(0).Max(), hours);
        }).Where(c => c.Runs > 0).ToList();

    public static string Table(IReadOnlyList<ExperimentCost> costs)
    {
        var c = CultureInfo.InvariantCulture;
        var text = new StringBuilder();
        text.Append("| Experiment | Runs (measured) | CPU hours | Longest run | Wall, one 2-core machine |");
        foreach (var n in ClusterNodes) text.Append(c, $" Wall, {n} × 2-core nodes |");
        text.AppendLine();
        text.AppendLine("|---|---:|---:|---:|---:|" + string.Concat(ClusterNodes.Select(_ => "---:|")));
        void Row(string name, int runs, int measured, double cpu, double longest, Func<int, double> wall)
        {
            text.Append(c, $"| {name} | {runs} ({measured}) | {cpu:F1} | {longest:F2} h | {wall(2):F1} h |");
            foreach (var n in ClusterNodes) text.Append(c, $" {wall(2 * n):F2} h |");
            text.AppendLine();
        }
        foreach (var e in costs) Row($"`{e.Experiment}`", e.Runs, e.Measured, e.CpuHours, e.LongestHours, e.WallHours);
        var all = costs.SelectMany(e => e.RunHours).ToList();
        Row("**all**", costs.Sum(e => e.Runs), costs.Sum(e => e.Measured), costs.Sum(e => e.CpuHours), all.DefaultIfEmpty(0).Max(),
            slots => Schedule.Makespan(all, slots));
        return text.ToString();
    }
}
