using SpokenDigits.Features;
using SpokenDigits.Runs;

namespace SpokenDigits.Tests.Features;

public class EndpointPlacementTests
{
    [Fact]
    public void AShortSegmentIsCentredWithItsSurroundings()
    {
        var samples = Enumerable.Range(0, 20).Select(i => (float)i).ToArray();
        var window = new float[6];
        ClipShaper.PlaceSegment(samples, new SpeechSegment(10, 12, 8000), window);   // word = samples 10, 11
        Assert.Equal(new float[] { 8, 9, 10, 11, 12, 13 }, window);
    }

    [Fact]
    public void ASegmentNearTheStartIsZeroPaddedBeforeIt()
    {
        var samples = Enumerable.Range(1, 10).Select(i => (float)i).ToArray();
        var window = new float[6];
        ClipShaper.PlaceSegment(samples, new SpeechSegment(0, 2, 8000), window);
        Assert.Equal(new float[] { 0, 0, 1, 2, 3, 4 }, window);
    }

    [Fact]
    public void ALongSegmentLosesEqualPartsAtBothEnds()
    {
        var samples = Enumerable.Range(0, 20).Select(i => (float)i).ToArray();
        var window = new float[4];
        ClipShaper.PlaceSegment(samples, new SpeechSegment(5, 15, 8000), window);    // 10 long, excess 6 → drop 3
        Assert.Equal(new float[] { 8, 9, 10, 11 }, window);
    }

    [Fact]
    public void AWordAnywhereInALongRecordingEndsUpInTheMiddleOfTheWindow()
    {
        var settings = new FeatureSettings();
        var recording = SyntheticSignals.WithTone(SyntheticSignals.Noise(3 * 8000, 0.001, SyntheticSignals.Colour.White, 1),
            8000, 20000, 22400, 500, 0.3);
        var window = new float[settings.ClipSamples];
        var speech = ClipShaper.Shape(recording, settings, window);
        Assert.False(speech.NoSpeech);
        double centreEnergy = window.Skip(2800).Take(2400).Average(x => (double)x * x);
        double edgeEnergy = window.Take(1500).Concat(window.Skip(6500)).Average(x => (double)x * x);
        Assert.True(centreEnergy > 100 * edgeEnergy, $"centre {centreEnergy}, edges {edgeEnergy}");
    }

    [Fact]
    public void SettingsSavedBeforeEndpointingLoadWithItOffAndNewOnesRoundTrip()
    {
        var legacy = """{ "sampleRate": 8000, "clipSeconds": 1.0, "windowMs": 25, "hopMs": 10, "fftSize": 256, "melBands": 64, "minHz": 20, "normalisation": "perUtterance" }""";
        var old = System.Text.Json.JsonSerializer.Deserialize<FeatureSettings>(legacy, ResultsJson.Options)!;
        Assert.False(old.Endpoint.Enabled);
        Assert.True(new FeatureSettings().Endpoint.Enabled);

        var tuned = new FeatureSettings() with { Endpoint = new EndpointSettings(OnDb: 11) };
        var back = System.Text.Json.JsonSerializer.Deserialize<FeatureSettings>(ResultsJson.Serialize(tuned), ResultsJson.Options)!;
        Assert.Equal(tuned, back);
        Assert.Equal(new FeatureSettings(), System.Text.Json.JsonSerializer.Deserialize<FeatureSettings>(ResultsJson.Serialize(new FeatureSettings()), ResultsJson.Options));
    }

    [Fact]
    public void WithEndpointingOffTheWholeRecordingIsCentreFittedAsBefore()
    {
        var settings = new FeatureSettings() with { Endpoint = EndpointSettings.Off };
        var recording = Enumerable.Range(0, 12000).Select(i => (float)Math.Sin(i * 0.1)).ToArray();
        var shaped = new float[settings.ClipSamples];
        var expected = new float[settings.ClipSamples];
        Assert.Same(DetectedSpeech.NotDetected, ClipShaper.Shape(recording, settings, shaped));
        ClipShaper.CentreFit(recording, expected);
        ClipShaper.Standardise(expected);
        Assert.Equal(expected, shaped);
    }
}
