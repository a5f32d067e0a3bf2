using SpokenDigits.Audio.Corruptions;
using SpokenDigits.Training;

namespace SpokenDigits.Tests.Audio;

public class CorruptionTests
{
    static float[] Tone(double hz, int length = 8000, int rate = 8000) =>
        Enumerable.Range(0, length).Select(i => (float)Math.Sin(2 * Math.PI * hz * i / rate)).ToArray();

    [Theory]
    [InlineData(NoiseColour.White, 30)]
    [InlineData(NoiseColour.Pink, 10)]
    [InlineData(NoiseColour.Brown, -5)]
    public void NoiseIsAddedWithinHalfADecibelOfTheTargetSnr(NoiseColour colour, double snr)
    {
        var clean = Tone(440);
        var noisy = NoiseMixer.AddAtSnr(clean, ColouredNoise.Generate(colour, clean.Length, new Random(1)), snr);
        var noise = noisy.Zip(clean, (n, c) => n - c).ToArray();
        Assert.InRange(SignalLevel.SnrDb(clean, noise), snr - 0.5, snr + 0.5);
    }

    [Theory]
    [InlineData(0.1)]
    [InlineData(0.4)]
    [InlineData(0.8)]
    public void ImpulseResponseHasTheTargetRt60WithinTenPercent(double rt60)
    {
        var response = RoomReverb.ImpulseResponse(rt60, 8000, new Random(3));
        Assert.InRange(RoomReverb.EstimateRt60(response, 8000), rt60 * 0.9, rt60 * 1.1);
    }

    [Fact]
    public void GainScalesTheLevelByTheDecibelsGiven()
    {
        var clean = Tone(440);
        var louder = Gain.Apply(clean, 6);
        Assert.Equal(6, 20 * Math.Log10(SignalLevel.Rms(louder) / SignalLevel.Rms(clean)), 3);
    }

    [Fact]
    public void TelephoneBandAttenuatesOutsideTheBandAndKeepsInside()
    {
        double Ratio(double hz) { var t = Tone(hz); return SignalLevel.Rms(BandLimit.Telephone(t, 8000)) / SignalLevel.Rms(t); }
        Assert.True(Ratio(100) < 0.2, $"100 Hz kept at {Ratio(100):0.00}");
        Assert.True(Ratio(1000) > 0.9, $"1 kHz kept at {Ratio(1000):0.00}");
    }

    [Fact]
    public void PlacementPutsTheWordInsideTheWindowAtVaryingOffsets()
    {
        var word = Tone(440, 8000);
        var random = new Random(5);
        var offsets = Enumerable.Range(0, 20).Select(_ => WordPlacement.Place(word, 24000, random, backgroundDb: -30).Offset).ToList();
        Assert.All(offsets, o => Assert.InRange(o, 0, 16000));
        Assert.True(offsets.Distinct().Count() > 10);
    }

    [Fact]
    public void CorruptionsAreDeterministicFromTheSeeds()
    {
        var settings = CorruptionSettings.Parse("gain+band+tilt+reverb+babble");
        var rows = Enumerable.Range(0, 4).Select(i => Tone(200 + 100 * i)).ToArray();
        var corruptor = new RecordingCorruptor(settings, 8000);
        var a = corruptor.Apply(rows, [1, 2, 3, 4]);
        var b = corruptor.Apply(rows, [1, 2, 3, 4]);
        var c = corruptor.Apply(rows, [5, 6, 7, 8]);
        Assert.True(a.Zip(b).All(p => p.First.SequenceEqual(p.Second)));
        Assert.False(a.Zip(c).All(p => p.First.SequenceEqual(p.Second)));
        Assert.True(rows[0].SequenceEqual(Tone(200)));   // the input is untouched
    }

    [Fact]
    public void RowsCorruptedInParallelAreTheSameAsOneAtATime()
    {
        var rows = Enumerable.Range(0, 32).Select(i => Tone(150 + 37 * i)).ToArray();
        var seeds = Enumerable.Range(100, 32).ToArray();
        var alone = new RecordingCorruptor(CorruptionSettings.All, 8000, parallelism: 1).Apply(rows, seeds);
        var together = new RecordingCorruptor(CorruptionSettings.All, 8000, parallelism: 4).Apply(rows, seeds);
        Assert.True(alone.Zip(together).All(p => p.First.SequenceEqual(p.Second)));
        Assert.True(alone.Where((row, i) => !row.SequenceEqual(rows[i])).Count() > 16);   // most rows were corrupted
    }

    [Fact]
    public void OldSettingsHaveEveryCorruptionOff() =>
        Assert.False(new AugmentationSettings().CorruptionsOrNone.AnyOn);
}
