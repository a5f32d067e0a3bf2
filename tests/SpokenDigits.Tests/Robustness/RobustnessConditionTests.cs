using SpokenDigits.Audio.Corruptions;
using SpokenDigits.Evaluation.Robustness;

namespace SpokenDigits.Tests.Robustness;

/// <summary>The study's corruptions: deterministic from the seed, the condition and the recording id; the severities as asked.</summary>
public class RobustnessConditionTests
{
    const int Rate = 8000;

    /// <summary>Word-like clips: a tone burst of 0.4–0.6 s per recording, three speakers.</summary>
    static IReadOnlyList<RobustnessClip> Clips(int count = 9) => Enumerable.Range(0, count).Select(i =>
    {
        var length = 3200 + 200 * (i % 5);
        var samples = Enumerable.Range(0, length).Select(n => (float)(0.3 * Math.Sin(2 * Math.PI * (300 + 50 * i) * n / Rate) * Math.Sin(Math.PI * n / length))).ToArray();
        return new RobustnessClip($"{i % 10}_speaker{i % 3}_{i}", i % 10, $"speaker{i % 3}", samples);
    }).ToList();

    static ConditionCorruptor Corruptor(int seed, IReadOnlyList<RobustnessClip>? clips = null) => new(clips ?? Clips(), Rate, Rate, seed);

    public static TheoryData<string> Conditions => new(RobustnessConditions.Standard.Select(c => c.Key));

    static RobustnessCondition ByKey(string key) => RobustnessConditions.Standard.Single(c => c.Key == key);

    [Fact]
    public void TheConstantListOfFamiliesNamesEveryFamilyInOrder() =>
        Assert.Equal(string.Join(", ", RobustnessConditions.Families.Select(RobustnessCondition.FamilyKey)), RobustnessConditions.FamilyList);

    [Theory]
    [MemberData(nameof(Conditions))]
    public void TheSameSeedGivesIdenticalAudio(string key)
    {
        var condition = ByKey(key);
        for (int i = 0; i < 3; i++)
            Assert.Equal(Corruptor(7).Apply(condition, i), Corruptor(7).Apply(condition, i));
    }

    [Theory]
    [MemberData(nameof(Conditions))]
    public void ADifferentSeedGivesDifferentAudioWhereTheConditionIsRandom(string key)
    {
        var condition = ByKey(key);
        bool random = condition.Family is not (CorruptionFamily.Clean or CorruptionFamily.Telephone or CorruptionFamily.Gain or CorruptionFamily.Speed);
        var a = Corruptor(7).Apply(condition, 1);
        var b = Corruptor(8).Apply(condition, 1);
        if (random) Assert.NotEqual(a, b);
        else Assert.Equal(a, b);   // deterministic transforms: nothing to draw
    }

    [Fact]
    public void ARecordingsCorruptionDependsOnItsIdNotOnItsPosition()
    {
        var clips = Clips();
        var reversed = clips.Reverse().ToList();
        foreach (var condition in RobustnessConditions.Standard.Where(c => c.Family != CorruptionFamily.Babble))
            Assert.Equal(Corruptor(3, clips).Apply(condition, 0), Corruptor(3, reversed).Apply(condition, clips.Count - 1));
    }

    [Fact]
    public void CleanIsTheRecordingAndTheRecordingIsLeftAsItWas()
    {
        var clips = Clips();
        var before = clips[2].Samples.ToArray();
        foreach (var condition in RobustnessConditions.Standard) Corruptor(1, clips).Apply(condition, 2);
        Assert.Equal(before, clips[2].Samples);
        Assert.Equal(before, Corruptor(1, clips).Apply(RobustnessCondition.Clean, 2));
    }

    [Theory]
    [InlineData(CorruptionFamily.WhiteNoise, 20)]
    [InlineData(CorruptionFamily.WhiteNoise, -5)]
    [InlineData(CorruptionFamily.Babble, 10)]
    [InlineData(CorruptionFamily.Babble, 0)]
    public void AdditiveNoiseCoversTheWindowAtTheSnrAgainstTheWord(CorruptionFamily family, double snr)
    {
        var clips = Clips();
        var word = clips[4].Samples;
        var noisy = Corruptor(5, clips).Apply(new RobustnessCondition(family, snr), 4);
        Assert.Equal(Rate, noisy.Length);                                   // the models' whole window
        int offset = (Rate - word.Length) / 2;
        var noise = noisy.Select((x, i) => i >= offset && i < offset + word.Length ? x - word[i - offset] : x).ToArray();
        Assert.InRange(20 * Math.Log10(SignalLevel.Rms(word) / SignalLevel.Rms(noise)), snr - 0.5, snr + 0.5);
    }

    [Fact]
    public void BabbleIsMadeOfOtherSpeakersOnly()
    {
        // speaker b is silent: babble for a recording of speaker a draws only on b, so nothing is added to the word
        var word = Clips()[0].Samples;
        var clips = new List<RobustnessClip>
        {
            new("1_a_0", 1, "a", word), new("2_a_1", 2, "a", Clips()[1].Samples), new("3_b_0", 3, "b", new float[4000]),
        };
        var noisy = Corruptor(2, clips).Apply(new RobustnessCondition(CorruptionFamily.Babble, 0), 0);
        int offset = (Rate - word.Length) / 2;
        Assert.Equal(word, noisy.AsSpan(offset, word.Length).ToArray());
        Assert.Equal(0, SignalLevel.Rms(noisy.AsSpan(0, offset)));
        // and with b speaking, the babble is there at the SNR asked
        clips[2] = new RobustnessClip("3_b_0", 3, "b", Clips()[5].Samples);
        Assert.True(SignalLevel.Rms(Corruptor(2, clips).Apply(new RobustnessCondition(CorruptionFamily.Babble, 0), 0).AsSpan(0, offset)) > 0);
    }

    [Theory]
    [InlineData(1.0)]
    [InlineData(3.0)]
    public void PlacementPutsTheWordInAWindowOfTheGivenLength(double seconds)
    {
        var clips = Clips();
        var placed = Corruptor(1, clips).Apply(new RobustnessCondition(CorruptionFamily.Placement, seconds), 0);
        Assert.Equal((int)(seconds * Rate), placed.Length);
        // the word sits where it correlates best; what is left is the background, 20 dB below the word's RMS
        var word = clips[0].Samples;
        int offset = Enumerable.Range(0, placed.Length - word.Length + 1)
            .MaxBy(o => { double dot = 0; for (int i = 0; i < word.Length; i++) dot += placed[o + i] * word[i]; return dot; });
        var background = placed.ToArray();
        for (int i = 0; i < word.Length; i++) background[offset + i] -= word[i];
        Assert.Equal(RobustnessConditions.PlacementSnrDb, 20 * Math.Log10(SignalLevel.Rms(word) / SignalLevel.Rms(background)), 1);
    }

    [Fact]
    public void GainIsClippedAtFullScaleAndReverbKeepsItsTail()
    {
        var clips = Clips();
        var loud = Corruptor(1, clips).Apply(new RobustnessCondition(CorruptionFamily.Gain, 20), 0);
        Assert.Equal(1f, loud.Max());
        Assert.Equal(-1f, loud.Min());
        var reverberant = Corruptor(1, clips).Apply(new RobustnessCondition(CorruptionFamily.Reverb, 0.5), 0);
        Assert.True(reverberant.Length >= clips[0].Samples.Length + (int)(1.2 * 0.5 * Rate));
        Assert.True(SignalLevel.Rms(reverberant.AsSpan(clips[0].Samples.Length)) > 0);
    }

    [Fact]
    public void ASlowerWordKeepsItsEnds()
    {
        var clips = Clips();
        var slow = Corruptor(1, clips).Apply(new RobustnessCondition(CorruptionFamily.Speed, 0.85), 0);
        Assert.True(slow.Length >= clips[0].Samples.Length / 0.85);
        Assert.Equal(0f, slow[0]);
        Assert.Equal(0f, slow[^1]);
    }

    [Fact]
    public void NoSpeechProbesAreDeterministicAndAtTheirLevels()
    {
        var a = NoSpeechProbe.Set(10, 4);
        Assert.Equal(a, NoSpeechProbe.Set(10, 4));
        Assert.NotEqual(a, NoSpeechProbe.Set(10, 5));
        Assert.Equal(10, a.Count(p => p.Kind == ProbeKind.Silence));
        foreach (var p in a)
        {
            var samples = p.Samples(Rate, 4);
            Assert.Equal(samples, p.Samples(Rate, 4));
            Assert.InRange(samples.Length, 0.5 * Rate, 3 * Rate);
            if (p.LevelDbfs is { } db) Assert.InRange(20 * Math.Log10(SignalLevel.Rms(samples)), db - 0.5, db + 0.5);
            else Assert.All(samples, s => Assert.Equal(0f, s));
        }
    }

    [Fact]
    public void TheStandardSetHasEverySeverityOfTheIssueAndCurvesKeepCleanInItsPlace()
    {
        Assert.Equal(30, RobustnessConditions.Standard.Count);
        Assert.Equal(RobustnessConditions.Standard.Count, RobustnessConditions.Standard.Select(c => c.Key).Distinct().Count());
        var speed = RobustnessConditions.Curve(CorruptionFamily.Speed, RobustnessConditions.Standard).Select(c => c.Family == CorruptionFamily.Clean ? "clean" : c.SeverityLabel);
        Assert.Equal(["×0.85", "×0.9", "clean", "×1.1", "×1.15"], speed);
        var white = RobustnessConditions.Curve(CorruptionFamily.WhiteNoise, RobustnessConditions.Standard).Select(c => c.Key);
        Assert.Equal(["clean", "white:30", "white:20", "white:10", "white:5", "white:0", "white:-5"], white);
        Assert.Equal(["clean", "reverb:0.2", "reverb:0.4", "reverb:0.6", "reverb:0.8", "reverb:1"],
            RobustnessConditions.OfFamilies("reverb").Select(c => c.Key));
        Assert.Throws<ArgumentException>(() => RobustnessConditions.OfFamilies("thunder"));
    }

    [Fact]
    public void StableSeedsDoNotDependOnTheProcess()
    {
        // FNV-1a of "2020|white:10|7_jackson_3", computed outside .NET: string.GetHashCode would change from process to process
        Assert.Equal(284338106, StableSeed.Of(2020, "white:10", "7_jackson_3"));
        Assert.NotEqual(StableSeed.Of(2020, "white:10", "7_jackson_3"), StableSeed.Of(2021, "white:10", "7_jackson_3"));
    }
}
