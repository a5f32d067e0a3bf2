using SpokenDigits.Evaluation;
using SpokenDigits.Runs;
using static SpokenDigits.Analysis.ReportFormat;

namespace SpokenDigits.Analysis;

/// <summary>One model of one run in a comparison of runs that differ in their settings (an ablation of the augmentation,
/// say): the validation accuracy it was chosen by, its FSDD test accuracy, and its accuracy on each test-only corpus the
/// run was evaluated on.</summary>
/// <param name="Run">The run folder's name.</param>
/// <param name="Augmentation">The run's augmentation in words ("off" when none).</param>
/// <param name="BestValidation">Validation accuracy of the epoch whose weights were kept.</param>
/// <param name="Corpora">Accuracy per evaluation name (absent: not evaluated).</param>
public sealed record RunComparisonRow(string Run, string Model, string Augmentation, int Epochs, double? BestValidation, double? Test,
    IReadOnlyDictionary<string, double> Corpora);

/// <summary>Runs side by side (<c>spokendigits compare</c>), every number read from the runs' saved results.</summary>
public static class RunComparisonTable
{
    /// <summary>A row per model of each run, in the order given.</summary>
    public static IReadOnlyList<RunComparisonRow> Rows(IReadOnlyList<RunFolder> runs)
    {
        var rows = new List<RunComparisonRow>();
        foreach (var folder in runs)
        {
            var run = folder.Load();
            var names = folder.EvaluationNames(run);
            var corpora = names.ToDictionary(n => n, n => folder.WithEvaluationAsTest(run, n));
            foreach (var m in run.Models)
            {
                var best = m.History.FirstOrDefault(h => h.Epoch == m.BestEpoch);
                rows.Add(new RunComparisonRow(Path.GetFileName(folder.Path), m.ModelName, Compact(run.Training.Augmentation),
                    run.Training.Epochs, best?.ValidationAccuracy, m.Test?.Accuracy,
                    corpora.Where(c => c.Value.Model(m.ModelName)?.Test is not null)
                        .ToDictionary(c => c.Key, c => c.Value.Model(m.ModelName)!.Test!.Accuracy)));
            }
        }
        return rows;
    }

    /// <summary>The augmentation as train's options would give it: "--speed 0.85,1.15 --corrupt all", "shift and noise only", "off".</summary>
    public static string Compact(Training.AugmentationSettings? augmentation)
    {
        if (augmentation is null) return "off";
        var parts = new List<string>();
        if (augmentation.PerturbsSpeed) parts.Add(FormattableString.Invariant($"--speed {augmentation.MinSpeed},{augmentation.MaxSpeed}"));
        if (augmentation.CorruptionsOrNone.AnyOn) parts.Add("--corrupt " + augmentation.CorruptionsOrNone.Label);
        return parts.Count == 0 ? "shift and noise only" : "shift and noise, " + string.Join(" ", parts);
    }

    /// <summary>The rows as a table; with <paramref name="reference"/> (a run name) each accuracy also shows its difference
    /// from the same model in that run, in points.</summary>
    public static ReportTable Table(IReadOnlyList<RunComparisonRow> rows, string? reference = null)
    {
        var corpora = rows.SelectMany(r => r.Corpora.Keys).Distinct().Order(StringComparer.Ordinal).ToList();
        string Cell(RunComparisonRow row, Func<RunComparisonRow, double?> value)
        {
            if (value(row) is not { } v) return "–";
            var baseline = reference is null || row.Run == reference ? null : rows.FirstOrDefault(r => r.Run == reference && r.Model == row.Model);
            return baseline is not null && value(baseline) is { } b ? $"{Percent(v)} ({Points(v - b)})" : Percent(v);
        }
        return new ReportTable(
            reference is null ? "Runs side by side" : $"Runs side by side (in brackets: accuracy points against run {reference})",
            ["Run", "Model", "Epochs", "Augmentation", "Validation (kept epoch)", "FSDD test", .. corpora],
            rows.Select(r => (IReadOnlyList<string>)[r.Run, r.Model, Int(r.Epochs), r.Augmentation, r.BestValidation is { } v ? Percent(v) : "–",
                Cell(r, x => x.Test), .. corpora.Select(c => Cell(r, x => x.Corpora.TryGetValue(c, out var a) ? a : null))]).ToList());
    }
}
