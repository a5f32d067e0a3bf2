using System.Globalization;
using SpokenDigits.Evaluation;
using SpokenDigits.Runs;

namespace SpokenDigits.Analysis.EarlierMethods;

/// <summary>One method of the comparison over its seeds.</summary>
/// <param name="Label">The method (<see cref="EarlierMethodRows"/>).</param>
/// <param name="Model">The model class that implements it.</param>
/// <param name="Accuracy">Test accuracy (0–1) over the seeds.</param>
/// <param name="MacroF1">Macro-F1 over the seeds.</param>
/// <param name="Parameters">Trainable parameters.</param>
/// <param name="Assignment">The assignment's reported AudioMNIST accuracy (0–1); null where it reported none.</param>
/// <param name="BySeed">Test accuracy per model seed.</param>
/// <param name="TestCorpora">Accuracy (0–1) over the seeds on each test-only corpus every run was evaluated on (by evaluation
/// name); empty when none was.</param>
public sealed record EarlierMethodRow(string Label, string Model, MeanStd Accuracy, MeanStd MacroF1, long Parameters, double? Assignment,
    IReadOnlyDictionary<int, double> BySeed, IReadOnlyDictionary<string, MeanStd> TestCorpora);

/// <summary>CBAM against the same CNN without it, paired by seed: mean difference and its spread.</summary>
/// <param name="Difference">CBAM minus plain, in accuracy (0–1), over the seeds both have.</param>
/// <param name="WithinNoise">Whether |mean| is below two standard errors of the paired differences (or only one seed).</param>
public sealed record CbamGain(MeanStd Difference, bool WithinNoise);

/// <summary>The earlier-methods comparison: every method's row, the CBAM gain, and findings written from the numbers.</summary>
/// <param name="TestCorpora">The test-only corpora every run was evaluated on (evaluation names, ordinal order), with their recordings.</param>
public sealed record EarlierMethodsSummary(IReadOnlyList<EarlierMethodRow> Rows, CbamGain? Cbam, IReadOnlyList<string> Findings, string DatasetNote,
    IReadOnlyList<(string Name, int Recordings)> TestCorpora)
{
    /// <summary>The comparison from the runs on disk, with each test-only corpus that every run holds an evaluation of
    /// (written by <c>Inference.TestCorpusEvaluation</c>).</summary>
    public static EarlierMethodsSummary Load(EarlierMethodsFolders folders)
    {
        var groups = folders.RunFolders().Select(g => (g.Group, Runs: g.Runs.Select(f => (Folder: f, Run: f.Load())).ToList())).ToList();
        var all = groups.SelectMany(g => g.Runs).ToList();
        var names = RunFolder.SharedEvaluationNames(all);
        var corpora = names.ToDictionary(name => name, name => (IReadOnlyList<(string, IReadOnlyList<RunResults>)>)groups
            .Select(g => (g.Group, (IReadOnlyList<RunResults>)g.Runs.Select(r => r.Folder.WithEvaluationAsTest(r.Run, name)).ToList())).ToList());
        return From(groups.Select(g => (g.Group, (IReadOnlyList<RunResults>)g.Runs.Select(r => r.Run).ToList())).ToList(), corpora);
    }

    /// <summary>Rows from each group's seed runs (<see cref="EarlierMethodsFolders.RunFolders"/>, loaded) and, by corpus name, the same runs
    /// with that corpus as their test part (<see cref="RunFolder.WithEvaluationAsTest"/>); methods without a finished run are left out.</summary>
    public static EarlierMethodsSummary From(IReadOnlyList<(string Group, IReadOnlyList<RunResults> Runs)> groups,
        IReadOnlyDictionary<string, IReadOnlyList<(string Group, IReadOnlyList<RunResults> Runs)>>? testCorpora = null)
    {
        testCorpora ??= new Dictionary<string, IReadOnlyList<(string, IReadOnlyList<RunResults>)>>();
        var names = testCorpora.Keys.Order(StringComparer.Ordinal).ToList();
        var rows = new List<EarlierMethodRow>();
        foreach (var (label, group, model) in EarlierMethodRows.All)
        {
            var results = Results(groups, group, model);
            if (results.Count == 0) continue;
            var onCorpora = names.Select(n => (Name: n, Results: Results(testCorpora[n], group, model))).Where(c => c.Results.Count > 0)
                .ToDictionary(c => c.Name, c => MeanStd.Of(c.Results.Select(x => x.Model.Test!.Accuracy)));
            rows.Add(new EarlierMethodRow(label, model,
                MeanStd.Of(results.Select(x => x.Model.Test!.Accuracy)), MeanStd.Of(results.Select(x => x.Model.Test!.MacroF1)),
                results[0].Model.ParameterCount,
                AssignmentResults.Accuracy.TryGetValue(label, out var reported) ? reported : null,
                results.GroupBy(x => x.Seed).ToDictionary(g => g.Key, g => g.First().Model.Test!.Accuracy), onCorpora));
        }
        var cbam = Gain(rows.FirstOrDefault(r => r.Label == EarlierMethodRows.Cnn), rows.FirstOrDefault(r => r.Label == EarlierMethodRows.CnnCbam));
        var corpora = names.Select(n => (n, testCorpora[n].SelectMany(g => g.Runs).SelectMany(r => r.Models).FirstOrDefault(m => m.Succeeded)?.Predictions.Count ?? 0))
            .ToList();
        return new EarlierMethodsSummary(rows, cbam, [.. WriteFindings(rows, cbam), .. CorpusFindings(rows, corpora)], AssignmentResults.DatasetDifference, corpora);
    }

    static List<(int Seed, ModelResult Model)> Results(IReadOnlyList<(string Group, IReadOnlyList<RunResults> Runs)> groups, string group, string model) =>
        groups.Where(g => g.Group == group).SelectMany(g => g.Runs)
            .Select(r => (Seed: r.Training.Seed, Model: r.Models.FirstOrDefault(m => m.ModelName == model && m.Succeeded)))
            .Where(x => x.Model is not null).Select(x => (x.Seed, x.Model!)).ToList();

    /// <summary>Per test-only corpus: how far every method falls from the FSDD test part, and which is best there.</summary>
    static IEnumerable<string> CorpusFindings(IReadOnlyList<EarlierMethodRow> rows, IReadOnlyList<(string Name, int Recordings)> corpora)
    {
        foreach (var (name, recordings) in corpora)
        {
            var on = rows.Where(r => r.TestCorpora.ContainsKey(name)).ToList();
            if (on.Count == 0) continue;
            var best = on.MaxBy(r => r.TestCorpora[name].Mean)!;
            var drops = on.Select(r => r.Accuracy.Mean - r.TestCorpora[name].Mean).ToList();
            var cnn = on.FirstOrDefault(r => r.Label == EarlierMethodRows.Cnn);
            var cbam = on.FirstOrDefault(r => r.Label == EarlierMethodRows.CnnCbam);
            var text = $"On {name} ({recordings} recordings by speakers never heard in training, a test-only corpus): every method falls by " +
                $"{drops.Min() * 100:F1}–{drops.Max() * 100:F1} points from the FSDD test part; best there: {best.Label} " +
                $"({Pct(best.TestCorpora[name].Mean)} ± {best.TestCorpora[name].Std * 100:F2})";
            if (cnn is not null && cbam is not null)
                text += $"; CBAM against the plain CNN there: {Points(cbam.TestCorpora[name].Mean - cnn.TestCorpora[name].Mean)} points";
            yield return text + ".";
        }
    }

    static CbamGain? Gain(EarlierMethodRow? plain, EarlierMethodRow? cbam)
    {
        if (plain is null || cbam is null) return null;
        var shared = plain.BySeed.Keys.Intersect(cbam.BySeed.Keys).Order().ToList();
        if (shared.Count == 0) return null;
        var d = MeanStd.Of(shared.Select(s => cbam.BySeed[s] - plain.BySeed[s]));
        bool withinNoise = d.Count < 2 || Math.Abs(d.Mean) < 2 * d.Std / Math.Sqrt(d.Count);
        return new CbamGain(d, withinNoise);
    }

    static IReadOnlyList<string> WriteFindings(IReadOnlyList<EarlierMethodRow> rows, CbamGain? cbam)
    {
        var findings = new List<string>();
        string[] mfcc = [EarlierMethodRows.Baseline, EarlierMethodRows.MethodA, EarlierMethodRows.MethodB, EarlierMethodRows.MethodC];
        var ours = rows.Where(r => mfcc.Contains(r.Label)).ToList();
        if (ours.Count == 4)
        {
            var theirs = ours.OrderByDescending(r => r.Assignment).Select(r => Short(r.Label)).ToList();
            var ranked = ours.OrderByDescending(r => r.Accuracy.Mean).Select(r => Short(r.Label)).ToList();
            bool same = theirs.SequenceEqual(ranked);
            findings.Add($"Ranking of the four MFCC methods: the assignment's {string.Join(" > ", theirs)}; ours {string.Join(" > ", ranked)} " +
                $"({string.Join(", ", ours.OrderByDescending(r => r.Accuracy.Mean).Select(r => $"{Short(r.Label)} {Pct(r.Accuracy.Mean)}"))}): " +
                (same ? "the ranking reproduces." : "the ranking does not reproduce."));
            var baseline = ours.First(r => r.Label == EarlierMethodRows.Baseline);
            var aboveBaseline = ours.Where(r => r != baseline && r.Accuracy.Mean > baseline.Accuracy.Mean).Select(r => Short(r.Label)).ToList();
            findings.Add(aboveBaseline.Count == 0
                ? $"No learned compression beats the average MFCC vector ({Pct(baseline.Accuracy.Mean)})."
                : $"Learned compression beating the average MFCC vector ({Pct(baseline.Accuracy.Mean)}): {string.Join(", ", aboveBaseline)}.");
        }
        if (cbam is not null)
        {
            var d = cbam.Difference;
            findings.Add($"CBAM changes the spectrogram CNN by {Points(d.Mean)} points (± {d.Std * 100:F2} over {d.Count} paired seeds; " +
                $"the assignment: +0.43): {(cbam.WithinNoise ? "within seed noise" : d.Mean > 0 ? "a gain beyond seed noise" : "a loss beyond seed noise")}.");
        }
        var best = rows.MaxBy(r => r.Accuracy.Mean);
        if (best is not null)
            findings.Add($"Best in the whole progression on this split: {best.Label} ({Pct(best.Accuracy.Mean)} ± {best.Accuracy.Std * 100:F2}).");
        return findings;
    }

    static string Short(string label) => label.Split(':')[0];
    static string Pct(double accuracy) => (accuracy * 100).ToString("F2", CultureInfo.InvariantCulture) + " %";
    static string Points(double difference) => (difference >= 0 ? "+" : "−") + Math.Abs(difference * 100).ToString("F2", CultureInfo.InvariantCulture);
}
