using SpokenDigits.Features;
using static TorchSharp.torch;

namespace SpokenDigits.Tests.Features;

public class LogMelSpectrogramTests
{
    static readonly FeatureSettings Settings = new();

    static Tensor Tone(double hz, int samples = 8000, int rate = 8000) =>
        tensor(Enumerable.Range(0, samples).Select(i => (float)Math.Sin(2 * Math.PI * hz * i / rate)).ToArray()).unsqueeze(0);

    [Fact]
    public void ShapeIsBatchOneBandsFrames()
    {
        using var mel = new LogMelSpectrogram(Settings);
        using var clips = randn(3, Settings.ClipSamples);
        using var spec = mel.Compute(clips);
        Assert.Equal(new long[] { 3, 1, 64, 101 }, spec.shape);
        Assert.Equal(101, Settings.Frames);
    }

    [Theory]
    [InlineData(300.0)]
    [InlineData(1000.0)]
    [InlineData(3000.0)]
    public void AToneLandsInTheMelBandWhoseCentreIsNearest(double hz)
    {
        using var mel = new LogMelSpectrogram(Settings);
        using var spec = mel.Compute(Tone(hz));
        using var perBand = spec[0, 0].mean(new long[] { 1 });   // (F,)
        int loudest = (int)perBand.argmax().item<long>();
        double melMin = MelFilterbank.HzToMel(Settings.MinHz), melMax = MelFilterbank.HzToMel(Settings.TopHz);
        double centreOf(int b) => MelFilterbank.MelToHz(melMin + (melMax - melMin) * (b + 1) / (Settings.MelBands + 1));
        int expected = Enumerable.Range(0, Settings.MelBands).MinBy(b => Math.Abs(centreOf(b) - hz));
        Assert.InRange(loudest, expected - 1, expected + 1);
    }

    [Fact]
    public void EveryMelBandHasWeight()
    {
        var w = MelFilterbank.Create(8000, Settings.FftSize, 64, 20, 4000);
        for (int b = 0; b < 64; b++)
            Assert.True(Enumerable.Range(0, Settings.FftSize / 2 + 1).Sum(k => w[b, k]) > 0, $"band {b} is empty");
    }

    [Fact]
    public void SilenceGivesFiniteNormalisedFeatures()
    {
        using var mel = new LogMelSpectrogram(Settings);
        using var silent = zeros(2, Settings.ClipSamples);
        using var logMel = mel.Compute(silent);
        using var norm = FeatureNormaliser.PerUtterance();
        using var normalised = norm.Apply(logMel);
        Assert.True(normalised.isfinite().all().item<bool>());
        using var stats = FeatureNormaliser.FitDatasetStatistics(logMel);
        using var byDataset = stats.Apply(logMel);
        Assert.True(byDataset.isfinite().all().item<bool>());
    }

    [Fact]
    public void PerUtteranceNormalisationGivesZeroMeanUnitStd()
    {
        using var mel = new LogMelSpectrogram(Settings);
        using var logMel = mel.Compute(randn(2, Settings.ClipSamples));
        using var norm = FeatureNormaliser.PerUtterance();
        using var x = norm.Apply(logMel);
        Assert.InRange(x[0].mean().item<float>(), -1e-4f, 1e-4f);
        Assert.InRange(x[1].std().item<float>(), 0.999f, 1.001f);
    }

    [Fact]
    public void WrongInputShapeIsAClearError()
    {
        using var mel = new LogMelSpectrogram(Settings);
        var e = Assert.Throws<ArgumentException>(() => mel.Compute(zeros(2, 1, 8000)));
        Assert.Contains("(B, T)", e.Message);
    }
}
