using SpokenDigits.Audio;
using SpokenDigits.Data;
using SpokenDigits.Features;

namespace SpokenDigits.Tests.Data;

/// <summary>Step one of the pipeline on a folder with some bad files: each is named with its problem,
/// and loading stops before training unless asked to leave them out.</summary>
public class ClipLoaderTests
{
    static readonly FeatureSettings Settings = new();

    static Recording Write(TempFolder folder, string name, Action<string> write)
    {
        var path = folder.Combine(name + ".wav");
        write(path);
        return RecordingFileName.TryParse(Path.GetFileName(path), path)!;
    }

    static float[] Tone(int samples, int rate, double hz = 440) =>
        Enumerable.Range(0, samples).Select(i => 0.3f * (float)Math.Sin(2 * Math.PI * hz * i / rate)).ToArray();

    [Fact]
    public void BadFilesAreNamedAndStopLoadingUnlessSkipped()
    {
        using var folder = new TempFolder();
        var good = Write(folder, "1_alice_0", p => WavWriter.Write(p, Tone(6000, 8000), 8000));
        var resampled = Write(folder, "2_alice_0", p => WavWriter.Write(p, Tone(48000, 48000), 48000));
        var empty = Write(folder, "3_alice_0", p => File.WriteAllBytes(p, Array.Empty<byte>()));
        var truncated = Write(folder, "4_alice_0", p => File.WriteAllBytes(p, WavWriter.ToBytes(Tone(4000, 8000), 8000)[..30]));
        var nan = Write(folder, "5_alice_0", p => WavWriter.Write(p, new[] { 0.1f, float.NaN, 0.2f }, 8000, WavSampleFormat.Float32));
        var all = new[] { good, resampled, empty, truncated, nan };

        var stop = Assert.Throws<DatasetException>(() => ClipLoader.Load(all, Settings));
        Assert.Contains("3 of 5 recordings cannot be read", stop.Message);
        foreach (var bad in new[] { empty, truncated, nan }) Assert.Contains(bad.Path, stop.Message);
        Assert.DoesNotContain(good.Path, stop.Message);

        var loaded = ClipLoader.Load(all, Settings, skipBad: true);
        Assert.Equal(new[] { good.Id, resampled.Id }, loaded.Recordings.Select(r => r.Id));
        Assert.Equal(3, loaded.Bad.Count);
        Assert.All(loaded.Bad, b => Assert.False(string.IsNullOrWhiteSpace(b.Problem)));
        Assert.Equal(2 * Settings.ClipSamples, loaded.Samples.Length);
        Assert.All(loaded.Samples, s => Assert.True(float.IsFinite(s)));
    }

    [Fact]
    public void LongRecordingsAreCentreCroppedAndSilenceStaysFinite()
    {
        using var folder = new TempFolder();
        // 3 s: a marker burst in the middle second only, silence elsewhere.
        var samples = new float[3 * 8000];
        for (int i = 8000; i < 16000; i++) samples[i] = 0.5f * (float)Math.Sin(i * 0.1);
        var longOne = Write(folder, "7_bob_0", p => WavWriter.Write(p, samples, 8000));
        var silent = Write(folder, "8_bob_0", p => WavWriter.Write(p, new float[8000], 8000));

        var loaded = ClipLoader.Load(new[] { longOne, silent }, Settings);
        var middle = loaded.Clip(0);
        Assert.True(middle.ToArray().Count(x => x != 0) > 7900, "the middle second is kept");
        Assert.All(loaded.Clip(1).ToArray(), x => Assert.Equal(0f, x));
    }
}
