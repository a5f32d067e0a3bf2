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

    /// <summary>An HTML table of the settings a notebook runs with: data, split and models, then the rows every training
    /// prints (<see cref="SettingsText.Rows"/>).</summary>
    public static string Describe(ExperimentOptions options)
    {
        var rows = new List<(string, string)>
        {
            ("Data", options.DataFolder ?? "found automatically"),
            ("Split", options.SplitOrDefault.ToString() + (options.Subset is int s ? $" (quick: takes 0–{s - 1} only)" : "")
                      + (options.SplitSeed is int seed ? FormattableString.Invariant($", split seed {seed}") : "")),
            ("Trained", string.Join(", ", options.ModelsOrDefault.Select(ModelCatalog.Name))),
        };
        rows.AddRange(SettingsText.Rows(options.FeaturesOrDefault, options.TrainingOrDefault, options.ArchitectureOrDefault));
        var sb = new StringBuilder("<table class=\"sd-settings\" style=\"border-collapse:collapse;font-size:13px;margin:4px 0\"><tbody>");
        foreach (var (k, v) in rows)
            sb.Append("<tr><th style=\"border:1px solid #ccd;padding:3px 8px;background:#eef1f5;text-align:left\">").Append(WebUtility.HtmlEncode(k))
              .Append("</th><td style=\"border:1px solid #dde;padding:3px 8px\">").Append(WebUtility.HtmlEncode(v)).Append("</td></tr>");
        return sb.Append("</tbody></table>").ToString();
    }
}
