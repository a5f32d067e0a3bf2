using System.Globalization;
using System.Text;
using SpokenDigits.Analysis.EarlierMethods;

namespace SpokenDigits.Rendering;

/// <summary>The earlier-methods comparison as Markdown: the table (ours beside the assignment's AudioMNIST numbers),
/// the dataset difference, and the findings.</summary>
public static class EarlierMethodsMarkdown
{
    public static string Render(EarlierMethodsSummary summary, string command)
    {
        var md = new StringBuilder();
        md.AppendLine("# The course's earlier methods beside the fusion study");
        md.AppendLine();
        md.AppendLine($"Command: `{command}`");
        md.AppendLine();
        var corpora = summary.TestCorpora.Select(c => c.Name).ToList();
        md.AppendLine("| Method | Model | Parameters | Seeds | Test accuracy (ours, FSDD) | Macro-F1 | " +
            string.Concat(corpora.Select(c => $"{c} (test-only) | ")) + "Assignment (AudioMNIST) |");
        md.AppendLine("|---|---|---:|---:|---:|---:|" + string.Concat(corpora.Select(_ => "---:|")) + "---:|");
        foreach (var r in summary.Rows)
            md.AppendLine($"| {r.Label} | `{r.Model}` | {r.Parameters.ToString("N0", CultureInfo.InvariantCulture)} | {r.Accuracy.Count} | " +
                $"{Pct(r.Accuracy.Mean)} ± {Pct(r.Accuracy.Std)} | {r.MacroF1.Mean.ToString("F3", CultureInfo.InvariantCulture)} | " +
                string.Concat(corpora.Select(c => (r.TestCorpora.TryGetValue(c, out var a) ? $"{Pct(a.Mean)} ± {Pct(a.Std)}" : "–") + " | ")) +
                $"{(r.Assignment is { } a ? Pct(a) : "–")} |");
        md.AppendLine();
        md.AppendLine(summary.DatasetNote);
        md.AppendLine();
        foreach (var f in summary.Findings) md.AppendLine($"- {f}");
        return md.ToString();
    }

    static string Pct(double accuracy) => (accuracy * 100).ToString("F2", CultureInfo.InvariantCulture) + " %";
}
