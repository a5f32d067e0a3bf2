using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using SpokenDigits.Audio;
using SpokenDigits.Charts;
using SpokenDigits.Data;
using SpokenDigits.Features;
using static SpokenDigits.Charts.PlotlyFigure;
using static TorchSharp.torch;

namespace SpokenDigits.Interactive;

/// <summary>
/// One recording as the models see it: the file as read, the fixed-length standardised clip fed to the raw
/// branch, and its log-mel spectrogram (the spectrogram branch's input before normalisation).
/// </summary>
/// <param name="Recording">Which file.</param>
/// <param name="Clip">The file as read (its own sample rate and length).</param>
/// <param name="ModelInput">The centre-fitted, standardised clip at <see cref="FeatureSettings.SampleRate"/> (the raw branch's input).</param>
/// <param name="LogMel">Its log-mel spectrogram, indexed <c>[mel band, frame]</c>.</param>
/// <param name="Settings">The feature settings used.</param>
public sealed record DigitExample(Recording Recording, AudioClip Clip, float[] ModelInput, float[,] LogMel, FeatureSettings Settings)
{
    public double HopSeconds => (double)Settings.HopSamples / Settings.SampleRate;

    /// <summary>Points a waveform is reduced to for display (its min/max envelope is kept): enough for a one-second clip, small in a notebook.</summary>
    public const int WaveformPoints = 800;

    /// <summary>The recording as read, downsampled for display to at most <paramref name="maxPoints"/> points.</summary>
    public PlotlyChart Waveform(int maxPoints = WaveformPoints) =>
        WaveformChart.For(Clip.Samples, Clip.SampleRate, $"Digit {Recording.Digit}, {Recording.Speaker}, take {Recording.Take}: waveform", maxPoints);

    /// <summary>The log-mel spectrogram of the model input.</summary>
    public PlotlyChart Spectrogram() =>
        SpectrogramChart.For(LogMel, HopSeconds, $"Digit {Recording.Digit}, {Recording.Speaker}, take {Recording.Take}: log-mel spectrogram ({Settings.MelBands} bands)");

    /// <summary>A player for the recording as read.</summary>
    public AudioPlayer Player() =>
        AudioPlayer.FromSamples(Clip.Samples, Clip.SampleRate, $"{Recording.Id}.wav ({Clip.DurationSeconds.ToString("0.00", CultureInfo.InvariantCulture)} s, {Clip.SampleRate} Hz)");
}

/// <summary>Looks at the data set for the data notebook: counts, examples and the split, without torch in notebook code.</summary>
public static class DataExplorer
{
    static readonly CultureInfo Inv = CultureInfo.InvariantCulture;
    const string TableStyle = "border-collapse:collapse;font-variant-numeric:tabular-nums;font-size:13px;margin:4px 0";
    const string Th = "<th style=\"border:1px solid #ccd;padding:3px 8px;background:#eef1f5;text-align:center\">";
    const string Td = "<td style=\"border:1px solid #dde;padding:3px 8px;text-align:right\">";

    /// <summary>Every recording of the FSDD folder (<paramref name="dataPath"/> "" or null: found automatically).</summary>
    public static IReadOnlyList<Recording> Recordings(string? dataPath = null) =>
        RecordingCatalog.Discover(DataLocator.FindRecordings(string.IsNullOrWhiteSpace(dataPath) ? null : dataPath));

    /// <summary>Recordings per speaker (rows) and digit (columns), with totals.</summary>
    public static string CountsTable(IReadOnlyList<Recording> recordings)
    {
        var digits = recordings.Select(r => r.Digit).Distinct().Order().ToList();
        var speakers = recordings.Select(r => r.Speaker).Distinct().Order(StringComparer.Ordinal).ToList();
        var sb = new StringBuilder($"<table class=\"sd-counts\" style=\"{TableStyle}\">");
        sb.Append($"<caption style=\"text-align:left;font-weight:600\">{recordings.Count.ToString(Inv)} recordings: {speakers.Count.ToString(Inv)} speakers × {digits.Count.ToString(Inv)} digits</caption>");
        sb.Append("<thead><tr>").Append(Th).Append("speaker \\ digit</th>");
        foreach (var d in digits) sb.Append(Th).Append(d.ToString(Inv)).Append("</th>");
        sb.Append(Th).Append("total</th></tr></thead><tbody>");
        foreach (var s in speakers)
        {
            sb.Append("<tr>").Append(Th).Append(WebUtility.HtmlEncode(s)).Append("</th>");
            foreach (var d in digits) sb.Append(Td).Append(recordings.Count(r => r.Speaker == s && r.Digit == d).ToString(Inv)).Append("</td>");
            sb.Append(Td).Append("<b>").Append(recordings.Count(r => r.Speaker == s).ToString(Inv)).Append("</b></td></tr>");
        }
        sb.Append("<tr>").Append(Th).Append("total</th>");
        foreach (var d in digits) sb.Append(Td).Append("<b>").Append(recordings.Count(r => r.Digit == d).ToString(Inv)).Append("</b></td>");
        sb.Append(Td).Append("<b>").Append(recordings.Count.ToString(Inv)).Append("</b></td></tr>");
        return sb.Append("</tbody></table>").ToString();
    }

    /// <summary>Stacked bars: recordings per digit, one colour per speaker.</summary>
    public static PlotlyChart CountsChart(IReadOnlyList<Recording> recordings, string title = "Recordings per digit and speaker")
    {
        var digits = recordings.Select(r => r.Digit).Distinct().Order().ToList();
        var speakers = recordings.Select(r => r.Speaker).Distinct().Order(StringComparer.Ordinal).ToList();
        var traces = speakers.Select((s, i) => Trace("bar",
            ("name", s),
            ("x", digits.Select(d => d.ToString(Inv)).ToArray()),
            ("y", digits.Select(d => recordings.Count(r => r.Speaker == s && r.Digit == d)).ToArray()),
            ("marker", Obj(("color", Palette[i % Palette.Length]))))).ToList();
        var layout = BaseLayout(title, 380,
            ("barmode", "stack"),
            ("xaxis", Axis("digit", ("type", "category"))),
            ("yaxis", Axis("recordings")));
        return Build(traces, layout);
    }

    /// <summary>The first recording (lowest take) of each listed digit by <paramref name="speaker"/> (default: the first speaker).</summary>
    public static IReadOnlyList<Recording> Pick(IReadOnlyList<Recording> recordings, IEnumerable<int> digits, string? speaker = null)
    {
        speaker ??= recordings.Select(r => r.Speaker).Order(StringComparer.Ordinal).First();
        return digits.Select(d => recordings.Where(r => r.Digit == d && r.Speaker == speaker).OrderBy(r => r.Take).FirstOrDefault()
                                  ?? throw new ArgumentException($"no recording of digit {d} by {speaker}")).ToList();
    }

    /// <summary>Reads one recording and computes the models' view of it with <paramref name="settings"/> (defaults: the training features).</summary>
    public static DigitExample Example(Recording recording, FeatureSettings? settings = null)
    {
        settings = (settings ?? new FeatureSettings()).Validated();
        var input = new float[settings.ClipSamples];
        var clip = WavReader.Read(recording.Path);
        ClipLoader.Prepare(clip, settings, input);

        using var scope = NewDisposeScope();
        using var spectrogram = new LogMelSpectrogram(settings);
        var logMel = spectrogram.Compute(tensor(input).unsqueeze(0));          // (1, 1, F, frames)
        int bands = (int)logMel.shape[2], frames = (int)logMel.shape[3];
        var flat = logMel.contiguous().data<float>().ToArray();
        var grid = new float[bands, frames];
        for (int b = 0; b < bands; b++)
            for (int f = 0; f < frames; f++)
                grid[b, f] = flat[b * frames + f];
        return new DigitExample(recording, clip, input, grid, settings);
    }

    /// <summary>Recordings per part of the split (rows) and digit (columns), with speakers and takes of each part.</summary>
    public static string SplitTable(DatasetSplit split)
    {
        var parts = new[] { ("train", split.Train), ("validation", split.Validation), ("test", split.Test) };
        var digits = parts.SelectMany(p => p.Item2).Select(r => r.Digit).Distinct().Order().ToList();
        var sb = new StringBuilder($"<table class=\"sd-split\" style=\"{TableStyle}\">");
        sb.Append($"<caption style=\"text-align:left;font-weight:600\">Split {WebUtility.HtmlEncode(split.Protocol)} (seed {split.Seed.ToString(Inv)}): recordings per part and digit</caption>");
        sb.Append("<thead><tr>").Append(Th).Append("part \\ digit</th>");
        foreach (var d in digits) sb.Append(Th).Append(d.ToString(Inv)).Append("</th>");
        sb.Append(Th).Append("total</th>").Append(Th).Append("speakers</th>").Append(Th).Append("takes</th></tr></thead><tbody>");
        foreach (var (name, part) in parts)
        {
            sb.Append("<tr>").Append(Th).Append(name).Append("</th>");
            foreach (var d in digits) sb.Append(Td).Append(part.Count(r => r.Digit == d).ToString(Inv)).Append("</td>");
            sb.Append(Td).Append("<b>").Append(part.Count.ToString(Inv)).Append("</b></td>");
            sb.Append(Td).Append(part.Select(r => r.Speaker).Distinct().Count().ToString(Inv)).Append("</td>");
            sb.Append(Td).Append(part.Count == 0 ? "–" : $"{part.Min(r => r.Take).ToString(Inv)}–{part.Max(r => r.Take).ToString(Inv)}").Append("</td></tr>");
        }
        return sb.Append("</tbody></table>").ToString();
    }
}
