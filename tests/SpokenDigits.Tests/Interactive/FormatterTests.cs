using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.DotNet.Interactive.Formatting;

using SpokenDigits.Charts;
using SpokenDigits.Evaluation;
using SpokenDigits.Interactive;
using SpokenDigits.Training;
using static SpokenDigits.Tests.Charts.ChartFixtures;

namespace SpokenDigits.Tests.Interactive;

// Formatter state is process-wide: keep these tests in one non-parallel collection.
[CollectionDefinition(nameof(FormatterCollection), DisableParallelization = true)]
public class FormatterCollection;

[Collection(nameof(FormatterCollection))]
public class FormatterTests
{
    public FormatterTests() => SpokenDigitsFormatters.Register();

    [Fact]
    public void Register_is_idempotent()
    {
        SpokenDigitsFormatters.Register();
        SpokenDigitsFormatters.Register();
        Assert.Equal(["text/html"], Formatter.GetPreferredMimeTypesFor(typeof(ConfusionMatrix)));
    }

    [Fact]
    public void ConfusionMatrix_html_is_a_table_of_counts_with_the_diagonal_marked()
    {
        var cm = Confusion();
        string html = cm.ToDisplayString("text/html");
        Assert.Contains("<table", html);
        Assert.Equal(10, Regex.Matches(html, "class=\"diag\"").Count);
        Assert.Matches("class=\"diag\"[^>]*>17</td>", html);  // 9 → 9
        Assert.Matches("class=\"off\"[^>]*>4</td>", html);    // 3 → 8
        Assert.Contains("text/html", Formatter.GetPreferredMimeTypesFor(cm.GetType()));
        Assert.DoesNotContain("<table", cm.ToDisplayString("text/plain"));
    }

    [Fact]
    public void ClassificationReport_html_has_accuracy_macroF1_and_per_class_rows()
    {
        var report = ClassificationReport.From(Confusion());
        string html = report.ToDisplayString("text/html");
        Assert.Contains("<table", html);
        Assert.Contains(report.Accuracy.ToString("0.0000", System.Globalization.CultureInfo.InvariantCulture), html);
        Assert.Contains(report.MacroF1.ToString("0.0000", System.Globalization.CultureInfo.InvariantCulture), html);
        Assert.Contains("precision", html);
        Assert.Contains("support", html);
        Assert.Equal(10, Regex.Matches(html[html.IndexOf("<tbody>", StringComparison.Ordinal)..], "<tr>").Count);
    }

    [Fact]
    public void ModelResult_html_summarises_the_run_and_failures()
    {
        var ok = Result("SpecOnlyModel", (3, 2));
        string html = ok.ToDisplayString("text/html");
        Assert.Contains("SpecOnlyModel", html);
        Assert.Contains("12,345", html);
        Assert.Contains("best epoch", html);
        Assert.Contains("macro-F1", html);

        var failed = new ModelResult("RawOnlyModel", 99, History(2), 1, null, [], "loss became NaN at epoch 3");
        string failedHtml = failed.ToDisplayString("text/html");
        Assert.Contains("failed: loss became NaN at epoch 3", failedHtml);
        Assert.Contains("failed", failed.ToDisplayString("text/plain"));
        Assert.Contains("text/html", Formatter.GetPreferredMimeTypesFor(typeof(ModelResult)));
    }

    [Fact]
    public void Histories_render_as_tables_for_lists_and_arrays()
    {
        IReadOnlyList<EpochRecord> list = History(3);
        EpochRecord[] array = [.. list];
        foreach (object value in new object[] { list, array })
        {
            Assert.Contains("text/html", Formatter.GetPreferredMimeTypesFor(value.GetType()));
            string html = value.ToDisplayString("text/html");
            Assert.Contains("<table class=\"sd-history\"", html);
            Assert.Equal(3 + 1, Regex.Matches(html, "<tr").Count);
        }
    }

    [Fact]
    public void Charts_render_as_html_fragment_and_plotly_json()
    {
        PlotlyChart chart = PerClassF1Chart.Grouped(ThreeModels());
        var mimes = Formatter.GetPreferredMimeTypesFor(chart.GetType());
        Assert.Contains("text/html", mimes);
        Assert.Contains("application/vnd.plotly.v1+json", mimes);

        string html = chart.ToDisplayString("text/html");
        Assert.Contains("<div id=\"sd-chart-", html);
        Assert.Contains("newPlot", html);
        Assert.DoesNotContain("<script src", html, StringComparison.OrdinalIgnoreCase);

        using var doc = JsonDocument.Parse(chart.ToDisplayString("application/vnd.plotly.v1+json"));
        Assert.Equal(3, doc.RootElement.GetProperty("data").GetArrayLength());
        Assert.Equal("bar", doc.RootElement.GetProperty("data")[0].GetProperty("type").GetString());

        Assert.Contains("bar", chart.ToDisplayString("text/plain"));
    }

    [Fact]
    public void AudioPlayer_html_embeds_a_wav_data_uri()
    {
        float[] samples = Enumerable.Range(0, 800).Select(i => (float)Math.Sin(i * 0.3)).ToArray();
        var player = AudioPlayer.FromSamples(samples, 8000, "a <sine>");
        string html = player.ToDisplayString("text/html");
        Assert.Contains("<audio controls", html);
        Assert.Contains("a &lt;sine&gt;", html);
        var base64 = Regex.Match(html, "src=\"data:audio/wav;base64,([A-Za-z0-9+/=]+)\"").Groups[1].Value;
        byte[] wav = Convert.FromBase64String(base64);
        Assert.Equal("RIFF", System.Text.Encoding.ASCII.GetString(wav, 0, 4));
        Assert.Equal("WAVE", System.Text.Encoding.ASCII.GetString(wav, 8, 4));
        Assert.Equal(44 + 2 * samples.Length, wav.Length);
        Assert.Equal(wav.Length - 8, BitConverter.ToInt32(wav, 4));
        Assert.Equal(8000, BitConverter.ToInt32(wav, 24));
        Assert.Equal((short)16, BitConverter.ToInt16(wav, 34));
        Assert.Equal(2 * samples.Length, BitConverter.ToInt32(wav, 40));
        Assert.Equal((short)Math.Round(samples[5] * short.MaxValue), BitConverter.ToInt16(wav, 44 + 2 * 5));
        Assert.Contains("text/html", Formatter.GetPreferredMimeTypesFor(typeof(AudioPlayer)));
    }
}
