using System.Text.Json;
using SpokenDigits.Charts;
using static SpokenDigits.Tests.Charts.ChartFixtures;

namespace SpokenDigits.Tests.Charts;

public class ConfusionMatrixChartTests
{
    [Fact]
    public void Counts_is_an_annotated_10x10_heatmap_with_digit_labels_and_reversed_y()
    {
        var cm = Confusion();
        var chart = ConfusionMatrixChart.Counts(cm, "Fusion: counts");
        var trace = Assert.Single(Traces(chart));
        Assert.Equal("heatmap", trace.GetProperty("type").GetString());
        var z = trace.GetProperty("z").EnumerateArray().Select(Numbers).ToArray();
        Assert.Equal(10, z.Length);
        Assert.All(z, row => Assert.Equal(10, row.Length));
        Assert.Equal(4, z[3][8]);
        Assert.Equal(11, z[3][3]);
        Assert.Equal(Digits, Strings(trace.GetProperty("x")));
        Assert.Equal(Digits, Strings(trace.GetProperty("y")));

        var layout = Layout(chart);
        Assert.Equal("reversed", layout.GetProperty("yaxis").GetProperty("autorange").GetString());
        Assert.Equal("predicted digit", AxisTitle(layout, "xaxis"));
        Assert.Equal("true digit", AxisTitle(layout, "yaxis"));
        Assert.Equal("Fusion: counts", layout.GetProperty("title").GetProperty("text").GetString());
        var annotations = layout.GetProperty("annotations").EnumerateArray().ToArray();
        Assert.Equal(100, annotations.Length);
        var cell = annotations.Single(a => a.GetProperty("y").GetString() == "3" && a.GetProperty("x").GetString() == "8");
        Assert.Equal("4", cell.GetProperty("text").GetString());
    }

    [Fact]
    public void RowNormalised_shows_row_shares_as_percentages()
    {
        var chart = ConfusionMatrixChart.RowNormalised(Confusion(), "normalised");
        var trace = Assert.Single(Traces(chart));
        var z = trace.GetProperty("z").EnumerateArray().Select(Numbers).ToArray();
        Assert.Equal(11.0 / 15, z[3][3], 3);
        Assert.All(z, row => Assert.Equal(1.0, row.Sum(), 3));
        Assert.Equal(1.0, trace.GetProperty("zmax").GetDouble());
        var annotations = Layout(chart).GetProperty("annotations").EnumerateArray().ToArray();
        Assert.Equal(100, annotations.Length);
        var cell = annotations.Single(a => a.GetProperty("y").GetString() == "3" && a.GetProperty("x").GetString() == "3");
        Assert.Equal("73%", cell.GetProperty("text").GetString());
    }

    [Theory]
    [InlineData(0.0, "0")]
    [InlineData(1.0, "100%")]
    [InlineData(0.0512, "5.1%")]
    [InlineData(0.7333, "73%")]
    public void Percent_labels(double v, string expected) => Assert.Equal(expected, ConfusionMatrixChart.FormatPercent(v));
}

public class BarChartTests
{
    [Fact]
    public void PerClassF1_has_one_bar_trace_per_model_over_the_digits()
    {
        var results = ThreeModels();
        var chart = PerClassF1Chart.Grouped(results);
        var traces = Traces(chart);
        Assert.Equal(3, traces.Length);
        Assert.All(traces, t => Assert.Equal("bar", t.GetProperty("type").GetString()));
        Assert.Equal(["RawOnlyModel", "SpecOnlyModel", "TwoStreamFusionModel"], traces.Select(t => t.GetProperty("name").GetString()));
        Assert.All(traces, t => Assert.Equal(Digits, Strings(t.GetProperty("x"))));
        var rawF1 = Numbers(traces[0].GetProperty("y"));
        Assert.Equal(results[0].Test!.PerClass[1].F1, rawF1[1], 3);
        Assert.Equal(1.0, rawF1[5], 3);
        var layout = Layout(chart);
        Assert.Equal("group", layout.GetProperty("barmode").GetString());
        Assert.Equal("F1", AxisTitle(layout, "yaxis"));
        Assert.Equal("digit", AxisTitle(layout, "xaxis"));
    }

    [Fact]
    public void PerClassF1_leaves_out_failed_runs()
    {
        var results = ThreeModels().Append(new SpokenDigits.Evaluation.ModelResult("Broken", 1, [], 0, null, [], "loss became NaN")).ToList();
        Assert.Equal(3, Traces(PerClassF1Chart.Grouped(results)).Length);
    }

    [Fact]
    public void FusionGain_is_fusion_minus_the_better_branch_coloured_by_sign()
    {
        string[] labels = ["0", "1", "2"];
        double[] fusion = [0.9, 0.7, 0.8], raw = [0.8, 0.75, 0.5], spec = [0.85, 0.6, 0.8];
        var gains = FusionGainChart.Gains(fusion, raw, spec);
        Assert.Equal([0.05, -0.05, 0.0], gains.Select(g => Math.Round(g, 6)));

        var chart = FusionGainChart.PerClass(labels, fusion, raw, spec);
        var trace = Assert.Single(Traces(chart));
        Assert.Equal("bar", trace.GetProperty("type").GetString());
        Assert.Equal(labels, Strings(trace.GetProperty("x")));
        Assert.Equal([0.05, -0.05, 0.0], Numbers(trace.GetProperty("y")));
        var colours = Strings(trace.GetProperty("marker").GetProperty("color"));
        Assert.Equal(colours[0], colours[2]);
        Assert.NotEqual(colours[0], colours[1]);
        var yaxis = Layout(chart).GetProperty("yaxis");
        Assert.True(yaxis.GetProperty("zeroline").GetBoolean());
    }

    [Fact]
    public void FusionGain_from_results_finds_models_by_name()
    {
        var chart = FusionGainChart.PerClass(ThreeModels());
        var y = Numbers(Assert.Single(Traces(chart)).GetProperty("y"));
        Assert.Equal(10, y.Length);
        Assert.True(y[9] < 0);  // fusion errs on 9, the branches do not
        Assert.Equal(0.0, y[5]);   // nobody errs on 5
        Assert.True(y[0] < 0);     // fusion's mistakes on 9 land on 0
        Assert.Throws<ArgumentException>(() => FusionGainChart.PerClass(ThreeModels().Take(2).ToList()));
    }

    [Fact]
    public void ModelComparison_has_accuracy_and_macroF1_per_model()
    {
        var results = ThreeModels();
        var traces = Traces(ModelComparisonChart.AccuracyAndMacroF1(results));
        Assert.Equal(["accuracy", "macro-F1"], traces.Select(t => t.GetProperty("name").GetString()));
        Assert.All(traces, t => Assert.Equal("bar", t.GetProperty("type").GetString()));
        Assert.Equal(results.Select(r => r.ModelName), Strings(traces[0].GetProperty("x")));
        Assert.Equal(results[2].Test!.Accuracy, Numbers(traces[0].GetProperty("y"))[2], 3);
    }
}

public class LineChartTests
{
    [Fact]
    public void TrainingCurve_has_loss_and_accuracy_panels_with_train_and_validation()
    {
        var history = History(6);
        var chart = TrainingCurveChart.For("SpecOnlyModel", history);
        var traces = Traces(chart);
        Assert.Equal(4, traces.Length);
        Assert.All(traces, t => Assert.Equal("scatter", t.GetProperty("type").GetString()));
        Assert.Equal(["y", "y", "y2", "y2"], traces.Select(t => t.GetProperty("yaxis").GetString()));
        Assert.Equal([1, 2, 3, 4, 5, 6], Numbers(traces[0].GetProperty("x")));
        Assert.Equal(history[2].ValidationLoss, Numbers(traces[1].GetProperty("y"))[2], 4);
        Assert.Equal(history[5].ValidationAccuracy, Numbers(traces[3].GetProperty("y"))[5], 4);
        var layout = Layout(chart);
        Assert.Equal("loss", AxisTitle(layout, "yaxis"));
        Assert.Equal("accuracy", AxisTitle(layout, "yaxis2"));
        Assert.Equal("epoch", AxisTitle(layout, "xaxis2"));
        Assert.Contains("SpecOnlyModel", layout.GetProperty("title").GetProperty("text").GetString());
        // best validation accuracy is epoch 5 (the last one dips)
        Assert.Contains(layout.GetProperty("shapes").EnumerateArray(), s => s.GetProperty("x0").GetDouble() == 5);
    }

    [Fact]
    public void TrainingCurve_compare_draws_validation_accuracy_per_model()
    {
        var traces = Traces(TrainingCurveChart.Compare(ThreeModels()));
        Assert.Equal(3, traces.Length);
        Assert.Equal("TwoStreamFusionModel", traces[2].GetProperty("name").GetString());
        Assert.Equal(History()[0].ValidationAccuracy, Numbers(traces[0].GetProperty("y"))[0], 4);
    }

    [Fact]
    public void Waveform_downsampling_keeps_at_most_2000_points_and_the_envelope()
    {
        const int rate = 8000;
        var rng = new Random(7);
        float[] samples = Enumerable.Range(0, 3 * rate).Select(i => (float)(0.5 * Math.Sin(i * 0.05) + 0.1 * (rng.NextDouble() - 0.5))).ToArray();
        samples[12345] = 0.99f;
        samples[20001] = -0.97f;
        var (seconds, values) = WaveformChart.Downsample(samples, rate);
        Assert.True(values.Length <= 2000, $"{values.Length} points");
        Assert.True(values.Length >= 1000);
        Assert.Equal(seconds.Length, values.Length);
        Assert.Equal(0.99f, values.Max());
        Assert.Equal(-0.97f, values.Min());
        Assert.Contains(12345.0 / rate, seconds);
        Assert.True(seconds.Zip(seconds.Skip(1)).All(p => p.First < p.Second), "times increase");
        // every bucket's extremes are kept: the envelope of each 1/1000 of the signal
        int n = samples.Length;
        for (int b = 0; b < 1000; b += 97)
        {
            var bucket = samples[(b * n / 1000)..((b + 1) * n / 1000)];
            Assert.Contains(bucket.Max(), values);
            Assert.Contains(bucket.Min(), values);
        }

        var trace = Assert.Single(Traces(WaveformChart.For(samples, rate, "three seconds")));
        Assert.Equal("scatter", trace.GetProperty("type").GetString());
        Assert.True(trace.GetProperty("x").GetArrayLength() <= 2000);
        Assert.Equal(3.0, Numbers(trace.GetProperty("x")).Max(), 2);
    }

    [Fact]
    public void Waveform_short_signals_are_kept_whole()
    {
        float[] samples = [0f, 0.5f, -0.5f, 0.25f];
        var (seconds, values) = WaveformChart.Downsample(samples, 4);
        Assert.Equal(samples, values);
        Assert.Equal([0, 0.25, 0.5, 0.75], seconds);
        Assert.Equal("time (s)", AxisTitle(Layout(WaveformChart.For(samples, 4, "w")), "xaxis"));
    }

    [Fact]
    public void Spectrogram_is_a_viridis_heatmap_bands_by_frames_with_seconds_on_x()
    {
        var logMel = new float[4, 6];
        for (int b = 0; b < 4; b++)
            for (int f = 0; f < 6; f++)
                logMel[b, f] = b * 10 + f;
        var chart = SpectrogramChart.For(logMel, 0.01, "spec");
        var trace = Assert.Single(Traces(chart));
        Assert.Equal("heatmap", trace.GetProperty("type").GetString());
        Assert.Equal("Viridis", trace.GetProperty("colorscale").GetString());
        var z = trace.GetProperty("z").EnumerateArray().Select(Numbers).ToArray();
        Assert.Equal(4, z.Length);
        Assert.Equal(6, z[0].Length);
        Assert.Equal(23, z[2][3]);
        Assert.Equal([0, 0.01, 0.02, 0.03, 0.04, 0.05], Numbers(trace.GetProperty("x")));
        Assert.Equal([0, 1, 2, 3], Numbers(trace.GetProperty("y")));
        var layout = Layout(chart);
        Assert.Equal("time (s)", AxisTitle(layout, "xaxis"));
        Assert.Equal("mel band", AxisTitle(layout, "yaxis"));
        Assert.False(layout.GetProperty("yaxis").TryGetProperty("autorange", out _));
    }
}
