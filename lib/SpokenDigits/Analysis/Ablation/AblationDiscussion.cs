using SpokenDigits.Models;
using SpokenDigits.Runs;
using static SpokenDigits.Analysis.ReportFormat;
using static SpokenDigits.Analysis.Prose;

namespace SpokenDigits.Analysis.Ablation;

/// <summary>The ablation's discussion in plain sentences. Every number is read from the <see cref="AblationSummary"/>;
/// a difference whose interval contains 0 is called not significant.</summary>
public static class AblationDiscussion
{
    /// <summary>How many digits the prose names at most on each side.</summary>
    public const int Named = 3;

    public static IReadOnlyList<string> Paragraphs(AblationSummary s)
    {
        var list = new List<string>();
        if (s.Official.Count == 0 || s.BestSingle is null)
        {
            list.Add("No single-branch model finished on the official split, so there is nothing to compare the fused models with.");
            list.Add(Caveats(s));
            return list;
        }
        list.Add(Singles(s));
        list.AddRange(Which(s));
        if (Digits(s) is { } d) list.Add(d);
        list.AddRange(Why(s));
        if (s.Loso is { } l) list.Add(Loso(l));
        if (s.Goals.Count > 0) list.Add(Goals(s));
        list.Add(Caveats(s));
        return list;
    }

    static string Singles(AblationSummary s)
    {
        var singles = s.Official.Where(r => r.Kind == ContenderKind.Single).ToList();
        return $"On the official split, over {Int(s.Seeds.Count)} seed{Plural(s.Seeds.Count)}, the single-branch models reach " +
               Join(singles.Select(r => $"{PercentPm(r.Accuracy)} ({r.Name})")) +
               $"; the better single branch, against which every fused model is compared, is {s.BestSingle}.";
    }

    /// <summary>Which combination helps, and by how much.</summary>
    static IEnumerable<string> Which(AblationSummary s)
    {
        var fused = s.Official.Where(r => r.Kind != ContenderKind.Single && r.VsBestSingle?.Pooled is not null).ToList();
        if (fused.Count == 0)
        {
            yield return "No fused model shares a finished seed with the best single branch, so no fused model can be compared.";
            yield break;
        }
        var best = s.Row(s.BestFusion);
        if (best?.VsBestSingle?.Pooled is { } p)
            yield return $"The best fused model is {best.Name} at {PercentPm(best.Accuracy)}: {Points(p.Difference)} points against {s.BestSingle} " +
                         $"(95% bootstrap CI [{Points(p.Lower)}, {Points(p.Upper)}]), which is " +
                         (best.DeltaSignificant ? (p.Difference > 0 ? "significantly better" : "significantly worse") : "not significant: the interval contains 0, so this ablation cannot tell the two apart") +
                         $". McNemar's exact test was significant in its favour in {Int(best.VsBestSingle.SeedsSignificantForA)} of {Int(best.VsBestSingle.PerSeed.Count)} seeds and against it in {Int(best.VsBestSingle.SeedsSignificantForB)}.";
        if (best is not null && s.Row(s.ChosenOnValidation) is { } chosen)
            yield return ChosenOnValidation(s, best, chosen, fused.Count(r => r.Seeds.Count == best.Seeds.Count));
        if (best is not null)
        {
            var fewer = fused.Where(r => r.Seeds.Count < best.Seeds.Count && r.Accuracy.Mean > best.Accuracy.Mean).ToList();
            if (fewer.Count > 0)
                yield return $"Higher in mean but run on fewer seeds, so not yet comparable: " +
                             Join(fewer.Select(r => $"{r.Name} at {PercentPm(r.Accuracy)} over {Int(r.Seeds.Count)} seed{Plural(r.Seeds.Count)} ({Points(r.Delta)} points against {s.BestSingle}, {AblationTables.Verdict(r.VsBestSingle!.Pooled!)})")) + ".";
        }
        if (s.Baseline is { VsBestSingle.Pooled: { } b } baseline && baseline.Name != s.BestFusion)
            yield return $"The baseline, {baseline.Name}, reaches {PercentPm(baseline.Accuracy)} ({Points(b.Difference)} points against {s.BestSingle}, {AblationTables.Verdict(b)}); " +
                         (best is null ? "" : $"the best fused model differs from it by {Points(best.Accuracy.Mean - baseline.Accuracy.Mean)} points in mean accuracy.");
        var better = fused.Where(r => r.DeltaSignificant && r.Delta > 0).Select(r => r.Name).ToList();
        var worse = fused.Where(r => r.DeltaSignificant && r.Delta < 0).Select(r => r.Name).ToList();
        var ahead = fused.Where(r => !r.DeltaSignificant && r.Delta > 0).Select(r => r.Name).ToList();
        yield return (better.Count == 0
                         ? $"No fused model is significantly better than {s.BestSingle}."
                         : $"Significantly better than {s.BestSingle}: {Join(better)}.") +
                     (ahead.Count == 0 ? "" : $" Ahead but not significantly: {Join(ahead)}.") +
                     (worse.Count == 0 ? "" : $" Significantly worse: {Join(worse)}.");
    }

    /// <summary>The pick made without the test part, against the best test mean (which, among many variants, is partly luck).</summary>
    static string ChosenOnValidation(AblationSummary s, AblationRow best, AblationRow chosen, int candidates)
    {
        string why = $"Picking the highest test mean among {Int(candidates)} fused models favours whichever had luck on these {Int(best.TestRecordings)} test recordings; " +
                     "picked on the validation accuracy of the kept epochs instead, as a model would be chosen in practice, ";
        if (chosen.Name == best.Name)
            return why + $"the choice is the same model ({chosen.Name}, validation {PercentPm(chosen.ValidationAccuracy)}).";
        string against = chosen.VsBestSingle?.Pooled is { } p ? $"{Points(p.Difference)} points against {s.BestSingle}, {AblationTables.Verdict(p)}" : $"not compared with {s.BestSingle}";
        return why + $"it would be {chosen.Name} (validation {PercentPm(chosen.ValidationAccuracy)} against {PercentPm(best.ValidationAccuracy)} for {best.Name}), " +
               $"whose test accuracy is {PercentPm(chosen.Accuracy)} ({against}).";
    }

    /// <summary>For which digits the best fusion helps and hurts.</summary>
    static string? Digits(AblationSummary s)
    {
        if (s.DigitGains is not { } gains) return null;
        var helped = gains.Where(g => g.Gain.Mean > 0).OrderByDescending(g => g.Gain.Mean).Take(Named).ToList();
        var hurt = gains.Where(g => g.Gain.Mean < 0).OrderBy(g => g.Gain.Mean).Take(Named).ToList();
        string Gain(DigitGain g) => $"digit {g.Label} ({SignedPm(g.Gain)} F1{(Math.Abs(g.Gain.Mean) <= g.Gain.Std ? ", within seed noise" : "")})";
        return $"Per digit, {s.BestFusion} against {s.BestSingle}: " +
               (helped.Count == 0 ? "it is not ahead on any digit on average" : $"it helps most on {Join(helped.Select(Gain))}") + "; " +
               (hurt.Count == 0 ? "it is behind on no digit." : $"it hurts {Join(hurt.Select(Gain))}.");
    }

    /// <summary>Why: each branch alone, the fusion weights, and complementarity.</summary>
    static IEnumerable<string> Why(AblationSummary s)
    {
        var names = new[] { s.BestFusion, s.Baseline?.Name }.Where(n => n is not null).Distinct().ToList();
        var diagnosed = names.Select(s.Diagnosis).Where(d => d is not null).Select(d => d!).ToList();
        var raw = s.Row(ModelNames.Raw);
        var spec = s.Row(ModelNames.Spec);
        if (diagnosed.Count > 0)
            yield return "Each branch on its own inside the fused model (test recordings" +
                         (raw is null || spec is null ? "" : $"; the single-branch models reach {Percent(raw.Accuracy.Mean)} raw and {Percent(spec.Accuracy.Mean)} spectrogram") + "): " +
                         Join(diagnosed.Select(d => $"{d.Name} has raw alone {PercentPm(d.RawAlone)} and spectrogram alone {PercentPm(d.SpecAlone)} ({d.Method}" +
                             (d.FinalTrainRaw.Count > 0 ? $"; last epoch raw train {Percent(d.FinalTrainRaw.Mean)} vs validation {Percent(d.FinalValidationRaw.Mean)}, spectrogram train {Percent(d.FinalTrainSpec.Mean)} vs validation {Percent(d.FinalValidationSpec.Mean)}" : "") + ")")) +
                         ". A branch far below its single-branch model means joint training left it under-trained.";
        if (s.WeightsOf(s.BestFusion) is { } w)
        {
            var order = w.Labels.Select((label, i) => (label, w.RawWeight[i])).Where(x => x.Item2.Count > 0).OrderByDescending(x => x.Item2.Mean).ToList();
            yield return $"{w.Name} gives the raw branch a mean weight of {F3(w.Overall.Mean)} (spectrogram {F3(1 - w.Overall.Mean)}); " +
                         (order.Count == 0 ? "" : $"most on digit {order[0].label} ({F3(order[0].Item2.Mean)}) and least on digit {order[^1].label} ({F3(order[^1].Item2.Mean)}).");
        }
        foreach (var c in names.Select(s.ComplementarityOf).Where(c => c is not null).Select(c => c!))
            yield return $"Complementarity of {c.Name} (mean per seed): of the {AblationTables.Count(c.MeanExactlyOne)} test recordings exactly one single model gets right, " +
                         $"it gets {AblationTables.Count(c.MeanExactlyOneRight)} ({Percent(c.ExactlyOneShare)}) right: {Percent(c.OnlyRawShare)} of those only the raw model knows " +
                         $"and {Percent(c.OnlySpecShare)} of those only the spectrogram model knows. Of the {AblationTables.Count(c.MeanBothWrong)} recordings both single models miss, " +
                         $"it recovers {AblationTables.Count(c.MeanBothWrongRight)} ({Percent(c.BothWrongShare)}).";
    }

    static string Loso(LosoTable l)
    {
        var single = l.Row(l.BestSingle);
        var fusion = l.Row(l.BestFusion);
        var text = $"Leaving one speaker out, the best single model is {l.BestSingle ?? "missing"}" +
                   (single is null ? "" : $" at {PercentPm(single.Accuracy)} (worst held-out speaker {single.Worst?.Speaker}: {Percent(single.Worst?.Accuracy ?? double.NaN)})");
        if (fusion is null) return text + "; no fused model was trained this way.";
        text += $"; the best fused model is {fusion.Name} at {PercentPm(fusion.Accuracy)} (worst {fusion.Worst?.Speaker}: {Percent(fusion.Worst?.Accuracy ?? double.NaN)}), " +
                $"{Points(fusion.MeanDifference)} points in mean accuracy";
        if (fusion.VsBestSingle?.Pooled is { } p)
            text += $"; on all held-out recordings {Points(p.Difference)} points, 95% CI [{Points(p.Lower)}, {Points(p.Upper)}], {AblationTables.Verdict(p)}";
        return text + ".";
    }

    /// <summary>The study's own goals (from its manifest), met or not.</summary>
    static string Goals(AblationSummary s) =>
        "Against the goals this study set itself: " + string.Join("; ", s.Goals.Select(g =>
            $"{LowerFirst(g.Goal)} (target at least {g.Format(g.Target)}): " +
            (g.Met is null ? "cannot tell, not measured" : $"{(g.Met == true ? "met" : "not met")} with {g.Format(g.Measured)}{(g.Model is null ? "" : $" ({g.Model})")}"))) + ".";

    static string Caveats(AblationSummary s)
    {
        var parts = new List<string>
        {
            "Tests use α = 0.05 without correction for the many variants compared, so a single significant variant among many is weak evidence; per-digit figures are descriptive.",
            $"Each model trained for {Int(s.Epochs)} epoch{Plural(s.Epochs)}.",
        };
        if (s.Seeds.Count < 5) parts.Add($"Only {Int(s.Seeds.Count)} seed{Plural(s.Seeds.Count)} ran, so the standard deviations are rough.");
        if (s.Subset is int sub) parts.Add($"The runs used only takes below {Int(sub)} (--subset): not comparable with full-data runs.");
        if (s.Notes.Count > 0) parts.Add($"{Int(s.Notes.Count)} run note{Plural(s.Notes.Count)} (left-out or incomplete runs) are listed below.");
        return string.Join(" ", parts);
    }

}
