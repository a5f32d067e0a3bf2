using SpokenDigits.Charts;
using SpokenDigits.Analysis;
using SpokenDigits.Runs;

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
        var page = Page(data, command);
        var figures = page.SaveFigures(folder.Path);
        AtomicFile.WriteAllText(folder.File(ReportFolder.MarkdownFile), page.ToMarkdown());
        page.ToHtml().Save(folder.File(ReportFolder.HtmlFile));
        return new ReportOutput(folder.File(ReportFolder.MarkdownFile), folder.File(ReportFolder.HtmlFile),
            folder.File(ReportFolder.SummaryFile), figures, data);
    }

    /// <summary>The report in memory: its sections in order, stamped with the runs' last finish.</summary>
    public static ReportPage Page(ReportData d, string? command = null) => new(Title, Sections(d, command).ToList(), d.LastFinished);

    /// <summary>The sections of the report, in order, each with its own tables and figures.</summary>
    public static IEnumerable<ReportSection> Sections(ReportData d, string? command = null)
    {
        yield return new ReportSection("Discussion", ReportDiscussion.Paragraphs(d));
        yield return new ReportSection("Setup", [ReportTables.Setup(d)], []);
        if (d.Seeds is { } s)
        {
            bool ran = s.Models.Any(m => m.Runs > 0);   // figures only when a model finished a seed
            yield return new ReportSection("Models over seeds", [ReportTables.Headline(s), ReportTables.PerSeed(d.SeedRuns, s)], ran ? [ReportFigures.Accuracy(s)] : []);
            if (s.Comparisons.Count > 0)
                yield return new ReportSection("Is fusion better? Paired tests on the test recordings",
                    [ReportTables.Comparisons(s.Comparisons, "Fusion against each single branch: McNemar's exact test and a paired bootstrap per seed; the pooled row bootstraps the seed-averaged correctness over recordings")], []);
            yield return new ReportSection("For which digits?", [ReportTables.PerClass(s)],
                !ran ? [] : s.FusionGains is { } g ? [ReportFigures.PerClass(s), ReportFigures.FusionGain(g)] : [ReportFigures.PerClass(s)]);
            if (s.PairChanges is { } pairs)
                yield return new ReportSection("Which confusions change?", [ReportTables.Pairs(pairs, less: true, s.Seeds.Count), ReportTables.Pairs(pairs, less: false, s.Seeds.Count)], []);
        }
        foreach (var corpus in d.CrossCorporaOrNone)
            yield return new ReportSection($"Cross-corpus: {corpus.Corpus} (test only)",
            [
                ReportTables.CrossCorpusHeadline(corpus, d.Seeds),
                .. corpus.Summary.Comparisons.Count > 0
                    ? [ReportTables.Comparisons(corpus.Summary.Comparisons, $"Fusion against each single branch on {corpus.Corpus}: McNemar's exact test and a paired bootstrap per seed; the pooled row bootstraps the seed-averaged correctness over recordings")]
                    : Array.Empty<ReportTable>(),
                ReportTables.PerClass(corpus.Summary),
                .. corpus.Summary.Models.Where(m => m.Runs > 0).Select(ReportTables.Confusion),
            ], []);
        if (d.Loso is { } l)
        {
            var tables = new List<ReportTable> { ReportTables.Loso(l) };
            if (l.Comparisons.Count > 0)
                tables.Add(ReportTables.Comparisons(l.Comparisons, "Fusion against each branch on all held-out recordings together (each recording is tested once, in its speaker's fold)", "LOSO seed"));
            yield return new ReportSection("Speaker-independent: leave one speaker out", tables, [ReportFigures.Loso(l)]);
        }
        if (d.Seeds is { } c && c.Models.Any(m => m.Runs > 0))
        {
            var ran = c.Models.Where(m => m.Runs > 0).ToList();
            yield return new ReportSection("Confusion matrices (summed over seeds)", ran.Select(ReportTables.Confusion).ToList(), ran.Select(ReportFigures.Confusion).ToList());
        }
        yield return new ReportSection("Method notes", [], []) { Bullets = MethodNotes };
        yield return new ReportSection("Provenance", [ReportTables.Provenance(d, command)], [])
        {
            Paragraphs = [$"Figures are SVG in `{ReportFolder.FiguresFolder}/`; a PNG copy is drawn beside each when a headless Chromium is installed (`chromium` on the PATH or `{ChartPng.BrowserVariable}`)."],
        };
    }

    static readonly IReadOnlyList<string> MethodNotes =
    [
        "All runs of the multi-seed protocol share one split (its seed is the split seed shown under Setup); only the model seed (initialisation, dropout, batch order) changes.",
        "McNemar's exact test: b01 = recordings only fusion got right, b10 = recordings only the branch got right; p = min(1, 2·P[X ≤ min(b01, b10)]), X ~ Bin(b01 + b10, ½), and p = 1 without discordant recordings.",
        "Bootstrap: recordings resampled with replacement, both models' outcomes kept together; percentile interval. Per seed it resamples that seed's correctness; pooled, each recording's share of seeds it was right in. The pooled row's McNemar column counts the seeds significant for and against fusion (per-seed McNemar; concatenating seeds would count one recording several times as if independent).",
        "Fusion gain per digit = fusion F1 − max(raw F1, spectrogram F1), computed within each seed, then mean ± sample std over seeds.",
        "Confusion pairs: off-diagonal counts summed over seeds; fusion is compared with whichever branch confused that pair less.",
        "Leave one speaker out: each speaker in turn is the whole test part; the comparison pools all folds' test predictions, which scores each recording once.",
    ];
}
