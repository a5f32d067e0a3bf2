using System.Globalization;
using SpokenDigits.Runs;
using static SpokenDigits.Analysis.ReportFormat;

namespace SpokenDigits.Analysis.Ablation;

/// <summary>The ablation report's tables, every cell formatted from the <see cref="AblationSummary"/>.</summary>
public static class AblationTables
{
    static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>The row label: the baseline, the best single, the best fusion and the fusion chosen on validation are marked.</summary>
    public static string Label(AblationSummary s, string name, ContenderKind kind)
    {
        var marks = new List<string>();
        if (kind == ContenderKind.Baseline) marks.Add("baseline");
        if (name == s.BestSingle) marks.Add("best single");
        if (name == s.BestFusion) marks.Add("★ best fusion");
        if (name == s.ChosenOnValidation) marks.Add("chosen on validation");
        return marks.Count == 0 ? name : $"{name} ({string.Join(", ", marks)})";
    }

    public static ReportTable Official(AblationSummary s) => new(
        $"Official split: test accuracy and macro-F1 over seeds (mean ± sample std), and the validation accuracy of the kept epochs; Δ = mean paired difference against the best single branch ({s.BestSingle ?? "none"}), pooled over seeds and recordings",
        ["Model", "Seeds", "Accuracy", "Macro-F1", "Validation accuracy", "Δ accuracy (points)", "95% bootstrap CI", "McNemar p < 0.05 (seeds)", "Verdict"],
        s.Official.Select(r => (IReadOnlyList<string>)[Label(s, r.Name, r.Kind), Int(r.Seeds.Count), PercentPm(r.Accuracy), F3Pm(r.MacroF1), PercentPm(r.ValidationAccuracy),
            .. DeltaCells(r.VsBestSingle)]).ToList());

    /// <summary>Δ, CI, McNemar seeds and the verdict of one comparison against the best single ("–" for the best single itself).</summary>
    static IReadOnlyList<string> DeltaCells(PairedComparison? c)
    {
        if (c is null) return ["–", "–", "–", "reference"];
        if (c.Pooled is not { } p) return ["–", "–", "–", "no common seed"];
        return [Points(p.Difference), $"[{Points(p.Lower)}, {Points(p.Upper)}]",
            $"{Int(c.SeedsSignificantForA)} better, {Int(c.SeedsSignificantForB)} worse of {Int(c.PerSeed.Count)}", Verdict(p)];
    }

    /// <summary>"significantly better", "significantly worse" or "not significant".</summary>
    public static string Verdict(BootstrapResult p) =>
        p.Lower > 0 ? "significantly better" : p.Upper < 0 ? "significantly worse" : "not significant";

    public static ReportTable Diagnostics(AblationSummary s) => new(
        "Each branch of the fused models on its own: test accuracy (from the stored diagnostics) and the last epoch's training vs validation accuracy (mean ± std over seeds)",
        ["Model", "Seeds", "Method", "Raw alone (test)", "Spec alone (test)", "Raw alone train / validation", "Spec alone train / validation", "Mean raw weight"],
        s.Diagnostics.Select(d => (IReadOnlyList<string>)[Label(s, d.Name, s.Row(d.Name)?.Kind ?? ContenderKind.Variant), Int(d.Seeds), d.Method,
            PercentPm(d.RawAlone), PercentPm(d.SpecAlone),
            $"{PercentOrDash(d.FinalTrainRaw)} / {PercentOrDash(d.FinalValidationRaw)}",
            $"{PercentOrDash(d.FinalTrainSpec)} / {PercentOrDash(d.FinalValidationSpec)}",
            d.MeanRawWeight.Count == 0 ? "– (concat)" : F3Pm(d.MeanRawWeight)]).ToList());

    public static ReportTable Weights(AblationSummary s)
    {
        var labels = s.Weights[0].Labels;
        var rows = labels.Select((label, i) => (IReadOnlyList<string>)[label, .. s.Weights.Select(w => F3Pm(w.RawWeight[i]))]).ToList();
        rows.Add(["all digits", .. s.Weights.Select(w => F3Pm(w.Overall))]);
        return new ReportTable("Mean raw-branch fusion weight per true digit on the test recordings (spectrogram weight = 1 − raw; mean ± std over seeds)",
            ["Digit", .. s.Weights.Select(w => w.Name)], rows);
    }

    public static ReportTable Complementarity(AblationSummary s) => new(
        "Complementarity per seed, mean over seeds: test recordings exactly one single model gets right (only raw / only spectrogram), and recordings both miss; how many the fused model gets right (share of all such recordings over the seeds)",
        ["Model", "Seeds", "Exactly one single right", "Fused right", "Only raw right → fused right", "Only spec right → fused right", "Both singles wrong", "Fused recovers"],
        s.Complementarity.Select(c => (IReadOnlyList<string>)[Label(s, c.Name, s.Row(c.Name)?.Kind ?? ContenderKind.Variant), Int(c.PerSeed.Count),
            Count(c.MeanExactlyOne), $"{Count(c.MeanExactlyOneRight)} ({Percent(c.ExactlyOneShare)})",
            $"{Count(c.MeanOnlyRaw)} → {Count(c.MeanOnlyRawRight)} ({Percent(c.OnlyRawShare)})",
            $"{Count(c.MeanOnlySpec)} → {Count(c.MeanOnlySpecRight)} ({Percent(c.OnlySpecShare)})",
            Count(c.MeanBothWrong), $"{Count(c.MeanBothWrongRight)} ({Percent(c.BothWrongShare)})"]).ToList());

    public static ReportTable DigitGains(AblationSummary s, IReadOnlyList<DigitGain> gains) => new(
        $"Per-digit F1 gain of the best fusion ({s.BestFusion}) over the best single branch ({s.BestSingle}), within each seed, then mean ± std",
        ["Digit", "F1 gain", "Seeds ahead / behind", "Effect"],
        gains.Select(g => (IReadOnlyList<string>)[g.Label, SignedPm(g.Gain), $"{Int(g.SeedsAhead)} / {Int(g.SeedsBehind)}",
            g.Gain.Mean > 0 ? "helps" : g.Gain.Mean < 0 ? "hurts" : "no change"]).ToList());

    public static ReportTable Loso(AblationSummary s, LosoTable l)
    {
        int speakers = l.Rows.Max(r => r.Speakers.Count);
        return new ReportTable(
            $"Leave one speaker out: mean test accuracy over held-out speakers (mean ± std), the worst held-out speaker, and Δ against the best single ({l.BestSingle ?? "none"}) on all held-out recordings",
            ["Model", "Held-out speakers", "Mean accuracy", "Worst speaker", "Δ mean (points)", "Δ pooled, 95% CI", "Verdict"],
            l.Rows.Select(r => (IReadOnlyList<string>)[LosoLabel(l, r), $"{Int(r.Speakers.Count)} of {Int(speakers)}", PercentPm(r.Accuracy),
                r.Worst is { } w ? $"{w.Speaker}: {Percent(w.Accuracy)}" : "–",
                double.IsFinite(r.MeanDifference) ? Points(r.MeanDifference) : "–",
                r.VsBestSingle?.Pooled is { } p ? $"{Points(p.Difference)} [{Points(p.Lower)}, {Points(p.Upper)}]" : "–",
                r.VsBestSingle?.Pooled is { } q ? Verdict(q) : "reference"]).ToList());
    }

    static string LosoLabel(LosoTable l, LosoRow r)
    {
        var marks = new List<string>();
        if (r.Kind == ContenderKind.Baseline) marks.Add("baseline");
        if (r.Name == l.BestSingle) marks.Add("best single");
        if (r.Name == l.BestFusion) marks.Add("★ best fusion");
        return marks.Count == 0 ? r.Name : $"{r.Name} ({string.Join(", ", marks)})";
    }

    public static ReportTable Goals(AblationSummary s) => new(
        $"The goals this study set itself (from its {AblationFolder.ManifestFile}), checked against the measured numbers: met when the number is at least the target",
        ["Goal", "Target", "Measured", "Model", "Met"],
        s.Goals.Select(g => (IReadOnlyList<string>)[g.Goal, "≥ " + g.Format(g.Target), g.Format(g.Measured),
            g.Model ?? "–", g.Met switch { true => "met", false => "not met", null => "cannot tell" }]).ToList());

    public static ReportTable Setup(AblationSummary s, AblationRuns runs)
    {
        var t = runs.First.Training;
        var rows = new List<IReadOnlyList<string>>();
        rows.Add(["Report folder", FolderShown(s.Folder)]);
        rows.Add(["Official-split seeds", string.Join(", ", s.Seeds.Select(Int))]);
        rows.Add(["Variants asked for", runs.Manifest is { } m ? string.Join(", ", m.Variants) : "(no ablation-manifest.json: variants found on disk)"]);
        rows.Add(["Leave one speaker out", runs.Manifest is { LosoVariants.Count: > 0 } mm ? string.Join(", ", mm.LosoVariants) : "none"]);
        rows.Add(["Training", $"{Int(t.Epochs)} epoch{(t.Epochs == 1 ? "" : "s")}, batch {Int(t.BatchSize)}, lr {t.LearningRate.ToString(Inv)}" + (s.Subset is int sub ? $", takes below {Int(sub)} only (--subset)" : "")]);
        if (runs.Manifest is { } am) rows.Add(["Ablation command", am.Command]);
        return new ReportTable("Setup (read from the manifests and runs)", ["Item", "Value"], rows);
    }

    static string PercentOrDash(MeanStd v) => v.Count == 0 ? "–" : Percent(v.Mean);

    /// <summary>A mean count over seeds: "12" or "12.5".</summary>
    public static string Count(double v) => double.IsFinite(v) ? v.ToString("0.#", Inv) : "–";
}
