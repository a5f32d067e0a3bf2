using SpokenDigits.Audio.Corruptions;
using SpokenDigits.Training;

namespace SpokenDigits.Tests.Audio;

/// <summary>The text form of the corruptions (<c>train --corrupt</c>), the FFT reverb and the coloured-noise part.</summary>
public class CorruptionSettingsTests
{
    [Fact]
    public void AllTurnsEveryPartOnAtTheDefaultProbabilityAndLabelsReadBack()
    {
        var all = CorruptionSettings.Parse("all");
        Assert.All(all.PartProbabilities, p => Assert.Equal(CorruptionSettings.DefaultPartProbability, p.Probability));
        Assert.Equal(CorruptionSettings.PartNames, all.PartProbabilities.Select(p => p.Name));
        foreach (var text in new[] { "all", "none", "reverb", "gain+babble:0.6", "all:0.5", "band+tilt+reverb+babble+colour" })
            Assert.Equal(CorruptionSettings.Parse(text), CorruptionSettings.Parse(CorruptionSettings.Parse(text).Label));
        var mixed = CorruptionSettings.Parse("all+reverb:0.8");
        Assert.Equal(0.8, mixed.ReverbProbability);
        Assert.Equal(0.3, mixed.GainProbability);
        Assert.False(CorruptionSettings.Parse("none").AnyOn);
    }

    [Theory]
    [InlineData("echo", "unknown part 'echo'")]
    [InlineData("reverb:2", "needs a probability in [0, 1]")]
    [InlineData("reverb:x", "needs a probability in [0, 1]")]
    public void BadTextIsRefusedWithItsReason(string text, string reason)
    {
        var error = Assert.Throws<ArgumentException>(() => CorruptionSettings.Parse(text));
        Assert.Contains(reason, error.Message);
    }

    [Fact]
    public void TheFftReverbEqualsTheDirectConvolution()
    {
        var random = new Random(3);
        var signal = Enumerable.Range(0, 3000).Select(_ => (float)(random.NextDouble() - 0.5)).ToArray();
        var response = RoomReverb.ImpulseResponse(0.3, 8000, random);   // 2,880 taps
        var direct = new double[signal.Length];
        for (int i = 0; i < signal.Length; i++)
            for (int k = 0; k < response.Length && i + k < signal.Length; k++) direct[i + k] += signal[i] * response[k];
        double before = SignalLevel.Rms(signal), after = Math.Sqrt(direct.Average(x => x * x));
        var fft = RoomReverb.Apply(signal, response);
        for (int i = 0; i < signal.Length; i++) Assert.Equal(direct[i] * before / after, fft[i], 1e-4);
    }

    [Fact]
    public void TheColouredNoisePartMixesNoiseWithinItsSnrRange()
    {
        var settings = new CorruptionSettings(ColouredNoiseProbability: 1, MinColouredSnrDb: 10, MaxColouredSnrDb: 20);
        var tone = Enumerable.Range(0, 8000).Select(i => (float)(0.3 * Math.Sin(2 * Math.PI * 300 * i / 8000.0))).ToArray();
        var corrupted = new RecordingCorruptor(settings, 8000).Apply([tone, tone], [7, 8]);
        foreach (var row in corrupted)
        {
            var noise = row.Zip(tone, (a, b) => a - b).ToArray();
            var snr = 20 * Math.Log10(SignalLevel.Rms(tone) / SignalLevel.Rms(noise));
            Assert.InRange(snr, 9.5, 20.5);
        }
        Assert.False(corrupted[0].SequenceEqual(corrupted[1]));
    }
}
