using SpokenDigits.Audio;
using SpokenDigits.Data;

namespace SpokenDigits.Tests.Audio;

/// <summary>Real FSDD files (located beside the repository via <see cref="DataLocator"/>) decode as 8 kHz mono.</summary>
public class FsddWavTests
{
    [Theory]
    [InlineData("0_george_0.wav")]
    [InlineData("7_jackson_32.wav")]
    [InlineData("9_yweweler_49.wav")]
    public void ReadsSharedFsddFiles(string name)
    {
        string folder = DataLocator.FindRecordings(startDirectory: AppContext.BaseDirectory);
        AudioClip clip = WavReader.Read(Path.Combine(folder, name));
        Assert.Equal(8000, clip.SampleRate);
        Assert.InRange(clip.DurationSeconds, 0.1, 3.0);
        Assert.All(clip.Samples, s => Assert.InRange(s, -1f, 1f));
        Assert.True(clip.Samples.Max(Math.Abs) > 0.01f, "the recording should not be silent");
    }
}
