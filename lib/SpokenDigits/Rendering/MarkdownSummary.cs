using System.Globalization;
using System.Text;
using SpokenDigits.Evaluation;
using SpokenDigits.Runs;
using SpokenDigits.Training;

namespace SpokenDigits.Rendering;

/// <summary>The Markdown summary of a run: every number is read from the results.</summary>
public static class MarkdownSummary
{
    public static string Render(RunResults run)
    {
        var md = new StringBuilder();
        md.AppendLine("# Spoken digits: raw vs spectrogram vs fusion").AppendLine();
        md.AppendLine($"Split **{run.Split.Protocol}** (seed {run.Split.Seed}): {run.Split.Train} train, {run.Split.Validation} validation, {run.Split.Test} test recordings from `{run.DataFolder}`.");
        if (run.Split.ExtraTrain > 0)
            md.AppendLine($"The training part also holds {run.Split.ExtraTrain} extra recordings of other speakers from `{run.Split.ExtraTrainFolder}` (validation and test hold none).");
        md.AppendLine("Identical settings for every model:").AppendLine();
        md.AppendLine("| Setting | Value |");
        md.AppendLine("|---|---|");
        foreach (var (name, text) in SettingsText.Rows(run.Features, run.Training, run.ArchitectureOrOriginal))
            md.AppendLine($"| {name} | {text} |");
        md.AppendLine();

        md.AppendLine("| Model | Parameters | Best epoch | Test accuracy | Test macro-F1 |");
        md.AppendLine("|---|---:|---:|---:|---:|");
        foreach (var m in run.Models)
            md.AppendLine(m.Test is { } r
                ? $"| {m.ModelName} | {m.ParameterCount:N0} | {m.BestEpoch} | {P(r.Accuracy)} | {F3(r.MacroF1)} |"
                : $"| {m.ModelName} | {m.ParameterCount:N0} | – | failed | {m.Failure} |");
        md.AppendLine();

        var succeeded = run.Models.Where(m => m.Test is not null).ToList();
        if (succeeded.Count > 0)
        {
            md.AppendLine("## Per-class F1 on the test part").AppendLine();
            md.AppendLine("| Digit | " + string.Join(" | ", succeeded.Select(m => m.ModelName)) + " |");
            md.AppendLine("|---|" + string.Concat(succeeded.Select(_ => "---:|")));
            var labels = succeeded[0].Test!.PerClass.Select(c => c.Label).ToList();
            for (int c = 0; c < labels.Count; c++)
                md.AppendLine($"| {labels[c]} | " + string.Join(" | ", succeeded.Select(m => F3(m.Test!.PerClass[c].F1))) + " |");
            md.AppendLine();
        }

        AppendSpeakerTable(md, succeeded);

        if (run.Skipped.Count > 0)
        {
            md.AppendLine($"## {run.Skipped.Count} recordings skipped (unreadable)").AppendLine();
            foreach (var b in run.Skipped) md.AppendLine($"- `{b.Path}`: {b.Problem}");
            md.AppendLine();
        }

        md.AppendLine("## Provenance").AppendLine();
        md.AppendLine($"- Command: `{run.Info.Command}`");
        md.AppendLine($"- Commit: `{run.Info.Commit ?? "unknown"}`{(run.Info.WorkingTreeDirty == true ? " (with uncommitted changes)" : "")}");
        md.AppendLine($"- Machine: {run.Info.Machine}");
        md.AppendLine($"- Started {run.Info.Started:yyyy-MM-dd HH:mm zzz}{(run.Info.Finished is { } end ? $", finished {end:yyyy-MM-dd HH:mm zzz}" : "")}");
        return md.ToString();
    }

    /// <summary>Test accuracy per speaker, when the test part holds more than one speaker and predictions were kept.</summary>
    static void AppendSpeakerTable(StringBuilder md, IReadOnlyList<ModelResult> models)
    {
        var perModel = models.Select(m => SpeakerAccuracy.Of(m.Predictions).ToDictionary(s => s.Speaker, StringComparer.Ordinal)).ToList();
        var speakers = perModel.SelectMany(d => d.Values).GroupBy(s => s.Speaker, StringComparer.Ordinal)
            .Select(g => (Speaker: g.Key, Recordings: g.Max(s => s.Recordings))).OrderBy(s => s.Speaker, StringComparer.Ordinal).ToList();
        if (speakers.Count < 2) return;
        md.AppendLine("## Test accuracy per speaker").AppendLine();
        md.AppendLine("| Speaker | Recordings | " + string.Join(" | ", models.Select(m => m.ModelName)) + " |");
        md.AppendLine("|---|---:|" + string.Concat(models.Select(_ => "---:|")));
        foreach (var (speaker, recordings) in speakers)
            md.AppendLine($"| {speaker} | {recordings} | " + string.Join(" | ", perModel.Select(d => d.TryGetValue(speaker, out var a) ? P(a.Accuracy) : "–")) + " |");
        md.AppendLine();
    }

    static string P(double x) => (100 * x).ToString("F2", CultureInfo.InvariantCulture) + "%";
    static string F3(double x) => x.ToString("F3", CultureInfo.InvariantCulture);
}
