using System.Globalization;
using System.Net;
using System.Text;
using SpokenDigits.Analysis;

namespace SpokenDigits.Rendering;

/// <summary>Self-contained HTML tables (inline styles, no scripts) of a <see cref="Comparison"/>, for notebooks and pages.</summary>
public static class ComparisonTables
{
    static readonly CultureInfo Inv = CultureInfo.InvariantCulture;
    const string TableStyle = "border-collapse:collapse;font-variant-numeric:tabular-nums;font-size:13px;margin:4px 0";
    const string Th = "<th style=\"border:1px solid #ccd;padding:3px 8px;background:#eef1f5;text-align:center\">";
    const string Td = "<td style=\"border:1px solid #dde;padding:3px 8px;text-align:right\">";
    const string TdLeft = "<td style=\"border:1px solid #dde;padding:3px 8px;text-align:left\">";
    const string TdBest = "<td style=\"border:1px solid #dde;padding:3px 8px;text-align:right;font-weight:700;background:#e3f2e1\">";

    /// <summary>Model, parameters, epochs run, best epoch, test accuracy and macro-F1 (the best of each column in bold).</summary>
    public static string Summary(Comparison c)
    {
        var ok = c.Rows.Where(r => r.Accuracy is not null).ToList();
        double? bestAcc = ok.Count == 0 ? null : ok.Max(r => r.Accuracy);
        double? bestF1 = ok.Count == 0 ? null : ok.Max(r => r.MacroF1);
        var sb = Open("Test results by model", "model", "parameters", "epochs", "best epoch", "test n", "accuracy", "macro-F1");
        foreach (var r in c.Rows)
        {
            sb.Append("<tr>").Append(TdLeft).Append(E(r.Model)).Append("</td>")
              .Append(Td).Append(r.Parameters.ToString("N0", Inv)).Append("</td>")
              .Append(Td).Append(r.EpochsRun.ToString(Inv)).Append("</td>")
              .Append(Td).Append(r.BestEpoch.ToString(Inv)).Append("</td>")
              .Append(Td).Append(r.TestCount.ToString(Inv)).Append("</td>");
            if (r.Accuracy is { } acc && r.MacroF1 is { } f1)
                sb.Append(acc == bestAcc ? TdBest : Td).Append(Comparison.P(acc)).Append("</td>")
                  .Append(f1 == bestF1 ? TdBest : Td).Append(Comparison.F3(f1)).Append("</td>");
            else
                sb.Append("<td colspan=\"2\" style=\"border:1px solid #dde;padding:3px 8px;color:#c62828\">failed: ").Append(E(r.Failure ?? "?")).Append("</td>");
            sb.Append("</tr>");
        }
        return Close(sb);
    }

    /// <summary>Per-digit F1 of raw, spec and fusion, the gain of fusion over the better branch, coloured by sign.</summary>
    public static string PerClass(Comparison c)
    {
        if (!c.IsComplete) return Missing(c);
        var sb = Open("Per-digit test F1 and the gain of fusion over the better single branch",
            "digit", "raw", "spec", "fusion", "better branch", "gain");
        foreach (var g in c.Gains)
        {
            double top = Math.Max(g.Fusion, g.BestBranchF1);
            if (top <= 0) top = double.NaN;   // nothing to highlight when every model scores 0
            string colour = g.Gain > c.Tolerance ? "#2a7d2a" : g.Gain < -c.Tolerance ? "#c62828" : "#555";
            sb.Append("<tr>").Append(Th).Append(E(g.Label)).Append("</th>")
              .Append(g.Raw == top ? TdBest : Td).Append(Comparison.F3(g.Raw)).Append("</td>")
              .Append(g.Spec == top ? TdBest : Td).Append(Comparison.F3(g.Spec)).Append("</td>")
              .Append(g.Fusion == top ? TdBest : Td).Append(Comparison.F3(g.Fusion)).Append("</td>")
              .Append(TdLeft).Append(g.BetterBranch).Append("</td>")
              .Append($"<td style=\"border:1px solid #dde;padding:3px 8px;text-align:right;color:{colour};font-weight:600\">")
              .Append(Comparison.Signed(g.Gain, "0.000")).Append("</td></tr>");
        }
        return Close(sb);
    }

    /// <summary>The <paramref name="count"/> most confused digit pairs of each model, side by side.</summary>
    public static string TopConfusions(Comparison c, int count = 5)
    {
        var models = c.Models.Where(m => m.Test is not null).ToList();
        var tops = models.Select(m => Comparison.TopConfusions(m, count)).ToList();
        var sb = Open($"Most confused digit pairs (both directions; top {count.ToString(Inv)})", models.Select(m => m.ModelName).Prepend("rank").ToArray());
        int rows = tops.Count == 0 ? 0 : tops.Max(t => t.Count);
        if (rows == 0)
            sb.Append("<tr>").Append(TdLeft).Append("–</td><td colspan=\"").Append(models.Count.ToString(Inv)).Append("\" style=\"border:1px solid #dde;padding:3px 8px\">no confusions</td></tr>");
        for (int i = 0; i < rows; i++)
        {
            sb.Append("<tr>").Append(Th).Append((i + 1).ToString(Inv)).Append("</th>");
            foreach (var t in tops)
                sb.Append(TdLeft).Append(i < t.Count ? PairHtml(t[i]) : "").Append("</td>");
            sb.Append("</tr>");
        }
        return Close(sb);
    }

    /// <summary>Digit pairs whose confusion count differs between the better single model and fusion.</summary>
    public static string ConfusionChanges(Comparison c, int max = 10)
    {
        if (!c.IsComplete) return Missing(c);
        var sb = Open($"Confusions: {c.BestSingle!.ModelName} (better single model) vs {c.Fusion!.ModelName}",
            "pair", c.BestSingle.ModelName, c.Fusion.ModelName, "change");
        var rows = c.ReducedByFusion.Take(max).Concat(c.IncreasedByFusion.Take(max)).ToList();
        if (rows.Count == 0)
            sb.Append("<tr><td colspan=\"4\" style=\"border:1px solid #dde;padding:3px 8px\">the two models confuse every pair equally often</td></tr>");
        foreach (var r in rows)
        {
            string colour = r.Reduction > 0 ? "#2a7d2a" : "#c62828";
            sb.Append("<tr>").Append(TdLeft).Append(E($"{r.A}↔{r.B}")).Append("</td>")
              .Append(Td).Append(r.BestSingle.ToString(Inv)).Append("</td>")
              .Append(Td).Append(r.Fusion.ToString(Inv)).Append("</td>")
              .Append($"<td style=\"border:1px solid #dde;padding:3px 8px;text-align:right;color:{colour};font-weight:600\">")
              .Append(r.Reduction > 0 ? "−" + r.Reduction.ToString(Inv) : "+" + (-r.Reduction).ToString(Inv)).Append("</td></tr>");
        }
        return Close(sb);
    }

    static string PairHtml(ConfusionPair p) =>
        $"<b>{E(p.A)}↔{E(p.B)}</b> {p.Total.ToString(Inv)} <span style=\"color:#777\">({E(p.A)}→{E(p.B)} {p.AAsB.ToString(Inv)}, {E(p.B)}→{E(p.A)} {p.BAsA.ToString(Inv)})</span>";

    static string Missing(Comparison c) =>
        $"<div style=\"color:#c62828\">Needs all three models with test results; have: {E(string.Join(", ", c.Models.Where(m => m.Test is not null).Select(m => m.ModelName)))}</div>";

    static StringBuilder Open(string caption, params string[] headers)
    {
        var sb = new StringBuilder($"<table class=\"sd-comparison\" style=\"{TableStyle}\">");
        sb.Append("<caption style=\"text-align:left;font-weight:600\">").Append(E(caption)).Append("</caption><thead><tr>");
        foreach (var h in headers) sb.Append(Th).Append(E(h)).Append("</th>");
        return sb.Append("</tr></thead><tbody>");
    }

    static string Close(StringBuilder sb) => sb.Append("</tbody></table>").ToString();

    static string E(string s) => WebUtility.HtmlEncode(s);
}
