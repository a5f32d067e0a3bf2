using SpokenDigits.Models;
using System.Globalization;
using System.Text;
using SpokenDigits.Charts;
using SpokenDigits.Evaluation;
using SpokenDigits.Runs;
using static SpokenDigits.Analysis.Prose;

namespace SpokenDigits.Analysis;

/// <summary>One model in the comparison table; <see cref="Accuracy"/> and <see cref="MacroF1"/> are null when it failed.</summary>
public sealed record ComparisonRow(string Model, long Parameters, int EpochsRun, int BestEpoch, double? Accuracy, double? MacroF1, int TestCount, string? Failure);

/// <summary>One digit's test F1 for the three models.</summary>
public sealed record PerClassF1Row(string Label, double Raw, double Spec, double Fusion);

/// <summary>
/// What fusion buys on one digit: <c>Gain = Fusion − max(Raw, Spec)</c> (as in <see cref="FusionGainChart"/>);
/// <see cref="BetterBranch"/> names the single-branch model with the higher F1 ("raw" on ties).
/// </summary>
public sealed record FusionGainRow(string Label, double Fusion, double Raw, double Spec, string BetterBranch, double Gain)
{
    public double BestBranchF1 => Math.Max(Raw, Spec);
}

/// <summary>An unordered digit pair and how often a model took one for the other, in each direction.</summary>
public sealed record ConfusionPair(string A, string B, int AAsB, int BAsA)
{
    public int Total => AAsB + BAsA;
    public override string ToString() => FormattableString.Invariant($"{A}↔{B}: {Total} ({A}→{B} {AAsB}, {B}→{A} {BAsA})");
}

/// <summary>How often a digit pair was confused by the better single model and by the fusion model.</summary>
public sealed record ConfusionChange(string A, string B, int BestSingle, int Fusion)
{
    /// <summary>Positive: fusion confuses the pair less often.</summary>
    public int Reduction => BestSingle - Fusion;
}

/// <summary>
/// The comparison of one run's three models (found by name: <see cref="ModelNames.Raw"/>,
/// <see cref="ModelNames.Spec"/>, <see cref="ModelNames.Fusion"/>): the summary table,
/// per-digit F1, the per-digit gain of fusion over the better single branch, the digit pairs each model
/// confuses, the pairs fusion confuses less (or more) than the better single model, and a Markdown discussion
/// whose every number is computed here. Deterministic; numbers are formatted with the invariant culture.
/// </summary>
public sealed class Comparison
{
    static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <param name="models">The run's model results (any order; others than the three are listed in <see cref="Rows"/> only).</param>
    /// <param name="tolerance">F1 differences within ±tolerance count as "no change" for a digit.</param>
    public Comparison(IReadOnlyList<ModelResult> models, double tolerance = 0.005)
    {
        ArgumentNullException.ThrowIfNull(models);
        if (tolerance < 0 || !double.IsFinite(tolerance)) throw new ArgumentOutOfRangeException(nameof(tolerance));
        Models = models;
        Tolerance = tolerance;
        Raw = Find(ModelNames.Raw);
        Spec = Find(ModelNames.Spec);
        Fusion = Find(ModelNames.Fusion);
        Rows = models.Select(m => new ComparisonRow(m.ModelName, m.ParameterCount, m.History.Count, m.BestEpoch,
            m.Test?.Accuracy, m.Test?.MacroF1, m.Test?.Confusion.Total ?? 0, m.Failure ?? (m.Test is null ? "no test report" : null))).ToList();

        if (IsComplete)
        {
            var raw = Raw!.Test!.PerClass;
            var spec = Spec!.Test!.PerClass;
            var fusion = Fusion!.Test!.PerClass;
            if (raw.Count != fusion.Count || spec.Count != fusion.Count)
                throw new ArgumentException($"the models have different class counts: raw {raw.Count}, spec {spec.Count}, fusion {fusion.Count}");
            PerClassF1 = fusion.Select((f, i) => new PerClassF1Row(f.Label, raw[i].F1, spec[i].F1, f.F1)).ToList();
            var gains = FusionGainChart.Gains(fusion.Select(m => m.F1).ToArray(), raw.Select(m => m.F1).ToArray(), spec.Select(m => m.F1).ToArray());
            Gains = PerClassF1.Select((r, i) => new FusionGainRow(r.Label, r.Fusion, r.Raw, r.Spec, r.Raw >= r.Spec ? "raw" : "spec", gains[i])).ToList();
            BestSingle = BetterOf(Raw, Spec);
            ConfusionChanges = ChangesAgainst(BestSingle.Test!.Confusion, Fusion.Test!.Confusion);
        }
        else
        {
            PerClassF1 = [];
            Gains = [];
            ConfusionChanges = [];
        }
    }

    /// <summary>From a run's results (<see cref="RunResults.Models"/>).</summary>
    public static Comparison Of(RunResults run, double tolerance = 0.005) => new(run.Models, tolerance);

    public IReadOnlyList<ModelResult> Models { get; }
    public double Tolerance { get; }
    public ModelResult? Raw { get; }
    public ModelResult? Spec { get; }
    public ModelResult? Fusion { get; }

    /// <summary>All three models are present and have a test report.</summary>
    public bool IsComplete => Raw?.Test is not null && Spec?.Test is not null && Fusion?.Test is not null;

    /// <summary>The single-branch model with the higher test accuracy (then macro-F1; raw on a full tie); null unless <see cref="IsComplete"/>.</summary>
    public ModelResult? BestSingle { get; }

    public IReadOnlyList<ComparisonRow> Rows { get; }
    public IReadOnlyList<PerClassF1Row> PerClassF1 { get; }
    public IReadOnlyList<FusionGainRow> Gains { get; }

    /// <summary>Digits where fusion's F1 beats both branches by more than <see cref="Tolerance"/>, largest gain first.</summary>
    public IReadOnlyList<FusionGainRow> FusionHelps => Gains.Where(g => g.Gain > Tolerance).OrderByDescending(g => g.Gain).ThenBy(g => g.Label, StringComparer.Ordinal).ToList();

    /// <summary>Digits where a single branch beats fusion's F1 by more than <see cref="Tolerance"/>, largest loss first.</summary>
    public IReadOnlyList<FusionGainRow> FusionHurts => Gains.Where(g => g.Gain < -Tolerance).OrderBy(g => g.Gain).ThenBy(g => g.Label, StringComparer.Ordinal).ToList();

    /// <summary>Every digit pair whose confusion count differs between the better single model and fusion, largest reduction first.</summary>
    public IReadOnlyList<ConfusionChange> ConfusionChanges { get; }

    /// <summary>Pairs fusion confuses less often than the better single model.</summary>
    public IReadOnlyList<ConfusionChange> ReducedByFusion => ConfusionChanges.Where(c => c.Reduction > 0).ToList();

    /// <summary>Pairs fusion confuses more often than the better single model, largest increase first.</summary>
    public IReadOnlyList<ConfusionChange> IncreasedByFusion => ConfusionChanges.Where(c => c.Reduction < 0).OrderBy(c => c.Reduction).ThenBy(c => c.A, StringComparer.Ordinal).ThenBy(c => c.B, StringComparer.Ordinal).ToList();

    /// <summary>The digit pairs a model confuses most (both directions summed), most frequent first; empty when it has no test report.</summary>
    public static IReadOnlyList<ConfusionPair> TopConfusions(ModelResult model, int count = 5) =>
        model.Test is { } t ? Pairs(t.Confusion).Take(count).ToList() : [];

    /// <summary>All confused unordered pairs of a matrix, most frequent first (ties: by class order).</summary>
    public static IReadOnlyList<ConfusionPair> Pairs(ConfusionMatrix cm)
    {
        var pairs = new List<(int A, int B, ConfusionPair Pair)>();
        for (int a = 0; a < cm.ClassCount; a++)
            for (int b = a + 1; b < cm.ClassCount; b++)
                if (cm.Counts[a][b] + cm.Counts[b][a] > 0)
                    pairs.Add((a, b, new ConfusionPair(cm.Labels[a], cm.Labels[b], cm.Counts[a][b], cm.Counts[b][a])));
        return pairs.OrderByDescending(p => p.Pair.Total).ThenBy(p => p.A).ThenBy(p => p.B).Select(p => p.Pair).ToList();
    }

    /// <summary>
    /// Test recordings (matched by id) that fusion gets right and <paramref name="other"/> gets wrong, and the reverse;
    /// null when either model has no predictions.
    /// </summary>
    public (int FusionOnlyRight, int OtherOnlyRight, int Shared)? Disagreements(ModelResult other)
    {
        if (Fusion is null || Fusion.Predictions.Count == 0 || other.Predictions.Count == 0) return null;
        var theirs = new Dictionary<string, Prediction>(StringComparer.Ordinal);
        foreach (var p in other.Predictions) theirs[p.RecordingId] = p;
        int fusionOnly = 0, otherOnly = 0, shared = 0;
        foreach (var p in Fusion.Predictions)
        {
            if (!theirs.TryGetValue(p.RecordingId, out var q)) continue;
            shared++;
            if (p.IsCorrect && !q.IsCorrect) fusionOnly++;
            else if (!p.IsCorrect && q.IsCorrect) otherOnly++;
        }
        return shared == 0 ? null : (fusionOnly, otherOnly, shared);
    }

    /// <summary>
    /// A short Markdown discussion of this run: which model wins overall and by how much, for which digits fusion
    /// helps or hurts, which confusions it removes or adds, and how much one run can say.
    /// </summary>
    public string Discussion()
    {
        var md = new StringBuilder();
        md.AppendLine("### What this run says").AppendLine();
        if (!IsComplete)
        {
            var missing = new[] { (ModelNames.Raw, Raw), (ModelNames.Spec, Spec), (ModelNames.Fusion, Fusion) }
                .Where(x => x.Item2?.Test is null).Select(x => x.Item1 + (x.Item2?.Failure is { } f ? $" (failed: {f})" : " (missing)"));
            md.AppendLine($"The comparison needs all three models with test results; not available: {string.Join(", ", missing)}.");
            return md.ToString();
        }

        var raw = Raw!.Test!;
        var spec = Spec!.Test!;
        var fusion = Fusion!.Test!;
        var best = BestSingle!;
        var bestTest = best.Test!;
        string bestShort = Short(best.ModelName);
        string otherShort = Short(best == Raw ? ModelNames.Spec : ModelNames.Raw);
        int n = fusion.Confusion.Total;
        double deltaAcc = fusion.Accuracy - bestTest.Accuracy;
        double deltaF1 = fusion.MacroF1 - bestTest.MacroF1;
        int deltaCorrect = fusion.Confusion.Correct - bestTest.Confusion.Correct;

        md.AppendLine($"- **Overall.** On {n} test recordings the fusion model reaches {P(fusion.Accuracy)} accuracy (macro-F1 {F3(fusion.MacroF1)}), " +
                      $"against {P(raw.Accuracy)} ({F3(raw.MacroF1)}) for the {Short(ModelNames.Raw)} model and {P(spec.Accuracy)} ({F3(spec.MacroF1)}) for the {Short(ModelNames.Spec)} model.");
        string verdict = Math.Abs(deltaAcc) * n < 0.5
            ? $"Fusion ties the better single branch, the {bestShort} model"
            : deltaAcc > 0
                ? $"Fusion beats the better single branch, the {bestShort} model, by {Pp(deltaAcc)} ({Signed(deltaCorrect)} correct recordings)"
                : $"Fusion trails the better single branch, the {bestShort} model, by {Pp(-deltaAcc)} ({Signed(deltaCorrect)} correct recordings)";
        md.AppendLine($"- **Versus the best branch.** {verdict}; macro-F1 changes by {Signed(deltaF1, "0.000")}. " +
                      $"The {otherShort} model is {Pp(bestTest.Accuracy - (best == Raw ? spec : raw).Accuracy)} behind the {bestShort} model.");

        if (Disagreements(best) is { } d)
            md.AppendLine($"- **Recording by recording.** Fusion is right where the {bestShort} model is wrong on {Count(d.FusionOnlyRight, "recording")}, " +
                          $"and wrong where it is right on {d.OtherOnlyRight}; on the other {d.Shared - d.FusionOnlyRight - d.OtherOnlyRight} of the {d.Shared} test recordings both are right or both are wrong.");

        var helps = FusionHelps;
        var hurts = FusionHurts;
        int same = Gains.Count - helps.Count - hurts.Count;
        md.Append("- **Per digit** (F1 of fusion minus the better branch for that digit, ±").Append(F3(Tolerance)).Append(" counts as no change): ");
        md.Append(helps.Count == 0 ? "fusion improves no digit" : $"fusion improves {Count(helps.Count, "digit")}: {string.Join(", ", helps.Select(GainText))}");
        md.Append(hurts.Count == 0 ? "; it is worse on none" : $"; it is worse on {string.Join(", ", hurts.Select(GainText))}");
        md.AppendLine($"; {Count(same, "digit")} {(same == 1 ? "is" : "are")} unchanged.");
        if (Gains.Count > 0)
        {
            var top = Gains.OrderByDescending(g => g.Gain).ThenBy(g => g.Label, StringComparer.Ordinal).First();
            var bottom = Gains.OrderBy(g => g.Gain).ThenBy(g => g.Label, StringComparer.Ordinal).First();
            string Versus(FusionGainRow g) => $"digit {g.Label} (fusion F1 {F3(g.Fusion)} vs {F3(g.BestBranchF1)} for {g.BetterBranch})";
            md.AppendLine(top.Gain > 0
                ? $"  The largest gain is on {Versus(top)}; " + (bottom.Gain < 0 ? $"the largest loss on {Versus(bottom)}." : $"the smallest on {Versus(bottom)}.")
                : $"  Fusion beats the better branch on no digit; the largest loss is on {Versus(bottom)}.");
        }

        var reduced = ReducedByFusion;
        var increased = IncreasedByFusion;
        md.Append($"- **Confusions** (digit pairs, both directions, against the {bestShort} model): ");
        md.Append(reduced.Count == 0 ? "fusion confuses no pair less often" : $"fusion confuses {Count(reduced.Count, "pair")} less often, most of all " + string.Join(", ", reduced.Take(3).Select(ChangeText)));
        md.Append(increased.Count == 0 ? "; it confuses no pair more often" : $"; it confuses {Count(increased.Count, "pair")} more often, most of all " + string.Join(", ", increased.Take(3).Select(ChangeText)));
        var topFusion = TopConfusions(Fusion, 1);
        md.AppendLine(topFusion.Count == 0 ? "; fusion confuses no pair at all." : $"; fusion's most frequent confusion is {topFusion[0].A}↔{topFusion[0].B} ({Count(topFusion[0].Total, "time")}).");

        double bestAccuracy = new[] { raw.Accuracy, spec.Accuracy, fusion.Accuracy }.Max();
        if (bestAccuracy < 0.5)
            md.AppendLine($"- **Caution.** Even the best model reaches only {P(bestAccuracy)}: the models are far from trained " +
                          "(a quick run?), so these numbers only show that the pipeline works, not which model is better.");
        int epochs = Fusion.History.Count;
        md.AppendLine($"- **How much to trust this.** One split, one seed, {Count(epochs, "epoch")}: a difference of a few recordings out of {n} " +
                      $"(one recording is {Pp(1.0 / Math.Max(n, 1))}) can change with the seed. Repeat over several seeds and use a paired test " +
                      "(e.g. McNemar on the recordings the two models disagree on) before drawing a conclusion.");
        return md.ToString();
    }

    ModelResult? Find(string name) => Models.FirstOrDefault(m => m.ModelName == name);

    static ModelResult BetterOf(ModelResult raw, ModelResult spec)
    {
        var (r, s) = (raw.Test!, spec.Test!);
        if (s.Accuracy > r.Accuracy) return spec;
        if (s.Accuracy < r.Accuracy) return raw;
        return s.MacroF1 > r.MacroF1 ? spec : raw;
    }

    static IReadOnlyList<ConfusionChange> ChangesAgainst(ConfusionMatrix single, ConfusionMatrix fusion)
    {
        int k = Math.Min(single.ClassCount, fusion.ClassCount);
        var list = new List<(int A, int B, ConfusionChange Change)>();
        for (int a = 0; a < k; a++)
            for (int b = a + 1; b < k; b++)
            {
                int s = single.Counts[a][b] + single.Counts[b][a];
                int f = fusion.Counts[a][b] + fusion.Counts[b][a];
                if (s != f) list.Add((a, b, new ConfusionChange(fusion.Labels[a], fusion.Labels[b], s, f)));
            }
        return list.OrderByDescending(x => x.Change.Reduction).ThenBy(x => x.A).ThenBy(x => x.B).Select(x => x.Change).ToList();
    }

    static string GainText(FusionGainRow g) => $"{g.Label} ({Signed(g.Gain, "0.000")})";

    static string ChangeText(ConfusionChange c) => $"{c.A}↔{c.B} ({c.BestSingle.ToString(Inv)} → {c.Fusion.ToString(Inv)})";

    internal static string P(double x) => (100 * x).ToString("0.00", Inv) + "%";
    internal static string Pp(double x) => (100 * x).ToString("0.00", Inv) + " percentage points";
    internal static string F3(double x) => x.ToString("0.000", Inv);
    internal static string Signed(double x, string format) => (x >= 0 ? "+" : "−") + Math.Abs(x).ToString(format, Inv);
    static string Signed(int x) => (x >= 0 ? "+" : "−") + Math.Abs(x).ToString(Inv);
}
