using SpokenDigits.Evaluation;
using SpokenDigits.Features;
using SpokenDigits.Training;
using SpokenDigits.Rendering;
using SpokenDigits.Runs;

namespace SpokenDigits.Tests;

/// <summary>Hand-made runs: 10 test recordings (digit i is recording i); a model "correct on n" gets recordings
/// 0..n−1 right and takes every other digit d for d + 1.</summary>
internal static class FakeRuns
{
    public static RunResults Run(int seed, params (string Model, int Correct)[] models) =>
        Run(seed, "fake-commit", 3, "spk", models);

    public static RunResults Run(int seed, string commit, int epochs, string speaker, params (string Model, int Correct)[] models)
    {
        var info = new RunInfo("spokendigits report --fake", commit, false,
            new MachineInfo("FakeOS", "Fake CPU", 2, 4, ".NET fake", "0.0", 2),
            new DateTimeOffset(2025, 1, 2, 3, 4, 5, TimeSpan.Zero), new DateTimeOffset(2025, 1, 2, 4, 4, 5, TimeSpan.Zero));
        var results = models.Select(m =>
        {
            var predictions = Enumerable.Range(0, 10).Select(i =>
            {
                int predicted = i < m.Correct ? i : (i + 1) % 10;
                var p = new float[10];
                p[predicted] = 1;
                return new Prediction($"{i}_{speaker}_0", i, predicted, p);
            }).ToList();
            return new ModelResult(m.Model, 1000, [new EpochRecord(1, 1, 0.5, 1, 0.5, 1)], 1, Evaluator.Report(predictions), predictions);
        }).ToList();
        return new RunResults(info, "/data/fake", new FeatureSettings(), new TrainingSettings(Epochs: epochs, Seed: seed),
            new SplitSummary(speaker == "spk" ? "official" : $"speakers-out:{speaker}", 42, 80, 10, 10), [], results);
    }

    /// <summary><paramref name="count"/> answers on another corpus (ids <c>{digit}_other{i}_0</c>): the first
    /// <paramref name="correct"/> right, the rest taken for the next digit; <paramref name="speech"/> gives each its detected speech.</summary>
    public static List<Prediction> CorpusAnswers(int count, int correct, Func<int, SpeechBounds?>? speech = null) =>
        Enumerable.Range(0, count).Select(i =>
        {
            int truth = i % 10, predicted = i < correct ? truth : (truth + 1) % 10;
            var p = new float[10];
            p[predicted] = 1;
            return new Prediction($"{truth}_other{i}_0", truth, predicted, p, speech?.Invoke(i));
        }).ToList();

    /// <summary>Saves <paramref name="run"/> as a run folder would be after training (predictions included).</summary>
    public static void Save(RunFolder folder, RunResults run)
    {
        foreach (var m in run.Models) folder.SaveModel(m, null);
        folder.SaveRun(run, MarkdownSummary.Render(run));
    }
}
