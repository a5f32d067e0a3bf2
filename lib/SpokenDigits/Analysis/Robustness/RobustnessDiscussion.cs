using System.Globalization;
using SpokenDigits.Evaluation.Robustness;

namespace SpokenDigits.Analysis.Robustness;

/// <summary>The study's discussion as plain-text paragraphs (the same in Markdown and HTML), every number taken from a
/// <see cref="RobustnessSummary"/>.</summary>
public static class RobustnessDiscussion
{
    static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static IReadOnlyList<string> Paragraphs(RobustnessSummary s)
    {
        var paragraphs = new List<string>();
        int runs = s.ModelSeeds.Count;
        paragraphs.Add(FormattableString.Invariant(
            $"{s.Recordings} FSDD {s.PartName} recordings under {s.Conditions.Count} conditions, {runs} run{(runs == 1 ? "" : "s")} (model seed{(runs == 1 ? "" : "s")} {string.Join(", ", s.ModelSeeds)}), corruption seed {s.Seed}. ") +
            (runs == 1
                ? "With one run the intervals cover the recordings only, not the spread between training seeds."
                : "Accuracy intervals are over seeds (Student's t); the fusion comparison resamples recordings of the seed-averaged correctness."));

        var clean = s.Conditions.FirstOrDefault(c => c.Family == CorruptionFamily.Clean);
        foreach (var family in RobustnessConditions.Families)
        {
            var own = s.Conditions.Where(c => c.Family == family).ToList();
            if (own.Count == 0) continue;
            // the hardest severity: lowest mean accuracy over the models
            var worst = own.MinBy(c => s.Models.Select(m => s.Accuracy(m, c)?.Estimate.Accuracy ?? 1).Average())!;
            var at = s.Models.Select(m => (Model: m, Clean: clean is null ? null : s.Accuracy(m, clean)?.Estimate.Accuracy, Worst: s.Accuracy(m, worst)?.Estimate.Accuracy))
                .Where(x => x.Worst is not null).ToList();
            if (at.Count == 0) continue;
            var best = at.MaxBy(x => x.Worst)!;
            var text = $"{Capital(RobustnessCondition.FamilyName(family))}: hardest is {worst.Label}, where " +
                string.Join(", ", at.Select(x => $"{x.Model} scores {P(x.Worst!.Value)}" + (x.Clean is { } c ? $" ({Points(x.Worst.Value - c)} points from clean)" : ""))) +
                $"; {best.Model} holds up best";
            if (s.Gap(worst) is { } g) text += $"; fusion − {g.BetterBranch} {Points(g.Difference)} points, {(g.Verdict == 0 ? "not significant" : "significant")}";
            paragraphs.Add(text + ".");
        }

        if (s.FusionGaps.Count > 0)
        {
            var ahead = s.FusionGaps.Where(g => g.Verdict > 0).ToList();
            var behind = s.FusionGaps.Where(g => g.Verdict < 0).ToList();
            var text = $"Fusion against the better single branch of each condition: significantly ahead in {ahead.Count} of {s.FusionGaps.Count} conditions" +
                (ahead.Count > 0 ? " (" + string.Join("; ", ahead.Select(g => $"{g.Condition.Label} {Points(g.Difference)}")) + ")" : "") +
                $", significantly behind in {behind.Count}" +
                (behind.Count > 0 ? " (" + string.Join("; ", behind.Select(g => $"{g.Condition.Label} {Points(g.Difference)}")) + ")" : "") +
                ", within noise elsewhere.";
            var largest = s.FusionGaps.MaxBy(g => g.Difference)!;
            var smallest = s.FusionGaps.MinBy(g => g.Difference)!;
            text += $" The largest difference is {Points(largest.Difference)} points ({largest.Condition.Label}, against {largest.BetterBranch}), " +
                $"the most negative {Points(smallest.Difference)} ({smallest.Condition.Label}, against {smallest.BetterBranch}). " +
                "The better branch is picked per condition after seeing the results, which leans against fusion.";
            paragraphs.Add(text);
        }

        foreach (var variant in s.Variants)
        {
            var own = s.VariantGapsOrNone.Where(g => g.Fusion == variant).ToList();
            if (own.Count == 0) continue;
            var ahead = own.Where(g => g.Verdict > 0).ToList();
            var behind = own.Where(g => g.Verdict < 0).ToList();
            paragraphs.Add($"{variant} against the better single branch of each condition: significantly ahead in {ahead.Count} of {own.Count} conditions" +
                (ahead.Count > 0 ? " (" + string.Join("; ", ahead.Select(g => $"{g.Condition.Label} {Points(g.Difference)}")) + ")" : "") +
                $", significantly behind in {behind.Count}" +
                (behind.Count > 0 ? " (" + string.Join("; ", behind.Select(g => $"{g.Condition.Label} {Points(g.Difference)}")) + ")" : "") +
                ", within noise elsewhere.");
        }

        int corrupted = s.Conditions.Count(c => c.Family != CorruptionFamily.Clean);
        if (corrupted > 0)
            paragraphs.Add($"Mean accuracy over the {corrupted} corrupted conditions: " +
                string.Join(", ", s.Models.Select(m => $"{m} {P(s.MeanCorruptedAccuracy(m))}")) + ".");

        foreach (var goal in s.Goals)
            paragraphs.Add($"Goal {(goal.Met ? "met" : "not met")}: {goal.Description}{(goal.Model is null ? "" : $" ({goal.Model})")}: {P(goal.Measured)} (target {Target(goal)}).");
        return paragraphs;
    }

    /// <summary>"0" for an at-most-zero goal, else "≥ 97.0 %".</summary>
    public static string Target(GoalResult goal) => goal.Target == 0 ? "0" : "≥ " + P(goal.Target);

    public static string P(double share) => double.IsFinite(share) ? (100 * share).ToString("0.0", Inv) + " %" : "–";
    public static string Points(double share) => PairedTests.Points(share);

    static string Capital(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];
}
