using SpokenDigits.Models;
using SpokenDigits.Evaluation;
using SpokenDigits.Runs;
using SpokenDigits.Training;
using static SpokenDigits.Analysis.ReportFormat;
using static SpokenDigits.Analysis.Prose;

namespace SpokenDigits.Analysis;

/// <summary>A table of formatted cells, rendered the same way into Markdown and HTML.</summary>
public sealed record ReportTable(string Caption, IReadOnlyList<string> Header, IReadOnlyList<IReadOnlyList<string>> Rows)
{
    public string ToMarkdown()
    {
        var sb = new System.Text.StringBuilder();
        sb.AppendLine($"**{Caption}**").AppendLine();
        sb.AppendLine("| " + string.Join(" | ", Header.Select(Cell)) + " |");
        sb.AppendLine("|" + string.Concat(Header.Select((_, i) => i == 0 ? "---|" : "---:|")));
        foreach (var row in Rows) sb.AppendLine("| " + string.Join(" | ", row.Select(Cell)) + " |");
        return sb.AppendLine().ToString();
    }

    static string Cell(string s) => s.Replace("|", "\\|", StringComparison.Ordinal);
}

/// <summary>The report's tables, every cell formatted from the aggregates.</summary>
public static class ReportTables
{
    /// <summary>How many confusion pairs to list in each direction.</summary>
    public const int PairRows = 10;

    public static ReportTable Headline(SeedSummary s) => new(
        $"Test accuracy and macro-F1 over {s.Seeds.Count} model seeds (mean ± sample std)",
        ["Model", "Seeds", "Failed", "Accuracy", "Macro-F1"],
        s.Models.Select(m => (IReadOnlyList<string>)[m.ModelName, Int(m.Runs), Int(m.FailedRuns), PercentPm(m.Accuracy), F3Pm(m.MacroF1)]).ToList());

    /// <summary>Each model on a test-only corpus beside its accuracy on the FSDD test part.</summary>
    public static ReportTable CrossCorpusHeadline(CrossCorpusSummary c, SeedSummary? fsdd) => new(
        $"{c.Corpus}: {Int(c.Recordings)} recordings ({Int(c.NoSpeech)} without detected speech), accuracy and macro-F1 over {Int(c.Summary.Seeds.Count)} model seeds (mean ± sample std)",
        ["Model", "Seeds", "FSDD test accuracy", "Accuracy", "Macro-F1"],
        c.Summary.Models.Select(m => (IReadOnlyList<string>)[m.ModelName, Int(m.Runs),
            fsdd?.Model(m.ModelName) is { } f ? PercentPm(f.Accuracy) : "–", PercentPm(m.Accuracy), F3Pm(m.MacroF1)]).ToList());

    public static ReportTable PerSeed(IReadOnlyList<RunResults> runs, SeedSummary s) => new(
        "Test accuracy per seed",
        ["Seed", .. s.Models.Select(m => m.ModelName)],
        runs.Select(r => (IReadOnlyList<string>)[Int(r.Training.Seed),
            .. s.Models.Select(m => r.Model(m.ModelName) is { Succeeded: true } x ? Percent(x.Test!.Accuracy) : "failed")]).ToList());

    /// <summary>Per seed: McNemar counts and p, bootstrap difference and CI; last row per comparison: the pooled bootstrap.</summary>
    public static ReportTable Comparisons(IReadOnlyList<PairedComparison> comparisons, string caption, string seedWord = "seed")
    {
        var rows = new List<IReadOnlyList<string>>();
        foreach (var c in comparisons)
        {
            string name = $"{Short(c.ModelA)} vs {Short(c.ModelB)}";
            foreach (var s in c.PerSeed)
                rows.Add([name, $"{seedWord} {Int(s.Seed)}", Int(s.McNemar.OnlyA), Int(s.McNemar.OnlyB), P(s.McNemar.PValue),
                    Points(s.Bootstrap.Difference), $"[{Points(s.Bootstrap.Lower)}, {Points(s.Bootstrap.Upper)}]",
                    s.McNemar.Significant() ? "significant" : "not significant"]);
            if (c.Pooled is { } p && c.PerSeed.Count > 1)
                rows.Add([name, $"pooled ({Int(c.PerSeed.Count)} {seedWord}s)", Int(c.PerSeed.Sum(s => s.McNemar.OnlyA)), Int(c.PerSeed.Sum(s => s.McNemar.OnlyB)),
                    $"{Int(c.SeedsSignificantForA)} for / {Int(c.SeedsSignificantForB)} against", Points(p.Difference),
                    $"[{Points(p.Lower)}, {Points(p.Upper)}]", p.Lower > 0 || p.Upper < 0 ? "significant" : "not significant"]);
        }
        return new ReportTable(caption,
            ["Comparison", "Run", "Only fusion right", "Only branch right", "McNemar p", "Δ accuracy (points)", "95% bootstrap CI", "Verdict"], rows);
    }

    public static ReportTable PerClass(SeedSummary s)
    {
        var ran = s.Models.Where(m => m.Runs > 0).ToList();
        var labels = ran.Count > 0 ? ran[0].Labels : Evaluator.DigitLabels;
        var header = new List<string> { "Digit" };
        header.AddRange(ran.Select(m => m.ModelName + " F1"));
        if (s.FusionGains is not null) header.AddRange(["Fusion gain", "Seeds ahead / behind"]);
        var rows = labels.Select((label, c) =>
        {
            var row = new List<string> { label };
            row.AddRange(ran.Select(m => F3Pm(m.PerClassF1[c])));
            if (s.FusionGains is { } g) row.AddRange([SignedPm(g[c].Gain), $"{Int(g[c].SeedsAhead)} / {Int(g[c].SeedsBehind)}"]);
            return (IReadOnlyList<string>)row;
        }).ToList();
        return new ReportTable("Per-digit F1 (mean ± std over seeds); fusion gain = fusion F1 − max(raw F1, spectrogram F1), per seed", header, rows);
    }

    /// <summary>Confusion pairs fusion makes less (<paramref name="less"/>) or more often than the better branch for that pair.</summary>
    public static ReportTable Pairs(IReadOnlyList<ConfusionPairChange> pairs, bool less, int seeds)
    {
        var chosen = (less ? pairs.Where(p => p.Change < 0) : pairs.Where(p => p.Change > 0).OrderByDescending(p => p.Change)
                .ThenByDescending(p => p.Fusion).ThenBy(p => p.Truth, StringComparer.Ordinal).ThenBy(p => p.Predicted, StringComparer.Ordinal))
            .Take(PairRows).ToList();
        return new ReportTable(
            (less ? "Digit pairs fusion confuses less" : "Digit pairs fusion confuses more") + $" than the better branch for that pair (counts summed over {Int(seeds)} seeds)",
            ["True digit", "Taken for", ModelNames.Raw, ModelNames.Spec, ModelNames.Fusion, "Fusion − better branch"],
            chosen.Select(p => (IReadOnlyList<string>)[p.Truth, p.Predicted, Int(p.Raw), Int(p.Spec), Int(p.Fusion), p.Change.ToString("+0;−0;0", System.Globalization.CultureInfo.InvariantCulture)]).ToList());
    }

    public static ReportTable Confusion(ModelSeedSummary m) => new(
        $"{m.ModelName}: confusion matrix summed over {Int(m.Runs)} seeds (rows: true digit, columns: predicted)",
        ["true \\ predicted", .. m.Labels],
        m.Labels.Select((label, t) => (IReadOnlyList<string>)[label, .. m.SummedConfusion.Counts[t].Select(Int)]).ToList());

    public static ReportTable Loso(SpeakerIndependentSummary l)
    {
        var rows = l.Speakers.Select(s => (IReadOnlyList<string>)[s.Speaker, Int(s.TestRecordings), Int(s.Runs),
            .. s.Accuracy.Select(a => a is { } v ? Percent(v) : "failed")]).ToList();
        rows.Add(["mean ± std over speakers", "", "", .. l.MeanAccuracy.Select(PercentPm)]);
        rows.Add(["worst held-out speaker", "", "", .. l.ModelNames.Select(n => l.Worst.FirstOrDefault(w => w.ModelName == n) is { } w ? $"{w.Speaker}: {Percent(w.Accuracy)}" : "–")]);
        return new ReportTable("Leave one speaker out: test accuracy on each held-out speaker",
            ["Held-out speaker", "Test recordings", "Seeds", .. l.ModelNames], rows);
    }

    public static ReportTable Setup(ReportData d)
    {
        var r = d.First;
        var t = r.Training;
        var f = r.Features;
        var rows = new List<IReadOnlyList<string>>();
        if (d.SeedRuns.Count > 0)
        {
            var s = d.SeedRuns[0].Split;
            var splitSeeds = d.SplitSeeds.Count == 1 ? $"split seed {Int(s.Seed)}"
                : $"split seeds {string.Join(", ", d.SplitSeeds.Select(Int))} (the runs do not share one split)";
            rows.Add(["Multi-seed split", $"{s.Protocol}, {splitSeeds}: {Int(s.Train)} train / {Int(s.Validation)} validation / {Int(s.Test)} test recordings"]);
            rows.Add(["Model seeds", string.Join(", ", d.SeedRuns.Select(x => Int(x.Training.Seed)))]);
        }
        if (d.LosoFolds.Count > 0)
            rows.Add(["Leave-one-speaker-out", $"{Int(d.LosoFolds.Count)} held-out speakers, seeds {string.Join(", ", d.LosoFolds.SelectMany(x => x.Runs).Select(x => x.Training.Seed).Distinct().Order().Select(Int))}"]);
        foreach (var (name, text) in SettingsText.Rows(f, t, r.ArchitectureOrOriginal))
            rows.Add([name, text]);
        rows.Add(["Data", r.DataFolder]);
        var settings = d.AllRuns.Select(x => x.Training with { Seed = 0 }).Distinct().Count();
        if (settings > 1) rows.Add(["Warning", $"the runs differ in {Int(settings)} sets of training settings beyond the seed"]);
        return new ReportTable("Setup (read from the runs' results.json)", ["Item", "Value"], rows);
    }

    public static ReportTable Provenance(ReportData d, string? reportCommand)
    {
        var r = d.First.Info;
        var commits = d.AllRuns.Select(x => x.Info.Commit ?? "unknown").Distinct().ToList();
        var rows = new List<IReadOnlyList<string>>();
        rows.Add(["Training command", d.Manifest?.Command ?? r.Command]);
        rows.Add(["Commit", string.Join(", ", commits) + (d.AllRuns.Any(x => x.Info.WorkingTreeDirty == true) ? " (with uncommitted changes)" : "")]);
        rows.Add(["Machine", r.Machine.ToString()]);
        rows.Add(["Runs", $"{Int(d.AllRuns.Count())}, started {d.AllRuns.Min(x => x.Info.Started):yyyy-MM-dd HH:mm zzz}" +
            (d.AllRuns.All(x => x.Info.Finished is not null) ? $", last finished {d.AllRuns.Max(x => x.Info.Finished):yyyy-MM-dd HH:mm zzz}" : ", some unfinished")]);
        if (reportCommand is not null) rows.Add(["Report generated by", reportCommand]);
        rows.Add(["Report folder", FolderShown(d.Folder)]);
        return new ReportTable("Provenance", ["Item", "Value"], rows);
    }
}
