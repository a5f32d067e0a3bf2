using System.Text;
using SpokenDigits.Analysis;
using SpokenDigits.Analysis.Robustness;
using SpokenDigits.Charts;
using SpokenDigits.Runs;

namespace SpokenDigits.Rendering.Robustness;

/// <summary>The study as summary.md and robustness.html (interactive charts, plotly.js inline once), with the figures as
/// SVG (and PNG beside them where a headless Chromium is installed), from one <see cref="RobustnessSummary"/>.</summary>
public static class RobustnessReport
{
    public const string Title = "Where does fusion help? Robustness under controlled corruptions";

    /// <summary>Writes summary.md, robustness.html and figures/ into <paramref name="folder"/>; returns why PNGs were skipped, or null.</summary>
    public static string? Write(RobustnessFolder folder, RobustnessSummary summary, RobustnessResults results)
    {
        var page = Page(summary, results);
        page.SaveFigures(folder.Path);
        var (_, skipped) = ChartPng.ConvertFolder(folder.Figures);
        folder.SaveSummary(page.ToMarkdown());
        page.ToHtml().Save(folder.File(RobustnessFolder.HtmlFile));
        return skipped;
    }

    /// <summary>The study in memory: the same sections for summary.md, robustness.html and notebook 09.</summary>
    public static ReportPage Page(RobustnessSummary s, RobustnessResults results) => new(Title, Sections(s, results).ToList(), results.Info.Finished);

    public static IEnumerable<ReportSection> Sections(RobustnessSummary s, RobustnessResults results)
    {
        yield return new ReportSection("Provenance", [Provenance(results)]);
        yield return new ReportSection("Discussion", RobustnessDiscussion.Paragraphs(s));
        yield return new ReportSection("Goals and probes", [RobustnessTables.Goals(s), RobustnessTables.Probes(s)], []);
        yield return new ReportSection("Accuracy against severity", [RobustnessTables.Accuracy(s)], RobustnessFigures.Curves(s));
        if (s.FusionGaps.Count > 0) yield return new ReportSection("Fusion against the better branch", [RobustnessTables.FusionGaps(s)], []);
        if (s.VariantGapsOrNone.Count > 0) yield return new ReportSection("Fused variants against the better branch", [RobustnessTables.VariantGaps(s)], []);
        yield return new ReportSection("Method", [], []) { Bullets = MethodNotes };
    }

    static string Provenance(RobustnessResults r) =>
        $"Runs: {string.Join(", ", r.Runs.Select(x => x.RunFolder))}. Command: {r.Info.Command}; commit {r.Info.Commit ?? "unknown"}" +
        $"{(r.Info.WorkingTreeDirty == true ? " (with local changes)" : "")}; {r.Info.Machine}; {r.Seconds.ToString("0", System.Globalization.CultureInfo.InvariantCulture)} s.";

    static readonly string[] MethodNotes =
    [
        "Every corrupted recording follows from the study's seed, the condition and the recording id alone, so every model and every run hears exactly the same audio.",
        "The models see each corrupted recording through their own run's pipeline: resampling, endpointing (a recording without a detected word is answered \"no speech\" and counts as wrong for every model), placement in the window, standardisation, log-mel.",
        "White noise and babble cover the whole window the models see (at least 1 s), scaled against the word's RMS; babble is four talkers, each a chain of other speakers' test recordings.",
        "Reverberation: exponentially decaying noise impulse responses with the given RT60 after a direct path, a fresh one per recording; the reverberant tail is kept.",
        "Gain is clipped at ±1, as a 16-bit recording would be; without clipping a gain changes nothing but the endpointer's silence floor, since every clip is standardised.",
        "Placement: the word at a uniform random offset inside 1, 2 or 3 s of white, pink or brown noise (chosen per recording) at 20 dB SNR.",
        "Speed: resampled playback (tempo and pitch together), the recording padded with silence so a slower word keeps its ends.",
        "Fusion − better branch: the branch is the single-branch model with the higher accuracy in that condition, picked after seeing the results, which leans against fusion. McNemar's exact test per run; paired percentile bootstrap over recordings (pooled over seeds on the seed-averaged correctness).",
    ];
}
