using System.Globalization;
using System.Net;
using System.Text;

namespace SpokenDigits.Inference;

/// <summary>Predictions as console text and as an HTML table (for notebooks).</summary>
public static class PredictionTable
{
    /// <summary>A fixed-width table: one row per model with digit, probability and top-3.</summary>
    public static string Text(FilePrediction p)
    {
        var sb = new StringBuilder();
        sb.AppendLine(Inv($"{p.Source} ({p.SampleRate} Hz, {p.DurationSeconds:0.00} s){Segment(p)}"));
        if (p.NoSpeech) return sb.AppendLine("  no speech: no word was found in the recording").ToString();
        int width = Math.Max(5, p.Models.Max(m => m.ModelName.Length));
        sb.AppendLine($"  {"Model".PadRight(width)}  Digit  Probability  Top-3");
        foreach (var m in p.Models)
            sb.AppendLine(Inv($"  {m.ModelName.PadRight(width)}  {m.Digit,5}  {m.Probability,11:P1}  {Top3(m)}"));
        return sb.ToString();
    }

    /// <summary>An HTML table with the same columns.</summary>
    public static string Html(FilePrediction p)
    {
        var sb = new StringBuilder();
        if (p.NoSpeech)
            return sb.Append("<p>").Append(WebUtility.HtmlEncode(Inv($"{Path.GetFileName(p.Source)}: {p.SampleRate} Hz, {p.DurationSeconds:0.00} s"))).Append(": <b>no speech</b> (no word was found)</p>").ToString();
        sb.Append("<table><caption>").Append(WebUtility.HtmlEncode(Inv($"{Path.GetFileName(p.Source)}: {p.SampleRate} Hz, {p.DurationSeconds:0.00} s{Segment(p)}")))
          .Append("</caption><thead><tr><th>Model</th><th>Digit</th><th>Probability</th><th>Top-3</th></tr></thead><tbody>");
        foreach (var m in p.Models)
            sb.Append("<tr><td>").Append(WebUtility.HtmlEncode(m.ModelName)).Append("</td><td><b>").Append(m.Digit)
              .Append("</b></td><td>").Append(Inv($"{m.Probability:P1}")).Append("</td><td>").Append(WebUtility.HtmlEncode(Top3(m))).Append("</td></tr>");
        return sb.Append("</tbody></table>").ToString();
    }

    static string Segment(FilePrediction p) =>
        p.Speech is { NoSpeech: false, StartSeconds: { } s, EndSeconds: { } e } ? Inv($"; word at {s:0.000}–{e:0.000} s") : "";

    static string Top3(ModelPrediction m) => string.Join(", ", m.Top3.Select(t => Inv($"{t.Digit} ({t.Probability:P1})")));

    static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
