using SpokenDigits.Audio;
using SpokenDigits.Data;
using SpokenDigits.Experiments;
using SpokenDigits.Features;
using SpokenDigits.Inference;
using SpokenDigits.Models;
using SpokenDigits.Runs;
using SpokenDigits.Tests.Data;
using SpokenDigits.Training;
using static TorchSharp.torch;

namespace SpokenDigits.Tests.Inference;

/// <summary>A predictor feeds its models the very features training computed for the same recording: the same
/// prepared clip and, through the run's <see cref="SpectrogramPipeline"/>, the same normalised spectrogram.</summary>
public class PredictorFeaturesTests : IClassFixture<TinyRunFixture>
{
    readonly TinyRunFixture _run;

    public PredictorFeaturesTests(TinyRunFixture run) => _run = run;

    [Fact]
    public void PerUtteranceRunPredictsFromItsTrainingFeatures() =>
        AssertPredictorSeesTrainingFeatures(_run.Options, _run.Folder.Path);

    [Fact]
    public void DatasetStatisticsRunPredictsFromItsTrainingFeatures()
    {
        // One spectrogram model, one epoch, normalised with the training part's per-band statistics: the predictor must
        // take them from the saved run, not from the recordings it is given.
        using var folder = new TempFolder();
        var options = new ExperimentOptions(
            Models: [ModelKind.Spec],
            Features: new FeatureSettings(Normalisation: SpectrogramNormalisation.DatasetStatistics),
            Training: new TrainingSettings(Epochs: 1, Seed: 5),
            Subset: 6);
        var run = new RunFolder(Path.Combine(folder.Path, "stats"));
        new Experiment(options).Run("predictor features", run);
        AssertPredictorSeesTrainingFeatures(options, run.Path);
    }

    static void AssertPredictorSeesTrainingFeatures(ExperimentOptions options, string runFolder)
    {
        var (_, split) = new Experiment(options).PrepareSplit();
        using var training = SplitDatasets.Build(split, options.FeaturesOrDefault);
        using var predictor = Predictor.Load(runFolder);
        Assert.Equal(training.NormaliserStatistics?.Mean, predictor.Run.NormaliserStatistics?.Mean);

        // Test recordings (one batch of several, as evaluation sends them) and one training recording on its own.
        foreach (var (part, picks) in new[] { (training.Test, new[] { 0, 7, 123, 299 }), (training.Train, new[] { 11 }) })
        {
            var clips = picks.Select(i => WavReader.Read(part.Recordings[i].Path)).ToList();
            var (raw, spectrograms) = predictor.Inputs(clips);
            using (raw)
            using (spectrograms)
            {
                for (int k = 0; k < picks.Length; k++)
                {
                    var id = part.Recordings[picks[k]].Id;
                    using var expectedRaw = part.Raw[picks[k]];
                    using var expectedSpec = part.Spectrograms[picks[k]];
                    using var gotRaw = raw[k];
                    using var gotSpec = spectrograms[k];
                    Assert.Equal(expectedRaw.shape, gotRaw.shape);
                    Assert.Equal(expectedSpec.shape, gotSpec.shape);
                    Assert.True(expectedRaw.allclose(gotRaw, rtol: 0, atol: 0), $"{id}: the prepared clip differs from training's");
                    Assert.True(expectedSpec.allclose(gotSpec, rtol: 0, atol: 0), $"{id}: the spectrogram differs from training's");
                }
            }
        }
    }
}
