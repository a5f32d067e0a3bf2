using System.Globalization;
using System.Net;
using System.Text;
using SpokenDigits.Models;
using SpokenDigits.Training;
using SpokenDigits.Runs;

namespace SpokenDigits.Interactive;

/// <summary>
/// The settings every notebook starts from, built from its parameters cell, so that all notebooks of one
/// comparison train with the identical <see cref="TrainingSettings"/> record.
/// </summary>
public static class NotebookSetup
{
    /// <summary>Epochs in quick mode.</summary>
    public const int QuickEpochs = 2;

    /// <summary>Recordings kept per (digit, speaker) in quick mode: takes 0–9, of which 0–4 are test in the official split.</summary>
    public const int QuickSubset = 10;

    /// <summary>
    /// Experiment options from the notebook parameters. <paramref name="dataPath"/> "" (or null) finds FSDD
    /// automatically (see <see cref="Data.DataLocator"/>); <paramref name="quick"/> overrides <paramref name="epochs"/> with
    /// <see cref="QuickEpochs"/> and keeps <see cref="QuickSubset"/> takes per digit and speaker.
    /// </summary>
    public static ExperimentOptions Options(string? dataPath, int epochs, int seed, bool quick, params ModelKind[] models) =>
        new(DataFolder: string.IsNullOrWhiteSpace(dataPath) ? null : dataPath,
            Training: new TrainingSettings(Epochs: quick ? QuickEpochs : epochs, Seed: seed).Validated(),
            Models: models.Length == 0 ? null : models,
            Subset: quick ? QuickSubset : null);

    /// <summary>Training progress written to the console (a notebook shows it under the running cell).</summary>
    public static TrainingProgress Progress() => new(Console.Out);

    /// <summary>
    /// The folder notebooks save their runs under: <paramref name="runsDir"/> when given, else the
    /// SPOKENDIGITS_NOTEBOOK_RUNS environment variable, else &lt;project&gt;/results/notebooks/runs.
    /// </summary>
    public static string RunsRoot(string? runsDir = null)
    {
        if (!string.IsNullOrWhiteSpace(runsDir)) return Path.GetFullPath(runsDir);
        var env = Environment.GetEnvironmentVariable(NotebookRuns.EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(env)) return Path.GetFullPath(env);
        return Path.Combine(ProjectPaths.ResultsFolder, "notebooks", "runs");
    }

    /// <summary>An HTML table of the settings a notebook runs with.</summary>
    public static string Describe(ExperimentOptions options)
    {
        var inv = CultureInfo.InvariantCulture;
        var t = options.TrainingOrDefault;
        var f = options.FeaturesOrDefault;
        var rows = new List<(string, string)>
        {
            ("data", options.DataFolder ?? "found automatically"),
            ("split", options.SplitOrDefault.ToString() + (options.Subset is int s ? $" (quick: takes 0–{s - 1} only)" : "")),
            ("models", string.Join(", ", options.ModelsOrDefault.Select(ModelCatalog.Name))),
            ("epochs", t.Epochs.ToString(inv)),
            ("batch size", t.BatchSize.ToString(inv)),
            ("optimiser", FormattableString.Invariant($"AdamW, peak lr {t.LearningRate}, cosine schedule, weight decay {t.WeightDecay}")),
            ("seed", t.Seed.ToString(inv)),
            ("validation", FormattableString.Invariant($"{t.ValidationFraction:P0} of the training recordings")),
            ("features", FormattableString.Invariant($"{f.SampleRate} Hz, {f.ClipSeconds} s clips; log-mel {f.MelBands} bands, {f.WindowMs} ms window, {f.HopMs} ms hop, FFT {f.FftSize}")),
        };
        var sb = new StringBuilder("<table class=\"sd-settings\" style=\"border-collapse:collapse;font-size:13px;margin:4px 0\"><tbody>");
        foreach (var (k, v) in rows)
            sb.Append("<tr><th style=\"border:1px solid #ccd;padding:3px 8px;background:#eef1f5;text-align:left\">").Append(WebUtility.HtmlEncode(k))
              .Append("</th><td style=\"border:1px solid #dde;padding:3px 8px\">").Append(WebUtility.HtmlEncode(v)).Append("</td></tr>");
        return sb.Append("</tbody></table>").ToString();
    }
}
