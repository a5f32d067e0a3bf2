using SpokenDigits.Runs;

namespace SpokenDigits.Inference;

/// <summary>Evaluates run folders (every seed run of a report, or runs to compare) on test-only corpora (<c>seed-&lt;n&gt;/evaluations/&lt;corpus&gt;/</c>),
/// so the report can show them beside the FSDD test part. An evaluation already there is kept: evaluating is
/// deterministic, so it would come out the same.</summary>
public static class TestCorpusEvaluation
{
    /// <summary>Evaluates what is missing; returns the evaluations made, as "seed-&lt;n&gt;: corpus".</summary>
    /// <exception cref="Data.DatasetException">A corpus folder is missing or holds no readable recording.</exception>
    public static IReadOnlyList<string> EnsureEvaluated(ReportFolder folder, IReadOnlyList<string> corpora, TextWriter? log = null,
        CancellationToken cancellation = default) =>
        EnsureEvaluated(folder.SeedRunFolders(), corpora, log, cancellation);

    /// <summary>The same for any run folders.</summary>
    public static IReadOnlyList<string> EnsureEvaluated(IReadOnlyList<RunFolder> runs, IReadOnlyList<string> corpora, TextWriter? log = null,
        CancellationToken cancellation = default)
    {
        var made = new List<string>();
        foreach (var corpus in corpora)
        {
            if (!Directory.Exists(corpus)) throw new Data.DatasetException($"test corpus folder '{Path.GetFullPath(corpus)}' does not exist");
            var name = RunEvaluation.DefaultName(corpus);
            foreach (var runFolder in runs)
            {
                if (runFolder.EvaluationNames(runFolder.Load()).Contains(name)) continue;
                cancellation.ThrowIfCancellationRequested();
                using var predictor = Predictor.Load(runFolder.Path);
                var results = RunEvaluation.Evaluate(predictor, corpus, new EvaluationOptions(Name: name, Command: "report (test corpus)"), cancellation);
                var label = $"{Path.GetFileName(runFolder.Path)}: {name}";
                log?.WriteLine($"   evaluated {label}: " + string.Join(", ", results.Models.Select(m => $"{m.ModelName} {m.Report.Accuracy:P2}")));
                made.Add(label);
            }
        }
        return made;
    }
}
