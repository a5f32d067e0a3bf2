using System.Globalization;
using System.Net;
using System.Text;
using SpokenDigits.Evaluation;
using SpokenDigits.Training;

namespace SpokenDigits.Interactive;

/// <summary>
/// Self-contained HTML (inline styles, no scripts) for the evaluation types; used by the notebook formatters
/// and usable in <see cref="Rendering.HtmlPage"/> via <c>Html(...)</c>.
/// </summary>
public static class HtmlTables
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;
    private const string TableStyle = "border-collapse:collapse;font-variant-numeric:tabular-nums;font-size:13px;margin:4px 0";
    private const string Th = "<th style=\"border:1px solid #ccd;padding:3px 8px;background:#eef1f5;text-align:center\">";
    private const string Td = "<td style=\"border:1px solid #dde;padding:3px 8px;text-align:right\">";

    /// <summary>Rows = true class, columns = predicted class; the diagonal is bold on green, off-diagonal cells are shaded by their share of the row.</summary>
    public static string ConfusionMatrix(ConfusionMatrix cm)
    {
        var sb = new StringBuilder();
        sb.Append($"<table class=\"sd-confusion\" style=\"{TableStyle}\">");
        sb.Append($"<caption style=\"text-align:left;font-weight:600\">Confusion matrix: {cm.Correct} of {cm.Total} correct (rows: true, columns: predicted)</caption>");
        sb.Append("<thead><tr>").Append(Th).Append("true \\ predicted</th>");
        foreach (string label in cm.Labels)
            sb.Append(Th).Append(E(label)).Append("</th>");
        sb.Append(Th).Append("total</th>").Append(Th).Append("recall</th></tr></thead><tbody>");
        for (int t = 0; t < cm.ClassCount; t++)
        {
            int rowTotal = cm.Counts[t].Sum();
            sb.Append("<tr>").Append(Th).Append(E(cm.Labels[t])).Append("</th>");
            for (int p = 0; p < cm.ClassCount; p++)
            {
                int c = cm.Counts[t][p];
                string style = "border:1px solid #dde;padding:3px 8px;text-align:right";
                if (t == p)
                    style += ";font-weight:700;background:#c7e9c0";
                else if (c > 0 && rowTotal > 0)
                    style += FormattableString.Invariant($";background:rgba(214,39,40,{0.12 + 0.6 * c / rowTotal:0.00})");
                else
                    style += ";color:#aaa";
                sb.Append($"<td class=\"{(t == p ? "diag" : "off")}\" style=\"{style}\">").Append(c.ToString(Inv)).Append("</td>");
            }
            sb.Append(Td).Append(rowTotal.ToString(Inv)).Append("</td>")
              .Append(Td).Append(rowTotal == 0 ? "–" : ((double)cm.Counts[t][t] / rowTotal).ToString("0.000", Inv)).Append("</td></tr>");
        }
        sb.Append("</tbody></table>");
        return sb.ToString();
    }

    /// <summary>Accuracy and macro-F1, then precision / recall / F1 / support per class.</summary>
    public static string ClassificationReport(ClassificationReport report, string? title = null)
    {
        var sb = new StringBuilder();
        sb.Append($"<table class=\"sd-report\" style=\"{TableStyle}\">");
        sb.Append("<caption style=\"text-align:left\">");
        if (title is not null)
            sb.Append("<b>").Append(E(title)).Append("</b> · ");
        sb.Append("accuracy <b>").Append(report.Accuracy.ToString("0.0000", Inv)).Append("</b> · macro-F1 <b>")
          .Append(report.MacroF1.ToString("0.0000", Inv)).Append("</b> · n = ").Append(report.Confusion.Total.ToString(Inv)).Append("</caption>");
        sb.Append("<thead><tr>").Append(Th).Append("class</th>").Append(Th).Append("precision</th>").Append(Th).Append("recall</th>")
          .Append(Th).Append("F1</th>").Append(Th).Append("support</th></tr></thead><tbody>");
        foreach (var m in report.PerClass)
            sb.Append("<tr>").Append(Th).Append(E(m.Label)).Append("</th>")
              .Append(Td).Append(m.Precision.ToString("0.000", Inv)).Append("</td>")
              .Append(Td).Append(m.Recall.ToString("0.000", Inv)).Append("</td>")
              .Append(Td).Append(m.F1.ToString("0.000", Inv)).Append("</td>")
              .Append(Td).Append(m.Support.ToString(Inv)).Append("</td></tr>");
        sb.Append("</tbody></table>");
        return sb.ToString();
    }

    /// <summary>Name, parameters, epochs, best epoch, test accuracy and macro-F1, and the failure if any; the full report folds out.</summary>
    public static string ModelResult(ModelResult r)
    {
        var sb = new StringBuilder("<div class=\"sd-model-result\" style=\"margin:4px 0\">");
        sb.Append("<div style=\"font-weight:700;font-size:15px\">").Append(E(r.ModelName)).Append("</div>");
        sb.Append($"<table style=\"{TableStyle}\"><tbody>");
        void Row(string key, string valueHtml) =>
            sb.Append("<tr><th style=\"border:1px solid #ccd;padding:3px 8px;background:#eef1f5;text-align:left\">").Append(E(key))
              .Append("</th><td style=\"border:1px solid #dde;padding:3px 8px\">").Append(valueHtml).Append("</td></tr>");
        Row("parameters", r.ParameterCount.ToString("N0", Inv));
        Row("epochs run", r.History.Count.ToString(Inv));
        var best = r.History.FirstOrDefault(h => h.Epoch == r.BestEpoch);
        Row("best epoch", r.BestEpoch.ToString(Inv) + (best is null ? "" : $" (validation accuracy {best.ValidationAccuracy.ToString("0.0000", Inv)})"));
        if (r.Test is { } test)
        {
            Row("test accuracy", "<b>" + test.Accuracy.ToString("0.0000", Inv) + "</b>");
            Row("test macro-F1", "<b>" + test.MacroF1.ToString("0.0000", Inv) + "</b>");
        }
        Row("status", r.Failure is null
            ? "<span style=\"color:#2a7d2a\">ok</span>"
            : "<span style=\"color:#c62828;font-weight:600\">failed: " + E(r.Failure) + "</span>");
        sb.Append("</tbody></table>");
        if (r.Test is { } report)
            sb.Append("<details><summary>per-class metrics and confusion matrix</summary>")
              .Append(ClassificationReport(report)).Append(ConfusionMatrix(report.Confusion)).Append("</details>");
        sb.Append("</div>");
        return sb.ToString();
    }

    /// <summary>One row per epoch; the row with the best validation accuracy is highlighted.</summary>
    public static string History(IEnumerable<EpochRecord> history)
    {
        var rows = history.ToList();
        double bestAcc = rows.Count == 0 ? double.NaN : rows.Max(h => h.ValidationAccuracy);
        var sb = new StringBuilder($"<table class=\"sd-history\" style=\"{TableStyle}\"><thead><tr>");
        foreach (string h in new[] { "epoch", "train loss", "train acc", "val loss", "val acc", "seconds" })
            sb.Append(Th).Append(h).Append("</th>");
        sb.Append("</tr></thead><tbody>");
        bool marked = false;
        foreach (var h in rows)
        {
            bool best = !marked && h.ValidationAccuracy == bestAcc;
            marked |= best;
            sb.Append(best ? "<tr style=\"background:#e3f2e1;font-weight:600\">" : "<tr>")
              .Append(Td).Append(h.Epoch.ToString(Inv)).Append("</td>")
              .Append(Td).Append(h.TrainLoss.ToString("0.0000", Inv)).Append("</td>")
              .Append(Td).Append(h.TrainAccuracy.ToString("0.0000", Inv)).Append("</td>")
              .Append(Td).Append(h.ValidationLoss.ToString("0.0000", Inv)).Append("</td>")
              .Append(Td).Append(h.ValidationAccuracy.ToString("0.0000", Inv)).Append("</td>")
              .Append(Td).Append(h.Seconds.ToString("0.0", Inv)).Append("</td></tr>");
        }
        sb.Append("</tbody></table>");
        return sb.ToString();
    }

    private static string E(string s) => WebUtility.HtmlEncode(s);
}
