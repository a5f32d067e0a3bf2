using SpokenDigits.Data;
using SpokenDigits.Features;
using SpokenDigits.Training;
using static TorchSharp.torch;

namespace SpokenDigits.Tests.Training;

public class WaveformAugmentationTests
{
    static SpectrogramPipeline Pipeline() => new(new LogMelSpectrogram(new FeatureSettings()), FeatureNormaliser.PerUtterance());

    /// <summary>A batch of the clips <paramref name="raw"/> (B, T), with all-zero spectrograms unless given and label 0.</summary>
    static Batch BatchOf(Tensor raw, Tensor? spectrograms = null)
    {
        long rows = raw.shape[0];
        return new Batch(raw, spectrograms ?? zeros(rows, 1, 64, 101), zeros(rows, ScalarType.Int64), Enumerable.Range(0, (int)rows).ToArray());
    }

    static Batch OneImpulseBatch(int rows, int at)
    {
        var raw = zeros(rows, 8000);
        raw[TensorIndex.Colon, at] = tensor(1f);
        return BatchOf(raw);
    }

    [Fact]
    public void AModelThatReadsNoSpectrogramsGetsTheSameWaveformsAndTheStoredSpectrograms()
    {
        using var pipeline = Pipeline();
        var augmentation = new WaveformAugmentation(new AugmentationSettings().WithSpeed(0.9, 1.1), pipeline, 8000);
        using var stored = BatchOf(randn(8, 8000) * 0.1, randn(8, 1, 64, 101));
        manual_seed(21);
        using var both = augmentation.Apply(stored);
        manual_seed(21);
        using var rawOnly = augmentation.Apply(stored, recomputeSpectrograms: false);
        Assert.True(both.Raw.SameValues(rawOnly.Raw));                      // same draws, same altered waveforms
        Assert.True(rawOnly.Spectrograms.SameValues(stored.Spectrograms));  // not recomputed
        Assert.False(both.Spectrograms.SameValues(stored.Spectrograms));
        Assert.False(new SpokenDigits.Models.RawOnlyModel().ReadsSpectrograms);
        Assert.True(new SpokenDigits.Models.SpecOnlyModel().ReadsSpectrograms);
        Assert.True(new SpokenDigits.Models.TwoStreamFusionModel().ReadsSpectrograms);
    }

    [Fact]
    public void ShiftMovesEachClipWithinTheLimitAndKeepsItsSamples()
    {
        manual_seed(11);
        using var pipeline = Pipeline();
        var augmentation = new WaveformAugmentation(new AugmentationSettings(MaxShiftMs: 10, NoiseProbability: 0), pipeline, 8000);
        using var batch = OneImpulseBatch(32, at: 4000);
        using var shifted = augmentation.Apply(batch);
        var positions = shifted.Raw.argmax(1).data<long>().ToArray();
        Assert.All(positions, p => Assert.InRange(p, 4000 - 80, 4000 + 80));           // 10 ms at 8 kHz
        Assert.True(positions.Distinct().Count() > 5, "the shifts should differ between clips");
        Assert.All(shifted.Raw.sum(1).data<float>().ToArray(), s => Assert.Equal(1f, s));  // nothing lost, nothing added
        Assert.Equal(1f, batch.Raw[0, 4000].item<float>());                               // the stored batch is untouched
    }

    [Fact]
    public void ShiftFillsVacatedSamplesWithZeros()
    {
        manual_seed(12);
        using var pipeline = Pipeline();
        var augmentation = new WaveformAugmentation(new AugmentationSettings(MaxShiftMs: 100, NoiseProbability: 0), pipeline, 8000);
        using var raw = ones(16, 8000);
        using var batch = BatchOf(raw.clone());
        using var shifted = augmentation.Apply(batch);
        var kept = shifted.Raw.sum(1).data<float>().ToArray();
        Assert.All(kept, k => Assert.InRange(k, 8000 - 800, 8000));
        Assert.Contains(kept, k => k < 8000);
    }

    [Fact]
    public void NoiseHasTheDrawnSignalToNoiseRatio()
    {
        manual_seed(13);
        using var pipeline = Pipeline();
        var augmentation = new WaveformAugmentation(new AugmentationSettings(MaxShiftMs: 0, NoiseProbability: 1, MinSnrDb: 20, MaxSnrDb: 20), pipeline, 8000);
        using var clean = sin(arange(8000) * 0.3f).unsqueeze(0).repeat(8, 1) * 1.4142f;   // RMS 1
        using var batch = BatchOf(clean.clone());
        using var noisy = augmentation.Apply(batch);
        using var noise = noisy.Raw - clean;
        var noiseRms = noise.square().mean(new long[] { 1 }).sqrt().data<float>().ToArray();
        Assert.All(noiseRms, r => Assert.InRange(r, 0.09, 0.11));   // 20 dB below RMS 1
    }

    [Fact]
    public void SpectrogramsAreRecomputedFromTheAlteredWaveforms()
    {
        manual_seed(14);
        using var pipeline = Pipeline();
        var augmentation = new WaveformAugmentation(new AugmentationSettings(MaxShiftMs: 50, NoiseProbability: 1), pipeline, 8000);
        using var raw = randn(4, 8000);
        using var batch = BatchOf(raw.clone(), pipeline.Compute(raw));
        using var altered = augmentation.Apply(batch);
        using var expected = pipeline.Compute(altered.Raw);
        Assert.True(altered.Spectrograms.allclose(expected, rtol: 1e-4, atol: 1e-4));
        Assert.False(altered.Spectrograms.allclose(batch.Spectrograms, rtol: 1e-2, atol: 1e-2));
    }

    /// <summary>Sign changes of each row of a (B, T) batch.</summary>
    static long[] ZeroCrossings(Tensor raw) =>
        raw.sign().diff(dim: 1).abs().gt(0).sum(1).data<long>().ToArray();

    [Theory]
    [InlineData(0.8)]
    [InlineData(1.25)]
    public void SpeedScalesThePitchAndKeepsTheCentre(double speed)
    {
        using var pipeline = Pipeline();
        var settings = new AugmentationSettings(MaxShiftMs: 0, NoiseProbability: 0).WithSpeed(speed, speed);
        var augmentation = new WaveformAugmentation(settings, pipeline, 8000);
        using var tone = sin((arange(8000, dtype: ScalarType.Float32) - 3999.5f) * 0.2f).unsqueeze(0).repeat(2, 1); // (2, T)
        using var batch = BatchOf(tone.clone());
        using var played = augmentation.Apply(batch);
        long before = ZeroCrossings(tone)[0];
        var window = TensorIndex.Slice(3000, 5000);                              // inside the clip at either speed
        long after = ZeroCrossings(played.Raw[TensorIndex.Colon, window])[0];
        long beforeInWindow = ZeroCrossings(tone[TensorIndex.Colon, window])[0];
        Assert.InRange(after, beforeInWindow * speed - 2, beforeInWindow * speed + 2);
        Assert.True(before > 500);
        Assert.Equal(Math.Sin(0.1 * speed), played.Raw[0, 4000].item<float>(), 2);      // time is scaled about the centre 3999.5
        if (speed > 1) Assert.Equal(0f, played.Raw[0, 0].item<float>());                // a faster clip is zero-filled at the edges
        else Assert.NotEqual(0f, played.Raw[0, 0].item<float>());                        // a slower one loses its edges instead
    }

    [Fact]
    public void SpeedFactorsAreDrawnPerClipWithinTheRange()
    {
        manual_seed(15);
        using var pipeline = Pipeline();
        var settings = new AugmentationSettings(MaxShiftMs: 0, NoiseProbability: 0).WithSpeed(0.85, 1.15);
        var augmentation = new WaveformAugmentation(settings, pipeline, 8000);
        using var tone = sin((arange(8000, dtype: ScalarType.Float32) - 3999.5f) * 0.2f).unsqueeze(0).repeat(32, 1);
        using var batch = BatchOf(tone.clone());
        using var played = augmentation.Apply(batch);
        long reference = ZeroCrossings(tone[TensorIndex.Colon, TensorIndex.Slice(3000, 5000)])[0];
        var ratios = ZeroCrossings(played.Raw[TensorIndex.Colon, TensorIndex.Slice(3000, 5000)]).Select(c => (double)c / reference).ToArray();
        Assert.All(ratios, r => Assert.InRange(r, 0.84, 1.16));
        Assert.True(ratios.Max() - ratios.Min() > 0.1, "the speeds should differ between clips");
    }

    [Theory]
    [InlineData(0.4, 1.0)]
    [InlineData(1.2, 1.1)]
    [InlineData(1.0, 2.5)]
    public void SpeedOutsideItsRangeIsRejected(double min, double max)
    {
        var error = Assert.Throws<ArgumentException>(() => new AugmentationSettings().WithSpeed(min, max).Validated());
        Assert.Contains("speed", error.Message);
    }

    [Fact]
    public void SettingsSavedBeforeSpeedPerturbationReadBackWithItOff()
    {
        var old = System.Text.Json.JsonSerializer.Deserialize<AugmentationSettings>(
            """{"MaxShiftMs":100,"NoiseProbability":0.5,"MinSnrDb":10,"MaxSnrDb":30}""")!;
        Assert.Equal(new AugmentationSettings(), old);
        Assert.False(old.PerturbsSpeed);
        Assert.DoesNotContain("speed", old.ToString());
        Assert.Contains("speed ×0.85–1.15", old.WithSpeed(0.85, 1.15).ToString());
    }
}
