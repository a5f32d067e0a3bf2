using SpokenDigits.Evaluation.Robustness;
using static SpokenDigits.Analysis.Robustness.RobustnessDiscussion;

namespace SpokenDigits.Analysis.Robustness;

/// <summary>The study's tables, every cell formatted from a <see cref="RobustnessSummary"/> (rendered alike into Markdown and HTML).</summary>
public static class RobustnessTables
{
    public static ReportTable Goals(RobustnessSummary s) => new("Goals (issue 20)",
        ["Goal", "Model", "Measured", "Target", "Met"],
        s.Goals.Select(g => (IReadOnlyList<string>)[g.Description, g.Model ?? "–", P(g.Measured), Target(g), g.Met ? "yes" : "NO"]).ToList());

    /// <summary>Accuracy [95 % CI] per condition (rows) and model (columns), and the share answered "no speech".</summary>
    public static ReportTable Accuracy(RobustnessSummary s) => new(
        "Accuracy per condition, 95 % interval in brackets (" + (s.ModelSeeds.Count == 1 ? "Wilson, over the recordings of one run" : $"Student's t over {s.ModelSeeds.Count} seeds") + "); \"no speech\" counts as wrong",
        ["Condition", .. s.Models, "no speech"],
        s.Conditions.Select(c => (IReadOnlyList<string>)[
            c.Label,
            .. s.Models.Select(m => s.Accuracy(m, c) is { } a ? $"{P(a.Estimate.Accuracy)} [{P(a.Estimate.Lower)}, {P(a.Estimate.Upper)}]" : "–"),
            P(s.Accuracies.FirstOrDefault(a => a.Condition == c)?.NoSpeechShare ?? double.NaN)]).ToList());

    /// <summary>Fusion − the better single branch per condition, with the paired bootstrap CI and McNemar.</summary>
    public static ReportTable FusionGaps(RobustnessSummary s) => GapTable(s, s.FusionGaps,
        "Fusion − better single branch (the branch with the higher accuracy in that condition); ");

    /// <summary>Each fused variant − the better single branch per condition, as <see cref="FusionGaps"/>.</summary>
    public static ReportTable VariantGaps(RobustnessSummary s) => GapTable(s, s.VariantGapsOrNone,
        "Fused variants − better single branch (" + string.Join(", ", s.Variants) + "); ", variantColumn: true);

    static ReportTable GapTable(RobustnessSummary s, IReadOnlyList<FusionGap> gaps, string title, bool variantColumn = false)
    {
        bool several = s.ModelSeeds.Count > 1;
        var caption = title + (several
            ? "95 % CI: paired bootstrap over recordings of the seed-averaged correctness; McNemar: exact test per seed, seeds with p < 0.05 for fusion / for the branch"
            : "95 % CI: paired bootstrap over recordings; McNemar: exact two-sided p");
        return new ReportTable(caption,
            [.. variantColumn ? ["Variant"] : Array.Empty<string>(), "Condition", "Fusion", "Better branch", "Difference (points)", "95 % CI", several ? "McNemar seeds" : "McNemar p", "Verdict"],
            gaps.Select(g => (IReadOnlyList<string>)[
                .. variantColumn ? [g.Fusion] : Array.Empty<string>(), g.Condition.Label, P(g.FusionAccuracy), $"{g.BetterBranch} {P(g.BranchAccuracy)}", Points(g.Difference),
                g.Interval is { } b ? $"[{Points(b.Lower)}, {Points(b.Upper)}]" : "–",
                several ? $"{g.Test.SeedsSignificantForA} / {g.Test.SeedsSignificantForB} of {g.Test.PerSeed.Count}"
                        : g.Test.PerSeed.Count == 1 ? PairedTests.FormatP(g.Test.PerSeed[0].McNemar.PValue) : "–",
                g.Verdict > 0 ? "fusion better" : g.Verdict < 0 ? "branch better" : "within noise"]).ToList());
    }

    /// <summary>The silence and noise-only probes.</summary>
    public static ReportTable Probes(RobustnessSummary s) => new(
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"Recordings without a word ({s.Probes}: half silence, digital or dither at {NoSpeechProbe.MinSilenceDbfs:0} to {NoSpeechProbe.MaxSilenceDbfs:0} dBFS; half steady white, pink or brown noise at {NoSpeechProbe.MinNoiseDbfs:0} to {NoSpeechProbe.MaxNoiseDbfs:0} dBFS; {NoSpeechProbe.MinSeconds:0.0}–{NoSpeechProbe.MaxSeconds:0} s)"),
        ["Probes", "Answered \"no speech\""],
        [["silence", P(s.SilenceNoSpeechShare)], ["steady noise", P(s.NoiseNoSpeechShare)], ["all", P(s.ProbeNoSpeechShare)]]);
}
