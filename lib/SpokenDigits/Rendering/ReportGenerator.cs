using System.Text;
using SpokenDigits.Charts;
using SpokenDigits.Analysis;
using SpokenDigits.Runs;
using static SpokenDigits.Analysis.ReportFormat;

namespace SpokenDigits.Rendering;

/// <summary>What <see cref="ReportGenerator.Generate"/> wrote.</summary>
public sealed record ReportOutput(string Markdown, string Html, string Summary, IReadOnlyList<string> Figures, ReportData Data);

/// <summary>Writes report.md, report.html (offline, plotly.js inline once), summary.json and figures/*.svg into a
/// report folder, from the JSON files of its runs only: nothing shown is computed anywhere but from those files.</summary>
public static class ReportGenerator
{
    public const string Title = "Spoken digits: does fusing raw-waveform and spectrogram CNNs help?";

    /// <summary>Reads the runs under <paramref name="folder"/> and writes the report beside them.</summary>
    /// <param name="command">The command that generated the report (shown under provenance).</param>
    public static ReportOutput Generate(ReportFolder folder, string? command = null, int resamples = 10000)
    {
        var data = ReportData.Load(folder, resamples);
        ResultsJson.Save(folder.File(ReportFolder.SummaryFile), new { data.Seeds, data.Loso });
        var figures = WriteFigures(folder, data);
        AtomicFile.WriteAllText(folder.File(ReportFolder.MarkdownFile), RenderMarkdown(data, command));
        RenderHtml(data, command).Save(folder.File(ReportFolder.HtmlFile));
        return new ReportOutput(folder.File(ReportFolder.MarkdownFile), folder.File(ReportFolder.HtmlFile),
            folder.File(ReportFolder.SummaryFile), figures, data);
    }

    /// <summary>The sections of the report, in order: (heading, tables, figure file names), shared by both renderings.</summary>
    static IEnumerable<(string Heading, IReadOnlyList<ReportTable> Tables)> Sections(ReportData d)
    {
        yield return ("Setup", [ReportTables.Setup(d)]);
        if (d.Seeds is { } s)
        {
            yield return ("Models over seeds", [ReportTables.Headline(s), ReportTables.PerSeed(d.SeedRuns, s)]);
            if (s.Comparisons.Count > 0)
                yield return ("Is fusion better? Paired tests on the test recordings",
                    [ReportTables.Comparisons(s.Comparisons, "Fusion against each single branch: McNemar's exact test and a paired bootstrap per seed; the pooled row bootstraps the seed-averaged correctness over recordings")]);
            yield return ("For which digits?", [ReportTables.PerClass(s)]);
            if (s.PairChanges is { } pairs)
                yield return ("Which confusions change?", [ReportTables.Pairs(pairs, less: true, s.Seeds.Count), ReportTables.Pairs(pairs, less: false, s.Seeds.Count)]);
        }
        foreach (var c in d.CrossCorporaOrNone)
            yield return ($"Cross-corpus: {c.Corpus} (test only)",
            [
                ReportTables.CrossCorpusHeadline(c, d.Seeds),
                .. c.Summary.Comparisons.Count > 0
                    ? [ReportTables.Comparisons(c.Summary.Comparisons, $"Fusion against each single branch on {c.Corpus}: McNemar's exact test and a paired bootstrap per seed; the pooled row bootstraps the seed-averaged correctness over recordings")]
                    : Array.Empty<ReportTable>(),
                ReportTables.PerClass(c.Summary),
                .. c.Summary.Models.Where(m => m.Runs > 0).Select(ReportTables.Confusion),
            ]);
        if (d.Loso is { } l)
        {
            var tables = new List<ReportTable> { ReportTables.Loso(l) };
            if (l.Comparisons.Count > 0)
                tables.Add(ReportTables.Comparisons(l.Comparisons, "Fusion against each branch on all held-out recordings together (each recording is tested once, in its speaker's fold)", "LOSO seed"));
            yield return ("Speaker-independent: leave one speaker out", tables);
        }
    }

    public static string RenderMarkdown(ReportData d, string? command = null)
    {
        var md = new StringBuilder();
        md.AppendLine($"# {Title}").AppendLine();
        md.AppendLine("## Discussion").AppendLine();
        foreach (var p in ReportDiscussion.Paragraphs(d)) md.AppendLine(p).AppendLine();
        foreach (var (heading, tables) in Sections(d))
        {
            md.AppendLine($"## {heading}").AppendLine();
            foreach (var t in tables) md.Append(t.ToMarkdown());
            foreach (var (file, caption) in FiguresOf(heading, d)) md.AppendLine($"![{caption}]({ReportFolder.FiguresFolder}/{file})").AppendLine();
        }
        if (d.Seeds is { } s)
        {
            md.AppendLine("## Confusion matrices (summed over seeds)").AppendLine();
            foreach (var m in s.Models.Where(m => m.Runs > 0))
            {
                md.Append(ReportTables.Confusion(m).ToMarkdown());
                md.AppendLine($"![{m.ModelName} confusion matrix]({ReportFolder.FiguresFolder}/{ConfusionFile(m.ModelName)})").AppendLine();
            }
        }
        md.AppendLine("## Method notes").AppendLine();
        foreach (var n in MethodNotes()) md.AppendLine($"- {n}");
        md.AppendLine();
        md.AppendLine("## Provenance").AppendLine();
        md.Append(ReportTables.Provenance(d, command).ToMarkdown());
        md.AppendLine($"Figures are SVG in `{ReportFolder.FiguresFolder}/`; a PNG copy is drawn beside each when a headless Chromium is installed (`chromium` on the PATH or `{ChartPng.BrowserVariable}`).");
        return md.ToString();
    }

    public static HtmlPage RenderHtml(ReportData d, string? command = null)
    {
        var page = new HtmlPage(Title);
        page.Heading("Discussion");
        foreach (var p in ReportDiscussion.Paragraphs(d)) page.Paragraph(p);
        foreach (var (heading, tables) in Sections(d))
        {
            page.Heading(heading);
            foreach (var t in tables) page.Table(t.Header, t.Rows, t.Caption);
            foreach (var (chart, caption) in ChartsOf(heading, d)) page.Chart(chart, caption);
        }
        if (d.Seeds is { } s)
        {
            page.Heading("Confusion matrices (summed over seeds)");
            foreach (var m in s.Models.Where(m => m.Runs > 0))
                page.Chart(ConfusionMatrixChart.Counts(m.SummedConfusion, $"{m.ModelName}: summed over {Int(m.Runs)} seeds"));
        }
        page.Heading("Method notes");
        page.Html("<ul>" + string.Concat(MethodNotes().Select(n => $"<li>{System.Net.WebUtility.HtmlEncode(n)}</li>")) + "</ul>");
        page.Heading("Provenance");
        var prov = ReportTables.Provenance(d, command);
        page.Table(prov.Header, prov.Rows, prov.Caption);
        return page;
    }

    static IEnumerable<string> MethodNotes() =>
    [
        "All runs of the multi-seed protocol share one split (its seed is the split seed shown under Setup); only the model seed (initialisation, dropout, batch order) changes.",
        "McNemar's exact test: b01 = recordings only fusion got right, b10 = recordings only the branch got right; p = min(1, 2·P[X ≤ min(b01, b10)]), X ~ Bin(b01 + b10, ½), and p = 1 without discordant recordings.",
        "Bootstrap: recordings resampled with replacement, both models' outcomes kept together; percentile interval. Per seed it resamples that seed's correctness; pooled, each recording's share of seeds it was right in. The pooled row's McNemar column counts the seeds significant for and against fusion (per-seed McNemar; concatenating seeds would count one recording several times as if independent).",
        "Fusion gain per digit = fusion F1 − max(raw F1, spectrogram F1), computed within each seed, then mean ± sample std over seeds.",
        "Confusion pairs: off-diagonal counts summed over seeds; fusion is compared with whichever branch confused that pair less.",
        "Leave one speaker out: each speaker in turn is the whole test part; the comparison pools all folds' test predictions, which scores each recording once.",
    ];

    static IEnumerable<(string File, string Caption)> FiguresOf(string heading, ReportData d)
    {
        if (heading == "Models over seeds") yield return (AccuracyFile, "Accuracy and macro-F1, mean ± std over seeds");
        if (heading == "For which digits?")
        {
            yield return (PerClassFile, "Per-digit F1, mean ± std over seeds");
            if (d.Seeds?.FusionGains is not null) yield return (GainFile, "Fusion gain over the better branch per digit, mean ± std over seeds");
        }
        if (heading.StartsWith("Speaker-independent", StringComparison.Ordinal)) yield return (LosoFile, "Accuracy per held-out speaker");
    }

    static IEnumerable<(Charts.PlotlyChart Chart, string Caption)> ChartsOf(string heading, ReportData d)
    {
        var s = d.Seeds;
        if (heading == "Models over seeds" && s is not null)
            yield return (ReportFigures.BarsChart("Accuracy and macro-F1 (mean ± std over seeds)", ["accuracy", "macro-F1"], HeadlineSeries(s), "score"), "Whiskers: ± one standard deviation across seeds.");
        if (heading == "For which digits?" && s is not null)
        {
            var labels = s.Models.First(m => m.Runs > 0).Labels;
            yield return (ReportFigures.BarsChart("Per-digit F1 (mean ± std over seeds)", labels, ReportFigures.PerClassSeries(s), "F1"), "Whiskers: ± one standard deviation across seeds.");
            if (s.FusionGains is { } g)
                yield return (ReportFigures.BarsChart("F1 gain of fusion over the better branch (mean ± std over seeds)", g.Select(x => x.Label).ToList(),
                    [ReportFigures.GainSeries(g)], "ΔF1", signColours: true, tickFormat: "+.2f"), "Green: fusion ahead of both branches on average; red: one branch alone did better.");
        }
        if (heading.StartsWith("Speaker-independent", StringComparison.Ordinal) && d.Loso is { } l)
            yield return (ReportFigures.BarsChart("Accuracy per held-out speaker", l.Speakers.Select(x => x.Speaker).ToList(), LosoSeries(l), "accuracy"), null!);
    }

    static IReadOnlyList<BarSeries> HeadlineSeries(SeedSummary s) =>
        s.Models.Where(m => m.Runs > 0).Select(m => new BarSeries(m.ModelName, [m.Accuracy.Mean, m.MacroF1.Mean], [m.Accuracy.Std, m.MacroF1.Std])).ToList();

    static IReadOnlyList<BarSeries> LosoSeries(SpeakerIndependentSummary l) =>
        l.ModelNames.Select((n, i) => new BarSeries(n, l.Speakers.Select(x => x.Accuracy[i] ?? double.NaN).ToList(), [])).ToList();

    const string AccuracyFile = "accuracy.svg", PerClassFile = "per-class-f1.svg", GainFile = "fusion-gain.svg", LosoFile = "loso.svg";
    static string ConfusionFile(string model) => $"confusion-{model}.svg";

    static IReadOnlyList<string> WriteFigures(ReportFolder folder, ReportData d)
    {
        var written = new List<string>();
        void Save(string name, string svg)
        {
            var path = Path.Combine(folder.Path, ReportFolder.FiguresFolder, name);
            ChartSvg.Save(svg, path);
            written.Add(path);
        }
        if (d.Seeds is { } s && s.Models.Any(m => m.Runs > 0))
        {
            Save(AccuracyFile, ChartSvg.GroupedBars("Accuracy and macro-F1 (mean ± std over seeds)", ["accuracy", "macro-F1"], HeadlineSeries(s), "score", 0, 1));
            var labels = s.Models.First(m => m.Runs > 0).Labels;
            Save(PerClassFile, ChartSvg.GroupedBars("Per-digit F1 (mean ± std over seeds)", labels, ReportFigures.PerClassSeries(s), "F1", 0, 1));
            if (s.FusionGains is { } g)
                Save(GainFile, ChartSvg.GroupedBars("F1 gain of fusion over the better branch", g.Select(x => x.Label).ToList(), [ReportFigures.GainSeries(g)], "ΔF1", signColours: true));
            foreach (var m in s.Models.Where(m => m.Runs > 0))
                Save(ConfusionFile(m.ModelName), ChartSvg.ConfusionMatrix(m.SummedConfusion, $"{m.ModelName} (summed over {Int(m.Runs)} seeds)"));
        }
        if (d.Loso is { } l)
            Save(LosoFile, ChartSvg.GroupedBars("Accuracy per held-out speaker", l.Speakers.Select(x => x.Speaker).ToList(),
                LosoSeries(l).Select(x => (x.Name, x.Values)).ToList(), "accuracy"));
        return written;
    }
}
