using SpokenDigits.Audio;
using SpokenDigits.Data;
using SpokenDigits.Features;
using SpokenDigits.Inference;
using SpokenDigits.Models;
using SpokenDigits.Tests.Data;
using SpokenDigits.Runs;
using SpokenDigits.Training;

namespace SpokenDigits.Tests.Inference;

/// <summary>Loading a trained run and using it: reproduction, resampled input, evaluation, errors.</summary>
public class InferenceTests : IClassFixture<TinyRunFixture>
{
    readonly TinyRunFixture _run;

    public InferenceTests(TinyRunFixture run) => _run = run;

    [Fact]
    public void The_training_printed_its_settings_in_the_words_of_the_summaries_and_reports()
    {
        var r = _run.Results;
        var lines = _run.TrainingOutput.Replace("\r\n", "\n").Split('\n');
        foreach (var line in SettingsText.Lines(r.Features, r.Training, _run.Options.ArchitectureOrDefault))
            Assert.Contains(line, lines);
        Assert.DoesNotContain(lines, l => l.Contains(" = ,") || l.Contains("OrNone") || l.Contains("Settings {"));
    }

    static Dictionary<string, Recording> ById => SharedFsdd.Recordings.ToDictionary(r => r.Id);

    [Fact]
    public void ASavedRunReloadsAndReproducesItsOwnTestPredictions()
    {
        using var trained = TrainedRun.Load(_run.Folder.Path);
        Assert.Equal(ModelCatalog.All.Select(ModelCatalog.Name), trained.Models.Select(m => m.Name));
        Assert.Equal(_run.Results.Features, trained.Features);
        Assert.Null(trained.NormaliserStatistics);   // per-utterance needs nothing
        using var predictor = new Predictor(trained);

        var reference = trained.Results.Models[0].Predictions;
        Assert.NotEmpty(reference);
        var byId = ById;
        var clips = ClipLoader.Load(reference.Select(p => byId[p.RecordingId]).ToList(), trained.Features);
        var probabilities = predictor.Probabilities(clips.Samples, clips.Count);

        for (int k = 0; k < trained.Models.Count; k++)
        {
            var saved = trained.Models[k].Result.Predictions;
            Assert.Equal(reference.Select(p => p.RecordingId), saved.Select(p => p.RecordingId));
            for (int i = 0; i < saved.Count; i++)
            {
                var again = ModelPrediction.From(trained.Models[k].Name, probabilities[k][i]);
                Assert.Equal(saved[i].Predicted, again.Digit);
                for (int c = 0; c < 10; c++)
                    Assert.True(Math.Abs(saved[i].Probabilities[c] - again.Probabilities[c]) <= 1e-5,
                        $"{trained.Models[k].Name} {saved[i].RecordingId} class {c}: saved {saved[i].Probabilities[c]}, reloaded {again.Probabilities[c]}");
            }
        }
    }

    [Fact]
    public void AResampledStereoCopyGetsTheSameDigitAsTheOriginal()
    {
        using var predictor = Predictor.Load(_run.Folder.Path);
        var byId = ById;
        // The test recording every model is most decided about (largest smallest top-1 − top-2 margin).
        var candidates = predictor.Run.Models[0].Result.Predictions.Select(p => p.RecordingId).ToList();
        var best = candidates.Select(id => (id, margin: predictor.Run.Models.Min(m =>
            {
                var p = m.Result.Predictions.First(x => x.RecordingId == id).Probabilities.OrderDescending().ToArray();
                return p[0] - p[1];
            })))
            .MaxBy(x => x.margin).id;
        var path = byId[best].Path;

        var original = predictor.PredictFile(path);
        var clip = WavReader.Read(path);
        var resampled = Resampler.Resample(clip.Samples, clip.SampleRate, 16000);
        var stereoPath = Path.Combine(_run.Root, $"{best}-16k-stereo.wav");
        WavWriter.Write(stereoPath, new[] { resampled, resampled.Select(s => s * 0.9f).ToArray() }, 16000);

        var copy = predictor.PredictFile(stereoPath);
        Assert.Equal(16000, copy.SampleRate);
        Assert.Equal(8000, original.SampleRate);
        foreach (var name in predictor.ModelNames)
        {
            Assert.Equal(original[name].Digit, copy[name].Digit);
            Assert.Equal(3, copy[name].Top3.Count);
            Assert.Equal(copy[name].Digit, copy[name].Top3[0].Digit);
            Assert.Equal(1.0, copy[name].Probabilities.Sum(), 3);
        }
        // The in-memory clip path is the file path.
        var same = predictor.Predict(clip);
        foreach (var name in predictor.ModelNames) Assert.Equal(original[name].Probabilities, same[name].Probabilities);
        Assert.NotNull(PredictionChart.For(copy));
        Assert.Contains("TwoStreamFusionModel", PredictionTable.Text(copy));
    }

    [Fact]
    public void EvaluateSkipsAndReportsUnreadableFilesAndWritesTheEvaluation()
    {
        using var data = new TempFolder();
        var sources = SharedFsdd.Recordings.Where(r => r.Take == 7 && r.Speaker == "jackson").Take(4).ToList();
        foreach (var r in sources) File.Copy(r.Path, data.Combine(Path.GetFileName(r.Path)));
        File.Copy(sources[0].Path, data.Combine($"{sources[0].Digit}-my-own-take.wav"));
        File.WriteAllText(data.Combine("3_broken_0.wav"), "not a wav file at all");
        var header = File.ReadAllBytes(sources[1].Path)[..40];
        File.WriteAllBytes(data.Combine("8-truncated.wav"), header.Concat(new byte[3]).ToArray());
        File.WriteAllText(data.Combine("notes.txt"), "ignored");

        using var predictor = Predictor.Load(_run.Folder.Path);
        var stopped = Assert.Throws<DatasetException>(() => RunEvaluation.Evaluate(predictor, data.Path, new EvaluationOptions(Name: "strict")));
        Assert.Contains("3_broken_0.wav", stopped.Message);
        Assert.Contains("8-truncated.wav", stopped.Message);

        var results = RunEvaluation.Evaluate(predictor, data.Path, new EvaluationOptions(Name: "mine", SkipBad: true));
        Assert.Equal(EvaluationLayout.DigitPrefix, results.Layout);
        Assert.Equal(5, results.Recordings);
        Assert.Equal(new[] { "3_broken_0.wav", "8-truncated.wav" }, results.Skipped.Select(b => Path.GetFileName(b.Path)).Order());
        Assert.All(results.Skipped, b => Assert.False(string.IsNullOrWhiteSpace(b.Problem)));
        Assert.Equal(3, results.Models.Count);
        foreach (var m in results.Models)
        {
            Assert.Equal(5, m.Report.Confusion.Total);
            Assert.Equal(5, m.Predictions.Count);
        }

        var folder = Path.Combine(_run.Folder.Path, "evaluations", "mine");
        Assert.True(File.Exists(Path.Combine(folder, "evaluation.json")));
        Assert.True(File.Exists(Path.Combine(folder, "summary.md")));
        var summary = File.ReadAllText(Path.Combine(folder, "summary.md"));
        Assert.Contains("3_broken_0.wav", summary);
        Assert.Contains("Per-digit F1", summary);
        var loaded = RunEvaluation.Load(folder);
        Assert.Equal(results.Models.Select(m => m.Report.Accuracy), loaded.Models.Select(m => m.Report.Accuracy));
        Assert.Equal(results.Models[2].Predictions.Select(p => p.Predicted), loaded.Models[2].Predictions.Select(p => p.Predicted));
        Assert.Contains(loaded.Models[0].Predictions, p => p.RecordingId == $"{sources[0].Digit}-my-own-take");
    }

    [Fact]
    public void EvaluatingAnEmptyOrUnusableFolderIsAClearError()
    {
        using var predictor = Predictor.Load(_run.Folder.Path);
        using var empty = new TempFolder();
        var none = Assert.Throws<DatasetException>(() => RunEvaluation.Evaluate(predictor, empty.Path, new EvaluationOptions(SkipBad: true)));
        Assert.Contains("holds no recordings", none.Message);

        using var broken = new TempFolder();
        File.WriteAllText(broken.Combine("1_a_0.wav"), "junk");
        var unreadable = Assert.Throws<DatasetException>(() => RunEvaluation.Evaluate(predictor, broken.Path, new EvaluationOptions(SkipBad: true)));
        Assert.Contains("none of the 1 recordings", unreadable.Message);
        Assert.Contains("1_a_0.wav", unreadable.Message);
    }

    [Fact]
    public void LoadingSomethingThatIsNotAUsableRunIsAClearError()
    {
        using var notARun = new TempFolder();
        var e = Assert.Throws<InvalidDataException>(() => TrainedRun.Load(notARun.Path));
        Assert.Contains("not a run folder", e.Message);
        Assert.Contains("results.json", e.Message);
        Assert.Contains("does not exist", Assert.Throws<InvalidDataException>(() => TrainedRun.Load(notARun.Combine("nowhere"))).Message);

        var missing = _run.CopyRun();
        var weights = new RunFolder(missing).WeightsFile("SpecOnlyModel");
        File.Delete(weights);
        e = Assert.Throws<InvalidDataException>(() => TrainedRun.Load(missing));
        Assert.Contains(weights, e.Message);
        Assert.Contains("missing", e.Message);

        var corrupt = _run.CopyRun();
        weights = new RunFolder(corrupt).WeightsFile("RawOnlyModel");
        File.WriteAllBytes(weights, new byte[] { 1, 2, 3, 4, 5, 6, 7 });
        e = Assert.Throws<InvalidDataException>(() => TrainedRun.Load(corrupt));
        Assert.Contains(weights, e.Message);

        // Another model's weights: the tensors do not fit.
        var swapped = _run.CopyRun();
        File.Copy(new RunFolder(swapped).WeightsFile("SpecOnlyModel"), new RunFolder(swapped).WeightsFile("RawOnlyModel"), overwrite: true);
        e = Assert.Throws<InvalidDataException>(() => TrainedRun.Load(swapped));
        Assert.Contains(new RunFolder(swapped).WeightsFile("RawOnlyModel"), e.Message);

        // Dataset-statistics normalisation without its saved statistics.
        var noStats = _run.CopyRun();
        var resultsFile = Path.Combine(noStats, RunFolder.ResultsFile);
        File.WriteAllText(resultsFile, File.ReadAllText(resultsFile).Replace("\"perUtterance\"", "\"datasetStatistics\""));
        e = Assert.Throws<InvalidDataException>(() => TrainedRun.Load(noStats));
        Assert.Contains(RunFolder.NormaliserFile, e.Message);
    }

    [Fact]
    public void FindLatestFindsACompleteRun()
    {
        Assert.NotNull(TrainedRun.FindLatest(_run.Root));
        using var empty = new TempFolder();
        Assert.Null(TrainedRun.FindLatest(empty.Path));
    }
}
