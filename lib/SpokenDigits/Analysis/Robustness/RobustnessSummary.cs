using SpokenDigits.Data;
using SpokenDigits.Models;
using SpokenDigits.Evaluation;
using SpokenDigits.Evaluation.Robustness;
using SpokenDigits.Runs;

namespace SpokenDigits.Analysis.Robustness;

/// <summary>One model's accuracy under one condition ("no speech" counts as wrong), over the study's runs.</summary>
/// <param name="NoSpeechShare">Share of recordings the detector found no word in (mean over runs).</param>
public sealed record ConditionAccuracy(RobustnessCondition Condition, string Model, AccuracyEstimate Estimate, double NoSpeechShare);

/// <summary>Fusion against the better single branch under one condition: the branch with the higher mean accuracy there
/// (raw on ties), chosen after seeing the results, so the comparison leans against fusion.</summary>
/// <param name="Test">Per-run McNemar and bootstrap, and the bootstrap over recordings of the seed-averaged correctness
/// (<see cref="PairedComparison.Compute"/>).</param>
public sealed record FusionGap(RobustnessCondition Condition, string Fusion, string BetterBranch, double FusionAccuracy, double BranchAccuracy,
    PairedComparison Test)
{
    /// <summary>The verdict's interval: pooled over seeds (for one run, that run's bootstrap).</summary>
    public BootstrapResult? Interval => Test.Pooled;
    public double Difference => FusionAccuracy - BranchAccuracy;
    /// <summary>+1: fusion significantly better (the interval lies above 0); −1: significantly worse; 0: within noise.</summary>
    public int Verdict => Interval is { } b && b.Lower > 0 ? 1 : Interval is { } w && w.Upper < 0 ? -1 : 0;
}

/// <summary>The robustness study's numbers: accuracy per model × condition with 95 % intervals (Wilson over recordings
/// for one run; Student's t over seeds for several), fusion − better branch per condition with McNemar and a paired
/// bootstrap, and the goals. Deterministic given the results and the bootstrap seed.</summary>
public sealed record RobustnessSummary(
    int Seed,
    int Recordings,
    IReadOnlyList<int> ModelSeeds,
    IReadOnlyList<string> Models,
    IReadOnlyList<RobustnessCondition> Conditions,
    IReadOnlyList<ConditionAccuracy> Accuracies,
    IReadOnlyList<FusionGap> FusionGaps,
    IReadOnlyList<GoalResult> Goals,
    double ProbeNoSpeechShare,
    double SilenceNoSpeechShare,
    double NoiseNoSpeechShare,
    int Probes,
    double Seconds,
    SplitPart Part = SplitPart.Test,
    IReadOnlyList<FusionGap>? VariantGaps = null)
{
    /// <summary>Fused variants studied beside the runs' own models (<see cref="RobustnessResults.Variants"/>), each against
    /// the better single branch per condition, as <see cref="FusionGaps"/> is for the runs' fused model.</summary>
    public IReadOnlyList<FusionGap> VariantGapsOrNone => VariantGaps ?? [];

    /// <summary>The fused models that are variants (named "TwoStreamFusionModel (label)"), in the order of <see cref="Models"/>.</summary>
    public IReadOnlyList<string> Variants => Models.Where(m => m != ModelNames.Fusion && m.StartsWith(ModelNames.Fusion + " ", StringComparison.Ordinal)).ToList();

    /// <summary>"test" or "validation": the FSDD part the recordings came from.</summary>
    public string PartName => Part == SplitPart.Validation ? "validation" : "test";

    public ConditionAccuracy? Accuracy(string model, RobustnessCondition condition) =>
        Accuracies.FirstOrDefault(a => a.Model == model && a.Condition == condition);

    /// <summary>The model's mean accuracy over every condition but the clean one (NaN when none was measured): one figure to
    /// compare training recipes by.</summary>
    public double MeanCorruptedAccuracy(string model) =>
        Accuracies.Where(a => a.Model == model && a.Condition.Family != CorruptionFamily.Clean).Select(a => a.Estimate.Accuracy)
            .DefaultIfEmpty(double.NaN).Average();

    public FusionGap? Gap(RobustnessCondition condition) => FusionGaps.FirstOrDefault(g => g.Condition == condition);

    /// <summary>Summarises <paramref name="results"/> (runs of one configuration, e.g. several seeds, on one test part).</summary>
    /// <param name="goals">What to check (default: <see cref="RobustnessGoals.Issue20"/> on the test part, none on the
    /// validation part, as the issue's goals are set on the test part).</param>
    public static RobustnessSummary From(RobustnessResults results, IReadOnlyList<RobustnessGoal>? goals = null,
        int resamples = 10000, int bootstrapSeed = 20240601)
    {
        ArgumentNullException.ThrowIfNull(results);
        if (results.Runs.Count == 0) throw new ArgumentException("the study holds no runs");
        var models = results.Runs.SelectMany(r => r.Models).Distinct().ToList();
        var accuracies = new List<ConditionAccuracy>();
        var gaps = new List<FusionGap>();
        var variantGaps = new List<FusionGap>();
        var variants = models.Where(m => m != ModelNames.Fusion && m.StartsWith(ModelNames.Fusion + " ", StringComparison.Ordinal)).ToList();
        foreach (var condition in results.Conditions)
        {
            foreach (var model in models)
            {
                var perRun = results.Runs.Select(r => Outcomes(r, condition, model)).OfType<bool[]>().ToList();
                if (perRun.Count == 0 || perRun.Any(o => o.Length == 0)) continue;
                var estimate = perRun.Count == 1
                    ? Intervals.Wilson(perRun[0].Count(c => c), perRun[0].Length)
                    : Intervals.OverSeeds(perRun.Select(o => (double)o.Count(c => c) / o.Length).ToList());
                accuracies.Add(new ConditionAccuracy(condition, model, estimate, NoSpeechShare(results.Runs, condition)));
            }
            if (Gap(results, condition, accuracies, ModelNames.Fusion, resamples, bootstrapSeed) is { } gap) gaps.Add(gap);
            foreach (var variant in variants)
                if (Gap(results, condition, accuracies, variant, resamples, bootstrapSeed) is { } v) variantGaps.Add(v);
        }
        var probes = results.Runs.Select(r => r.Probes).ToList();
        double Mean(Func<ProbeOutcome, double> f) => probes.Select(f).Where(double.IsFinite).DefaultIfEmpty(double.NaN).Average();
        double probeShare = Mean(p => p.NoSpeechShare);
        var summary = new RobustnessSummary(results.Seed, results.TestRecordings, results.Runs.Select(r => r.ModelSeed).ToList(), models,
            results.Conditions, accuracies, gaps, [], probeShare, Mean(p => p.NoSpeechShareOf(ProbeKind.Silence)),
            Mean(p => p.NoSpeechShareOf(ProbeKind.Noise)), probes.Count == 0 ? 0 : probes[0].Count, results.Seconds, results.Part, variantGaps);
        return summary with { Goals = Check(summary, goals ?? (results.Part == SplitPart.Test ? RobustnessGoals.Issue20 : []), results) };
    }

    /// <summary>Model <paramref name="model"/>'s correctness per recording under <paramref name="condition"/> in one run; null when the run lacks either.</summary>
    static bool[]? Outcomes(RunRobustness run, RobustnessCondition condition, string model)
    {
        int k = run.Models.ToList().IndexOf(model);
        if (k < 0 || run.Condition(condition) is not { } outcome) return null;
        return outcome.Clips.Select(c => c.Correct(k)).ToArray();
    }

    static double NoSpeechShare(IReadOnlyList<RunRobustness> runs, RobustnessCondition condition) =>
        runs.Select(r => r.Condition(condition)).OfType<ConditionOutcome>().Where(c => c.Clips.Count > 0)
            .Select(c => (double)c.Clips.Count(x => x.NoSpeech) / c.Clips.Count).DefaultIfEmpty(double.NaN).Average();

    /// <summary><paramref name="fused"/> (the runs' fused model or a variant) against the better single branch under one condition.</summary>
    static FusionGap? Gap(RobustnessResults results, RobustnessCondition condition, List<ConditionAccuracy> accuracies, string fused,
        int resamples, int bootstrapSeed)
    {
        double? Acc(string m) => accuracies.FirstOrDefault(a => a.Model == m && a.Condition == condition)?.Estimate.Accuracy;
        if (Acc(fused) is not { } fusion || Acc(ModelNames.Raw) is not { } raw || Acc(ModelNames.Spec) is not { } spec)
            return null;
        var branch = raw >= spec ? ModelNames.Raw : ModelNames.Spec;
        var seeds = results.Runs.Where(r => r.Models.Contains(fused) && r.Models.Contains(branch) && r.Condition(condition) is not null)
            .Select(r => (r.ModelSeed, Predictions(r, condition, fused), Predictions(r, condition, branch))).ToList();
        var test = PairedComparison.Compute(fused, branch, seeds, resamples, bootstrapSeed);
        return new FusionGap(condition, fused, branch, fusion, Math.Max(raw, spec), test);
    }

    /// <summary>One run's answers as <see cref="Prediction"/>s ("no speech" as digit −1), for <see cref="PairedComparison"/>.</summary>
    static IReadOnlyList<Prediction> Predictions(RunRobustness run, RobustnessCondition condition, string model)
    {
        int k = run.Models.ToList().IndexOf(model);
        return run.Condition(condition)!.Clips.Select(c => new Prediction(c.Id, c.Truth, c.NoSpeech ? -1 : c.Predicted[k], [])).ToList();
    }

    static IReadOnlyList<GoalResult> Check(RobustnessSummary s, IReadOnlyList<RobustnessGoal> goals, RobustnessResults results)
    {
        var list = new List<GoalResult>();
        foreach (var goal in goals)
            switch (goal.Measure)
            {
                case GoalMeasure.ProbesAnsweredNoSpeech when s.Probes > 0:
                    list.Add(new GoalResult(goal.Description, goal.Target, s.ProbeNoSpeechShare, s.ProbeNoSpeechShare >= goal.Target));
                    break;
                case GoalMeasure.CleanAnsweredNoSpeech when s.Conditions.Contains(RobustnessCondition.Clean):
                    var share = NoSpeechShare(results.Runs, RobustnessCondition.Clean);
                    list.Add(new GoalResult(goal.Description, goal.Target, share, share <= goal.Target));
                    break;
                case GoalMeasure.AccuracyUnder:
                    var condition = s.Conditions.FirstOrDefault(c => c.Key == goal.ConditionKey);
                    if (condition is null) break;
                    foreach (var model in s.Models)
                        if (s.Accuracy(model, condition) is { } a)
                            list.Add(new GoalResult(goal.Description, goal.Target, a.Estimate.Accuracy, a.Estimate.Accuracy >= goal.Target, model));
                    break;
            }
        return list;
    }
}
