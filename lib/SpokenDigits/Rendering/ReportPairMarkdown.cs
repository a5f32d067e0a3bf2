using System.Globalization;
using System.Text;
using SpokenDigits.Analysis;

namespace SpokenDigits.Rendering;

/// <summary><see cref="ReportPairComparison"/> as Markdown: a table per test set and one sentence per model.</summary>
public static class ReportPairMarkdown
{
    public static string Render(IReadOnlyList<ReportPairRow> rows, string baselineLabel, string changedLabel, string command)
    {
        var md = new StringBuilder();
        md.AppendLine(CultureInfo.InvariantCulture, $"# {changedLabel} against {baselineLabel}");
        md.AppendLine();
        md.AppendLine("Paired by seed on the same recordings. Difference: the pooled bootstrap over recordings (each recording's share of " +
            "seeds it was right in), 95 % interval; McNemar: seeds where one side was significantly (p < 0.05) more often right.");
        foreach (var set in rows.GroupBy(r => r.TestSet))
        {
            md.AppendLine();
            md.AppendLine(CultureInfo.InvariantCulture, $"## {set.Key}");
            md.AppendLine();
            md.AppendLine(CultureInfo.InvariantCulture, $"| Model | Seeds | {baselineLabel} | {changedLabel} | Difference [95 % CI] | McNemar: seeds for {changedLabel} / for {baselineLabel} |");
            md.AppendLine("|---|---:|---:|---:|---:|---:|");
            foreach (var r in set)
            {
                var pooled = r.Paired.Pooled;
                md.AppendLine(CultureInfo.InvariantCulture, $"| {r.Label} | {r.Changed.Count} | {Pct(r.Baseline)} | {Pct(r.Changed)} | " +
                    $"{Points(r.Difference)}{(pooled is null ? "" : $" [{Points(pooled.Lower)}, {Points(pooled.Upper)}]")} | " +
                    $"{r.Paired.SeedsSignificantForA} / {r.Paired.SeedsSignificantForB} |");
            }
            AppendPerDigit(md, set.ToList(), baselineLabel, changedLabel);
        }
        md.AppendLine();
        foreach (var r in rows)
        {
            var pooled = r.Paired.Pooled;
            string verdict = pooled is null ? "no paired recordings"
                : pooled.Lower > 0 ? "a gain beyond chance" : pooled.Upper < 0 ? "a loss beyond chance" : "not significant";
            md.AppendLine(r.BaselineModel == r.Model
                ? $"- {r.Model} on {r.TestSet}: {Points(r.Difference)} points with {changedLabel} ({verdict})."
                : $"- {r.Model} ({changedLabel}) against {r.BaselineModel} ({baselineLabel}) on {r.TestSet}: {Points(r.Difference)} points ({verdict}).");
        }
        md.AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture, $"Command: `{command}`");
        return md.ToString();
    }

    /// <summary>For which digits: each row's F1 difference per digit (changed − baseline within a seed, mean ± std over seeds),
    /// with both sides' mean F1; descriptive, no test.</summary>
    static void AppendPerDigit(StringBuilder md, IReadOnlyList<ReportPairRow> rows, string baselineLabel, string changedLabel)
    {
        md.AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture, $"Per-digit F1, {changedLabel} − {baselineLabel} within each seed (mean ± std over seeds; in brackets both sides' mean F1); descriptive:");
        md.AppendLine();
        md.AppendLine("| Digit | " + string.Join(" | ", rows.Select(r => r.Label)) + " |");
        md.AppendLine("|---|" + string.Concat(rows.Select(_ => "---:|")));
        foreach (var (label, c) in rows[0].PerDigit.Select((d, c) => (d.Label, c)))
            md.AppendLine($"| {label} | " + string.Join(" | ", rows.Select(r => r.PerDigit[c]).Select(d =>
                FormattableString.Invariant($"{Signed(d.Difference.Mean)} ± {d.Difference.Std:F3} ({d.Baseline.Mean:F3} → {d.Changed.Mean:F3})"))) + " |");
    }

    static string Signed(double x) => x.ToString("+0.000;−0.000;0.000", CultureInfo.InvariantCulture);

    static string Pct(MeanStd m) => string.Create(CultureInfo.InvariantCulture, $"{m.Mean * 100:F2} ± {m.Std * 100:F2} %");
    static string Points(double d) => (d >= 0 ? "+" : "−") + Math.Abs(d * 100).ToString("F2", CultureInfo.InvariantCulture);
}
