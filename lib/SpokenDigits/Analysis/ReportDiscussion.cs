using SpokenDigits.Models;
using static SpokenDigits.Analysis.ReportFormat;
using static SpokenDigits.Analysis.Prose;

namespace SpokenDigits.Analysis;

/// <summary>The report's discussion in plain sentences; every number comes from the aggregates, and a difference
/// whose test is not significant is called so.</summary>
public static class ReportDiscussion
{
    /// <summary>How many digits and pairs the prose names at most.</summary>
    public const int Named = 3;

    public static IReadOnlyList<string> Paragraphs(ReportData d)
    {
        var list = new List<string>();
        if (d.Seeds is { } s) list.AddRange(MultiSeed(s, d.SplitSeeds));
        if (d.Loso is { } l) list.AddRange(Loso(l));
        foreach (var c in d.CrossCorporaOrNone) list.Add(CrossCorpus(c, d.Seeds));
        list.Add(Caveats(d));
        return list;
    }

    static IEnumerable<string> MultiSeed(SeedSummary s, IReadOnlyList<int> splitSeeds)
    {
        var ran = s.Models.Where(m => m.Runs > 0).ToList();
        if (ran.Count == 0)
        {
            yield return "Every training failed, so there is nothing to compare.";
            yield break;
        }
        string splits = splitSeeds.Count <= 1 ? "on one fixed split"
            : $"on {Int(splitSeeds.Count)} different train/validation draws (split seeds {string.Join(", ", splitSeeds.Select(Int))})";
        yield return $"Over {Int(s.Seeds.Count)} model seeds {splits}, mean test accuracy was " +
                     string.Join(", ", ran.Select(m => $"{PercentPm(m.Accuracy)} for the {Short(m.ModelName)} model")) +
                     " (mean ± sample standard deviation across seeds).";

        var verdicts = new List<(string Branch, BootstrapResult P, bool Better)>();
        foreach (var c in s.Comparisons)
        {
            if (c.Pooled is not { } p) continue;
            bool sig = p.Lower > 0 || p.Upper < 0;
            string position = p.Difference == 0 ? "level with it"
                : $"{Points(Math.Abs(p.Difference)).TrimStart('+')} accuracy points {(p.Difference > 0 ? "ahead of" : "behind")} it";
            yield return $"Fusion against the {Short(c.ModelB)} model: fusion is {position} " +
                         $"(seed-averaged, 95% bootstrap CI over recordings [{Points(p.Lower)}, {Points(p.Upper)}] points), which is " +
                         (sig ? "significant: the interval excludes 0." : "not significant: the interval contains 0, so this run cannot tell the two apart.") +
                         $" McNemar's exact test per seed was significant in fusion's favour in {Int(c.SeedsSignificantForA)} of {Int(c.PerSeed.Count)} seeds and against it in {Int(c.SeedsSignificantForB)}" +
                         (c.PerSeed.Count > 0 ? $" (p = {string.Join(", ", c.PerSeed.Select(x => P(x.McNemar.PValue)))})." : ".");
            verdicts.Add((c.ModelB, p, sig && p.Difference > 0));
        }
        if (verdicts.Count == 2)
            yield return verdicts.All(v => v.Better)
                ? "Answer: fusion classifies the test recordings significantly better than either branch alone."
                : verdicts.Any(v => v.Better)
                    ? $"Answer: fusion is significantly better than the {Short(verdicts.First(v => v.Better).Branch)} model, but not significantly better than the {Short(verdicts.First(v => !v.Better).Branch)} model, so this run does not show that fusion beats both branches."
                    : "Answer: this run does not show fusion to be better than either branch alone; no difference in its favour is significant.";

        if (s.FusionGains is { } gains)
        {
            var helped = gains.Where(g => g.Gain.Mean > 0).OrderByDescending(g => g.Gain.Mean).Take(Named).ToList();
            var hurt = gains.Where(g => g.Gain.Mean < 0).OrderBy(g => g.Gain.Mean).ToList();
            yield return helped.Count == 0
                ? "Per digit, fusion's F1 is not above the better single branch's for any digit on average."
                : $"Per digit, fusion gains most F1 over the better single branch on {Join(helped.Select(g => $"digit {g.Label} ({SignedPm(g.Gain)}, ahead in {Int(g.SeedsAhead)} of {Int(g.Gain.Count)} seeds)"))}" +
                  (helped.All(g => g.Gain.Mean <= g.Gain.Std) ? "; each of these gains is within one standard deviation across seeds, so none is clearly beyond seed noise." : ".");
            yield return hurt.Count == 0
                ? "No digit has a lower mean F1 with fusion than with the better single branch."
                : $"Fusion hurts {Join(hurt.Select(g => $"digit {g.Label} ({SignedPm(g.Gain)}, behind in {Int(g.SeedsBehind)} of {Int(g.Gain.Count)} seeds{(Math.Abs(g.Gain.Mean) <= g.Gain.Std ? ", within seed noise" : "")})"))} relative to the better branch for that digit.";
        }

        if (s.PairChanges is { } pairs)
        {
            var less = pairs.Where(p => p.Change < 0).Take(Named).ToList();
            var more = pairs.Where(p => p.Change > 0).OrderByDescending(p => p.Change).Take(Named).ToList();
            yield return (less.Count == 0 ? "Summed over seeds, there is no digit pair fusion confuses less often than the better branch for that pair."
                             : $"Summed over seeds, fusion confuses these pairs less than the better branch: {Join(less.Select(Pair))}.") +
                         (more.Count == 0 ? " It confuses no pair more often." : $" It confuses these more: {Join(more.Select(Pair))}.") +
                         " These counts are descriptive; no test is applied to single cells.";
        }
    }

    static IEnumerable<string> Loso(SpeakerIndependentSummary l)
    {
        yield return $"Leaving each of {Int(l.Speakers.Count)} speakers out in turn, mean accuracy on the held-out speaker was " +
                     string.Join(", ", l.ModelNames.Select((n, i) => $"{PercentPm(l.MeanAccuracy[i])} for the {Short(n)} model")) +
                     ". The hardest held-out speakers: " +
                     string.Join(", ", l.Worst.Select(w => $"{w.Speaker} for the {Short(w.ModelName)} model ({Percent(w.Accuracy)})")) + ".";
        foreach (var c in l.Comparisons)
        {
            if (c.Pooled is not { } p) continue;
            bool sig = p.Lower > 0 || p.Upper < 0;
            var first = c.PerSeed.FirstOrDefault();
            yield return $"On all held-out recordings together, fusion against the {Short(c.ModelB)} model: {Points(p.Difference)} accuracy points, " +
                         $"95% CI [{Points(p.Lower)}, {Points(p.Upper)}], " + (sig ? "significant" : "not significant") +
                         (first is null ? "." : $"; McNemar's exact test for seed {Int(first.Seed)}: {first.McNemar.Describe()}.");
        }
        if (SpeakersFusionHelps(l) is { } perSpeaker) yield return perSpeaker;
    }

    /// <summary>Per held-out speaker, fusion against the better single model for that speaker.</summary>
    static string? SpeakersFusionHelps(SpeakerIndependentSummary l)
    {
        var names = l.ModelNames.ToList();
        int fusion = names.IndexOf(ModelNames.Fusion);
        var singles = new[] { ModelNames.Raw, ModelNames.Spec }.Select(n => names.IndexOf(n)).Where(i => i >= 0).ToList();
        if (fusion < 0 || singles.Count == 0) return null;
        var gains = l.Speakers
            .Where(r => r.Accuracy[fusion] is not null && singles.All(i => r.Accuracy[i] is not null))
            .Select(r => (r.Speaker, Gain: r.Accuracy[fusion]!.Value - singles.Max(i => r.Accuracy[i]!.Value)))
            .ToList();
        if (gains.Count == 0) return null;
        var ahead = gains.Where(g => g.Gain > 0).OrderByDescending(g => g.Gain).ToList();
        var behind = gains.Where(g => g.Gain <= 0).OrderBy(g => g.Gain).ToList();
        string List(IEnumerable<(string Speaker, double Gain)> items) => Join(items.Select(g => $"{g.Speaker} ({Points(g.Gain)})"));
        return $"Per held-out speaker, fusion is ahead of the better single model for that speaker on {Int(ahead.Count)} of {Int(gains.Count)}" +
               (ahead.Count == 0 ? "" : $": {List(ahead)}") +
               (behind.Count == 0 ? "." : $"; it is behind, or level, on {List(behind)} (accuracy points; one fold each, so these are descriptive).");
    }

    /// <summary>The models on a test-only corpus beside their FSDD test accuracy, and fusion against the better branch there.</summary>
    static string CrossCorpus(CrossCorpusSummary c, SeedSummary? fsdd)
    {
        var ran = c.Summary.Models.Where(m => m.Runs > 0).ToList();
        if (ran.Count == 0) return $"On {c.Corpus} no model could be evaluated.";
        string Fsdd(ModelSeedSummary m) => fsdd?.Model(m.ModelName) is { Runs: > 0 } f ? $", against {PercentPm(f.Accuracy)} on the FSDD test part" : "";
        var text = $"On {c.Corpus} ({Int(c.Recordings)} recordings of voices and microphones the models never met in training; never used to choose anything), " +
                   "mean accuracy was " + Join(ran.Select(m => $"{PercentPm(m.Accuracy)} for the {Short(m.ModelName)} model{Fsdd(m)}")) + "." +
                   (c.NoSpeech > 0 ? $" The detector heard no word in {Int(c.NoSpeech)} of them (they count with each model's answer on the centre-fitted recording)." : "");
        var better = c.Summary.Comparisons.Where(x => x.Pooled is not null)
            .OrderByDescending(x => c.Summary.Model(x.ModelB)?.Accuracy.Mean ?? double.NegativeInfinity).FirstOrDefault();
        if (better?.Pooled is not { } p) return text;
        bool sig = p.Lower > 0 || p.Upper < 0;
        return text + $" Against the better single branch there, the {Short(better.ModelB)} model, fusion is {Points(p.Difference)} accuracy points " +
               $"(seed-averaged, 95% bootstrap CI [{Points(p.Lower)}, {Points(p.Upper)}]), " +
               (sig ? (p.Difference > 0 ? "significantly better." : "significantly worse.") : "not significantly different.");
    }

    static string Caveats(ReportData d)
    {
        var r = d.First;
        var parts = new List<string>
        {
            "Tests use α = 0.05 without correction for the several comparisons made; the per-digit and per-pair figures are descriptive.",
            "The pooled interval resamples recordings and keeps each recording's outcomes over all seeds together: it averages over seeds instead of counting them as independent evidence.",
        };
        if (d.SeedRuns.Count is > 0 and < 5) parts.Add($"Only {Int(d.SeedRuns.Count)} seeds were run, so the standard deviations are rough.");
        if (d.Manifest?.Subset is int subset) parts.Add($"The runs used only takes below {Int(subset)} per speaker and digit (--subset), so the numbers are not comparable with full-data runs.");
        parts.Add($"Each model trained for {Int(r.Training.Epochs)} epoch{(r.Training.Epochs == 1 ? "" : "s")}.");
        return string.Join(" ", parts);
    }

    static string Pair(ConfusionPairChange p) =>
        $"{p.Truth} taken for {p.Predicted} ({Int(p.Fusion)} times by fusion vs {Int(p.BetterBranch)} by the better branch)";
}
