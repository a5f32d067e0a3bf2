using SpokenDigits.Audio;
using SpokenDigits.Data;
using SpokenDigits.Features;
using SpokenDigits.Tests.Features;
using Xunit.Abstractions;

namespace SpokenDigits.Tests.Data;

/// <summary>The detector on real and synthetic corpora: every FSDD recording holds a word; silence and steady noise
/// of several colours, levels and lengths never do.</summary>
public class EndpointCorpusTests(ITestOutputHelper output)
{
    [Fact]
    public void EveryFsddRecordingHasAWord()
    {
        var settings = new FeatureSettings();
        var recordings = SharedFsdd.Recordings;
        var clips = ClipLoader.Load(recordings, settings);
        Assert.Equal(3000, clips.Count);
        var lengths = clips.Speech.Where(s => s.Segment is not null).Select(s => s.Segment!.Length / (double)settings.SampleRate).Order().ToList();
        output.WriteLine($"FSDD: {clips.NoSpeech.Count} of {clips.Count} without speech; word length median {lengths[lengths.Count / 2]:0.000} s, " +
                         $"min {lengths[0]:0.000} s, max {lengths[^1]:0.000} s");
        Assert.Empty(clips.NoSpeech.Select(r => r.Path));
    }

    [Fact]
    public void SilenceAndSteadyNoiseAreNoSpeech()
    {
        var settings = new FeatureSettings();
        int total = 0, noSpeech = 0;
        var window = new float[settings.ClipSamples];
        foreach (var seconds in new[] { 0.25, 0.5, 1.0, 2.0, 3.0 })
        {
            int length = (int)(seconds * settings.SampleRate);
            foreach (var colour in Enum.GetValues<SyntheticSignals.Colour>())
                foreach (var dbfs in new[] { -90.0, -70, -50, -30, -10 })
                    for (int seed = 0; seed < 8; seed++)
                    {
                        var noise = SyntheticSignals.Noise(length, Math.Pow(10, dbfs / 20) / Math.Sqrt(2), colour, seed);
                        total++;
                        if (ClipShaper.Shape(noise, settings, window).NoSpeech) noSpeech++;
                        else output.WriteLine($"speech found in {colour} noise at {dbfs} dBFS, {seconds} s, seed {seed}");
                    }
            total++;
            if (ClipShaper.Shape(new float[length], settings, window).NoSpeech) noSpeech++;
        }
        output.WriteLine($"synthetic silence and noise: {noSpeech} of {total} answered no speech ({100.0 * noSpeech / total:0.0} %)");
        Assert.True(noSpeech >= 0.99 * total, $"{noSpeech} of {total}");
    }

    [Fact]
    public void SpeechCommandsDigitsLoadsResampledWithItsCountsPerDigit()
    {
        var folder = Path.Combine(Path.GetDirectoryName(Path.GetDirectoryName(SharedFsdd.RecordingsFolder))!, "speechcommands-digits");
        var recordings = RecordingCatalog.Discover(folder, DatasetLayout.AudioMnist);
        Assert.Equal(437, recordings.Count);
        Assert.Equal(16000, WavReader.Read(recordings[0].Path).SampleRate);
        var perDigit = recordings.GroupBy(r => r.Digit).OrderBy(g => g.Key).ToDictionary(g => g.Key, g => g.Count());
        output.WriteLine("per digit: " + string.Join(", ", perDigit.Select(p => $"{p.Key}: {p.Value}")));
        Assert.Equal(Enumerable.Range(0, 10), perDigit.Keys);
        Assert.All(perDigit.Values, n => Assert.InRange(n, 30, 60));

        var settings = new FeatureSettings();
        var clips = ClipLoader.Load(recordings, settings);
        Assert.Equal(437 * settings.ClipSamples, clips.Samples.Length);
        output.WriteLine($"speechcommands-digits: {clips.NoSpeech.Count} of {clips.Count} without speech");
    }
}
