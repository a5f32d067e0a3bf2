using SpokenDigits.Features;
using static SpokenDigits.Tests.Features.SyntheticSignals;

namespace SpokenDigits.Tests.Features;

public class SpeechDetectorTests
{
    const int Rate = 8000;
    static readonly EndpointSettings Settings = new();

    static void AssertBounds(SpeechSegment? found, double startSeconds, double endSeconds)
    {
        Assert.NotNull(found);
        Assert.InRange(found!.StartSeconds, startSeconds - 0.020, startSeconds + 0.020);
        Assert.InRange(found.EndSeconds, endSeconds - 0.020, endSeconds + 0.020);
    }

    [Theory]
    [InlineData(0.01, 30)]    // −37 dBFS noise floor, tone 30 dB above it
    [InlineData(0.001, 20)]   // −57 dBFS, 20 dB
    [InlineData(0.05, 12)]    // loud floor, weak tone
    public void ToneBurstInNoiseIsFoundWithin20Ms(double noiseRms, double toneDb)
    {
        var noise = Noise(2 * Rate, noiseRms, Colour.White, seed: 1);
        double amplitude = noiseRms * Math.Sqrt(2) * Math.Pow(10, toneDb / 20);
        var signal = WithTone(noise, Rate, (int)(0.70 * Rate), (int)(1.05 * Rate), 700, amplitude);
        AssertBounds(SpeechDetector.Detect(signal, Rate, Settings), 0.70, 1.05);
    }

    [Theory]
    [InlineData(Colour.White)]
    [InlineData(Colour.Pink)]
    [InlineData(Colour.Brown)]
    public void NoiseBurstInColouredNoiseIsFoundWithin20Ms(Colour colour)
    {
        var noise = Noise(3 * Rate, 0.003, colour, seed: 2);
        var signal = WithNoiseBurst(noise, (int)(1.2 * Rate), (int)(1.6 * Rate), 0.03, seed: 3);
        AssertBounds(SpeechDetector.Detect(signal, Rate, Settings), 1.2, 1.6);
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(1.0)]
    [InlineData(3.0)]
    public void DigitalSilenceIsNoSpeech(double seconds) =>
        Assert.Null(SpeechDetector.Detect(new float[(int)(seconds * Rate)], Rate, Settings));

    [Theory]
    [InlineData(Colour.White, 0.0001, 1.0)]
    [InlineData(Colour.White, 0.01, 0.5)]
    [InlineData(Colour.White, 0.3, 3.0)]
    [InlineData(Colour.Pink, 0.001, 1.0)]
    [InlineData(Colour.Pink, 0.1, 3.0)]
    [InlineData(Colour.Brown, 0.01, 1.0)]
    [InlineData(Colour.Brown, 0.2, 2.0)]
    public void SteadyNoiseIsNoSpeech(Colour colour, double rms, double seconds)
    {
        for (int seed = 0; seed < 5; seed++)
            Assert.Null(SpeechDetector.Detect(Noise((int)(seconds * Rate), rms, colour, seed), Rate, Settings));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(40)]
    [InlineData(200)]
    public void VeryShortInputsGiveAnAnswerWithoutThrowing(int length)
    {
        var tone = WithTone(new float[length], Rate, 0, length, 500, 0.3);
        var found = SpeechDetector.Detect(tone, Rate, Settings);
        if (found is not null) Assert.InRange(found.End, 1, length);
        Assert.Null(SpeechDetector.Detect(new float[length], Rate, Settings));
    }

    [Fact]
    public void AWordLikeToneFillingAShortInputIsFound()
    {
        // Rising and falling like a tightly trimmed word (a steady tone filling the input is a hum, not a word).
        int length = (int)(0.3 * Rate);
        var signal = WithTone(Noise(length, 0.001, Colour.White, 4), Rate, 0, length, 440, 0.2);
        for (int i = 0; i < length; i++) signal[i] *= (float)Math.Sin(Math.PI * i / length);
        var found = SpeechDetector.Detect(signal, Rate, Settings);
        Assert.NotNull(found);
        Assert.True(found!.Length > 0.2 * Rate, $"found {found.StartSeconds}–{found.EndSeconds} s");
    }

    [Fact]
    public void AToneLateInAVeryLongRecordingIsFound()
    {
        var noise = Noise(60 * Rate, 0.002, Colour.Pink, seed: 5);
        var signal = WithTone(noise, Rate, 41 * Rate, (int)(41.4 * Rate), 300, 0.1);
        AssertBounds(SpeechDetector.Detect(signal, Rate, Settings), 41.0, 41.4);
    }

    [Fact]
    public void AClickIsShorterThanTheMinimumDuration()
    {
        var noise = Noise(Rate, 0.001, Colour.White, seed: 6);
        var signal = WithNoiseBurst(noise, Rate / 2, Rate / 2 + 80, 0.3, seed: 7);     // 10 ms
        Assert.Null(SpeechDetector.Detect(signal, Rate, Settings));
    }

    [Fact]
    public void TheLoudestOfTwoSeparatedSoundsIsTheWord()
    {
        var noise = Noise(3 * Rate, 0.001, Colour.White, seed: 8);
        var signal = WithTone(noise, Rate, (int)(0.3 * Rate), (int)(0.5 * Rate), 600, 0.02);
        signal = WithTone(signal, Rate, (int)(1.8 * Rate), (int)(2.3 * Rate), 600, 0.3);
        AssertBounds(SpeechDetector.Detect(signal, Rate, Settings), 1.8, 2.3);
    }
}
