using SpokenDigits.Data;
using SpokenDigits.Experiments.Plans;

namespace SpokenDigits.Tests.Reproduce;

/// <summary>The project's committed plan, quick plan and results, found from the test assembly.</summary>
internal static class ProjectPlan
{
    public static string Root => DataLocator.FindProjectRoot(AppContext.BaseDirectory) ?? throw new InvalidOperationException("no project root above the tests");
    public static string PlanPath => Path.Combine(Root, PlanFile.DefaultPath);
    public static string QuickPlanPath => Path.Combine(Root, "experiments", "quick.json");
    public static PlanFile Plan => PlanFile.Load(PlanPath);
}
