using SpokenDigits.Models;
using System.Text.Json.Serialization;
using SpokenDigits.Runs;

namespace SpokenDigits.Analysis.Ablation;

/// <summary>Every number the ablation report shows (saved as ablation.json), computed from the runs only.</summary>
/// <param name="Seeds">The official-split seeds of the report's runs.</param>
/// <param name="BestSingle">The single-branch model with the higher mean test accuracy.</param>
/// <param name="BestFusion">The fused model (baseline or variant) with the highest mean test accuracy among those run on the most seeds.</param>
/// <param name="ChosenOnValidation">The fused model with the highest mean validation accuracy among those run on the most seeds:
/// the pick made without the test part (<see cref="OfficialRows.ChosenOnValidation"/>).</param>
/// <param name="Official">Singles, baseline, then variants.</param>
/// <param name="Diagnostics">Per fused model that stored them: each branch alone.</param>
/// <param name="Curves">Branch-alone accuracies per epoch of the best fusion and the baseline.</param>
/// <param name="Weights">Mean raw-branch weight per digit of every gated or attention model.</param>
/// <param name="Complementarity">Per fused model: recordings exactly one single model gets right, and both miss.</param>
/// <param name="DigitGains">Per digit, best fusion F1 − best single F1 within each seed, then mean ± std.</param>
/// <param name="Loso">Leave one speaker out, when the report has it.</param>
/// <param name="Goals">The goals the study set itself in its manifest, met or not (empty when it set none).</param>
/// <param name="Notes">Runs left out and why.</param>
public sealed record AblationSummary(
    string Folder,
    IReadOnlyList<int> Seeds,
    int Epochs,
    int? Subset,
    string? BestSingle,
    string? BestFusion,
    string? ChosenOnValidation,
    IReadOnlyList<AblationRow> Official,
    IReadOnlyList<BranchDiagnostics> Diagnostics,
    IReadOnlyList<BranchCurve> Curves,
    IReadOnlyList<DigitWeights> Weights,
    IReadOnlyList<Complementarity> Complementarity,
    IReadOnlyList<DigitGain>? DigitGains,
    LosoTable? Loso,
    IReadOnlyList<AblationGoal> Goals,
    IReadOnlyList<string> Notes)
{
    public AblationRow? Row(string? name) => Official.FirstOrDefault(r => r.Name == name);

    [JsonIgnore] public AblationRow? Baseline => Official.FirstOrDefault(r => r.Kind == ContenderKind.Baseline);

    public BranchDiagnostics? Diagnosis(string? name) => Diagnostics.FirstOrDefault(d => d.Name == name);

    public Complementarity? ComplementarityOf(string? name) => Complementarity.FirstOrDefault(c => c.Name == name);

    public DigitWeights? WeightsOf(string? name) => Weights.FirstOrDefault(w => w.Name == name);

    public static AblationSummary From(AblationRuns runs, int resamples = 10000, int bootstrapSeed = 20240601)
    {
        var contenders = runs.Contenders;
        var bestSingle = OfficialRows.BestSingle(contenders);
        var bestFusion = OfficialRows.BestFusion(contenders);
        var official = OfficialRows.Compute(contenders, bestSingle, resamples, bootstrapSeed);
        var fused = contenders.Where(c => c.IsFused && c.Seeds.Count > 0).ToList();
        var raw = runs.Contender(ModelNames.Raw);
        var spec = runs.Contender(ModelNames.Spec);
        var baseline = contenders.FirstOrDefault(c => c.Kind == ContenderKind.Baseline);
        var curves = new[] { bestFusion, baseline }.Where(c => c is not null).Distinct()
            .Select(c => BranchDiagnosis.Curve(c!)).Where(c => c is not null).Select(c => c!).ToList();
        var loso = LosoTable.Of(contenders, resamples, bootstrapSeed);
        return new AblationSummary(ReportFormat.FolderShown(runs.Folder),
            runs.Report?.Seeds ?? contenders.SelectMany(c => c.Seeds.Select(s => s.Seed)).Distinct().Order().ToList(),
            runs.First.Training.Epochs, runs.Report?.Subset,
            bestSingle?.Name, bestFusion?.Name, OfficialRows.ChosenOnValidation(contenders)?.Name, official,
            fused.Select(BranchDiagnosis.Of).Where(d => d is not null).Select(d => d!).ToList(),
            curves,
            fused.Select(BranchDiagnosis.Weights).Where(w => w is not null).Select(w => w!).ToList(),
            raw is null || spec is null ? [] : fused.Select(c => Ablation.Complementarity.Of(c, raw, spec)).Where(c => c.PerSeed.Count > 0).ToList(),
            bestFusion is null || bestSingle is null ? null : DigitGainsOf(bestFusion, bestSingle),
            loso,
            AblationGoals.Check(runs.Manifest?.Goals, official, bestSingle?.Name, bestFusion?.Name, loso),
            runs.Notes);
    }

    /// <summary>Per digit, within each seed both finished: F1 of <paramref name="fusion"/> − F1 of <paramref name="single"/>.</summary>
    public static IReadOnlyList<DigitGain>? DigitGainsOf(AblationContender fusion, AblationContender single)
    {
        var perSeed = fusion.Seeds.Where(s => single.Seed(s.Seed) is not null).Select(s =>
        {
            var f = s.Model.Test!.PerClass;
            var b = single.Seed(s.Seed)!.Model.Test!.PerClass;
            return f.Select((c, i) => c.F1 - b[i].F1).ToArray();
        }).ToList();
        if (perSeed.Count == 0) return null;
        var labels = fusion.Seeds[0].Model.Test!.PerClass.Select(c => c.Label).ToList();
        return labels.Select((label, c) => new DigitGain(label, MeanStd.Of(perSeed.Select(g => g[c])),
            perSeed.Count(g => g[c] > 0), perSeed.Count(g => g[c] < 0))).ToList();
    }
}
