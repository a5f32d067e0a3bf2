using SpokenDigits.Runs;

namespace SpokenDigits.Analysis;

/// <summary>A report's seed runs on one test-only corpus (never trained on, never used to choose anything): the same
/// multi-seed analysis as of the FSDD test part (<see cref="SeedSummary"/>: accuracy and macro-F1 over seeds, per-digit
/// F1, summed confusion matrices, fusion against each single branch with McNemar's test per seed and the pooled bootstrap),
/// computed from each run's evaluation of the corpus (<c>seed-&lt;n&gt;/evaluations/&lt;corpus&gt;/</c>).</summary>
/// <param name="Corpus">The evaluation's name (by default the corpus folder's name).</param>
/// <param name="Recordings">Recordings of the corpus each model answered.</param>
/// <param name="NoSpeech">Recordings the detector heard no word in (the same in every seed: detection does not depend on the model);
/// they stay in the metrics with each model's answer on the centre-fitted recording.</param>
/// <param name="Summary">The multi-seed analysis on the corpus.</param>
public sealed record CrossCorpusSummary(string Corpus, int Recordings, int NoSpeech, SeedSummary Summary)
{
    /// <summary>One summary per evaluation name that every seed run holds, in ordinal order of the names.</summary>
    /// <param name="seedRuns">The folder's seed runs as already loaded (<see cref="ReportFolder.LoadSeedRuns"/>, same order).</param>
    public static IReadOnlyList<CrossCorpusSummary> Load(ReportFolder folder, IReadOnlyList<RunResults> seedRuns, int resamples = 10000, int bootstrapSeed = 20240601)
    {
        var runs = folder.SeedRunFolders().Zip(seedRuns, (f, r) => (Folder: f, Run: r)).ToList();
        if (runs.Count == 0) return [];
        var names = RunFolder.SharedEvaluationNames(runs);
        return names.Select(name =>
        {
            var asTest = runs.Select(r => r.Folder.WithEvaluationAsTest(r.Run, name)).ToList();
            var first = asTest[0].Models.First(m => m.Succeeded).Predictions;
            return new CrossCorpusSummary(name, first.Count, first.Count(p => p.Speech?.NoSpeech == true),
                SeedSummary.From(asTest, resamples, bootstrapSeed));
        }).ToList();
    }
}
