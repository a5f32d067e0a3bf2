using SpokenDigits.Analysis;
using SpokenDigits.Analysis.Ablation;
using SpokenDigits.Runs;

namespace SpokenDigits.Rendering.Ablation;

/// <summary>One section of the ablation report: a heading, its tables and its figures, shared by the Markdown page, the
/// HTML page and the notebook.</summary>
public sealed record AblationSection(string Heading, IReadOnlyList<ReportTable> Tables, IReadOnlyList<AblationFigure> Figures)
{
    public const string Goals = "Goals of the issue", Official = "Official split", Why = "Why: each branch, the weights and complementarity",
        Digits = "For which digits?", Loso = "Leave one speaker out", Setup = "Setup";

    /// <summary>The section's tables as Markdown (a notebook shows them with display(…, "text/markdown")).</summary>
    public string Markdown() => Tables.Count == 0 ? $"*{Heading}: nothing to show in this ablation.*" : string.Concat(Tables.Select(t => t.ToMarkdown()));
}

/// <summary>The ablation report in memory, built from a report folder's runs without writing anything.</summary>
public sealed record AblationReport(AblationRuns Runs, AblationSummary Summary, IReadOnlyList<AblationFigure> Figures)
{
    public const string Title = "Spoken digits: which fusion, with which remedy, beats the best single branch?";

    /// <summary>Reads the runs under <paramref name="report"/> and computes every table and figure.</summary>
    public static AblationReport Build(ReportFolder report, int resamples = 10000)
    {
        var runs = AblationRuns.Load(report);
        var summary = AblationSummary.From(runs, resamples);
        return new AblationReport(runs, summary, AblationFigures.All(summary, runs));
    }

    public IReadOnlyList<string> Discussion => AblationDiscussion.Paragraphs(Summary);

    /// <summary>The sections after the discussion, in order.</summary>
    public IEnumerable<AblationSection> Sections()
    {
        var s = Summary;
        yield return new AblationSection(AblationSection.Goals, [AblationTables.Goals(s)], []);
        yield return new AblationSection(AblationSection.Official, [AblationTables.Official(s)], FiguresOf(AblationSection.Official));
        var why = new List<ReportTable>();
        if (s.Diagnostics.Count > 0) why.Add(AblationTables.Diagnostics(s));
        if (s.Weights.Count > 0) why.Add(AblationTables.Weights(s));
        if (s.Complementarity.Count > 0) why.Add(AblationTables.Complementarity(s));
        if (why.Count > 0 || FiguresOf(AblationSection.Why).Count > 0)
            yield return new AblationSection(AblationSection.Why, why, FiguresOf(AblationSection.Why));
        if (s.DigitGains is { } gains)
            yield return new AblationSection(AblationSection.Digits, [AblationTables.DigitGains(s, gains)], FiguresOf(AblationSection.Digits));
        if (s.Loso is { } l)
            yield return new AblationSection(AblationSection.Loso, [AblationTables.Loso(s, l)], FiguresOf(AblationSection.Loso));
        yield return new AblationSection(AblationSection.Setup, [AblationTables.Setup(s, Runs)], []);
    }

    /// <summary>The section with this heading, or an empty one (nothing of that kind in this ablation, e.g. no leave-one-speaker-out runs).</summary>
    public AblationSection Section(string heading) => Sections().FirstOrDefault(x => x.Heading == heading) ?? new AblationSection(heading, [], []);

    /// <summary>The discussion as Markdown paragraphs.</summary>
    public string DiscussionMarkdown() => string.Join("\n\n", Discussion);

    public static IReadOnlyList<string> MethodNotes() =>
    [
        "Rows: the report's own runs give RawOnlyModel, SpecOnlyModel and the baseline fused model for every seed; each variant is the fused model alone, trained with the same split, seeds and settings except its fusion layer and remedies.",
        "Best single = the single-branch model with the higher mean test accuracy; best fusion = the fused model (baseline included) with the highest mean test accuracy.",
        "Δ accuracy: each recording's share of seeds it was right in, for both models, then a paired bootstrap over recordings (the pooled comparison of the multi-seed report); McNemar's exact test per seed, counted as seeds with p < 0.05 in each direction.",
        "Branch alone: the stored test diagnostics (auxiliary heads, or the fused head with the other branch's embedding zeroed); the train/validation figures are the last epoch's records.",
        "Complementarity: per seed, test recordings grouped by which single model got them right; the fused model's correct answers in each group, mean over seeds, and as a share of all such recordings over the seeds.",
        "Per-digit gain: best fusion F1 − best single F1 within each seed, then mean ± sample std over seeds.",
        "Leave one speaker out: each speaker's accuracy is the mean over its seeds; Δ mean compares means over held-out speakers, the pooled Δ pairs all held-out recordings both models scored.",
    ];

    IReadOnlyList<AblationFigure> FiguresOf(string section) => Figures.Where(f => f.Section == section).ToList();
}
