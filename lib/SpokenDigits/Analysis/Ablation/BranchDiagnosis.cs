using SpokenDigits.Evaluation;
using SpokenDigits.Runs;

namespace SpokenDigits.Analysis.Ablation;

/// <summary>How each branch of one fused model does on its own, mean ± std over seeds.</summary>
/// <param name="Method">How a branch was tested alone ("auxiliary heads" or "other branch zeroed"; several joined by " / ").</param>
/// <param name="RawAlone">Test accuracy of the raw branch alone (<see cref="FusionDiagnostics.RawAloneAccuracy"/>).</param>
/// <param name="SpecAlone">Test accuracy of the spectrogram branch alone.</param>
/// <param name="FinalTrainRaw">Final epoch: the raw branch alone on training recordings (<see cref="Training.BranchAccuracies"/>).</param>
/// <param name="MeanRawWeight">Mean raw-branch fusion weight over the test recordings (gated and attention fusion only).</param>
public sealed record BranchDiagnostics(
    string Name,
    string Method,
    int Seeds,
    MeanStd RawAlone,
    MeanStd SpecAlone,
    MeanStd FinalTrainRaw,
    MeanStd FinalValidationRaw,
    MeanStd FinalTrainSpec,
    MeanStd FinalValidationSpec,
    MeanStd MeanRawWeight);

/// <summary>Per-epoch branch-alone accuracies of one fused model, each the mean over the seeds that recorded that epoch.</summary>
public sealed record BranchCurve(string Name, IReadOnlyList<BranchCurvePoint> Epochs);

public sealed record BranchCurvePoint(int Epoch, double TrainRaw, double ValidationRaw, double TrainSpec, double ValidationSpec);

/// <summary>The raw branch's mean fusion weight on each true digit's test recordings: per seed, then mean ± std over seeds.</summary>
public sealed record DigitWeights(string Name, IReadOnlyList<string> Labels, IReadOnlyList<MeanStd> RawWeight, MeanStd Overall);

/// <summary>Reads the branch diagnostics that training and testing stored with each fused model.</summary>
public static class BranchDiagnosis
{
    /// <summary>Null when none of the model's runs carries diagnostics (runs saved before they were recorded).</summary>
    public static BranchDiagnostics? Of(AblationContender fused)
    {
        var runs = fused.Seeds.Where(s => s.Model.Fusion is not null).ToList();
        if (runs.Count == 0) return null;
        var last = fused.Seeds.Select(s => s.Model.History.LastOrDefault()?.Branches).Where(b => b is not null).Select(b => b!).ToList();
        return new BranchDiagnostics(fused.Name,
            string.Join(" / ", runs.Select(s => s.Model.Fusion!.BranchMethod).Distinct()),
            runs.Count,
            MeanStd.Of(runs.Select(s => s.Model.Fusion!.RawAloneAccuracy)),
            MeanStd.Of(runs.Select(s => s.Model.Fusion!.SpecAloneAccuracy)),
            MeanStd.Of(last.Select(b => b.TrainRaw)),
            MeanStd.Of(last.Select(b => b.ValidationRaw)),
            MeanStd.Of(last.Select(b => b.TrainSpec)),
            MeanStd.Of(last.Select(b => b.ValidationSpec)),
            MeanStd.Of(runs.Where(s => s.Model.Fusion!.RawWeights is { Length: > 0 }).Select(s => s.Model.Fusion!.RawWeights!.Average(w => (double)w))));
    }

    /// <summary>Null when no epoch of any seed recorded branch accuracies.</summary>
    public static BranchCurve? Curve(AblationContender fused)
    {
        var points = fused.Seeds.SelectMany(s => s.Model.History).Where(h => h.Branches is not null)
            .GroupBy(h => h.Epoch).OrderBy(g => g.Key)
            .Select(g => new BranchCurvePoint(g.Key, g.Average(h => h.Branches!.TrainRaw), g.Average(h => h.Branches!.ValidationRaw),
                g.Average(h => h.Branches!.TrainSpec), g.Average(h => h.Branches!.ValidationSpec))).ToList();
        return points.Count == 0 ? null : new BranchCurve(fused.Name, points);
    }

    /// <summary>Null for models without per-recording weights (concat fusion, or runs without diagnostics). Weights are matched
    /// to recordings by position: <see cref="FusionDiagnostics.RawWeights"/> is in the order of the predictions.</summary>
    public static DigitWeights? Weights(AblationContender fused)
    {
        var runs = fused.Seeds.Where(s => s.Model.Fusion?.RawWeights is { } w && w.Length == s.Model.Predictions.Count && w.Length > 0).ToList();
        if (runs.Count == 0) return null;
        var labels = runs[0].Model.Test!.Confusion.Labels;
        var perSeed = runs.Select(s =>
        {
            var w = s.Model.Fusion!.RawWeights!;
            var p = s.Model.Predictions;
            return labels.Select((_, digit) =>
            {
                var mine = Enumerable.Range(0, p.Count).Where(i => p[i].Truth == digit).Select(i => (double)w[i]).ToList();
                return mine.Count == 0 ? double.NaN : mine.Average();
            }).ToArray();
        }).ToList();
        return new DigitWeights(fused.Name, labels,
            labels.Select((_, digit) => MeanStd.Of(perSeed.Select(x => x[digit]).Where(double.IsFinite))).ToList(),
            MeanStd.Of(runs.Select(s => s.Model.Fusion!.RawWeights!.Average(x => (double)x))));
    }
}
