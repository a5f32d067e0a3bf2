using SpokenDigits.Audio;

namespace SpokenDigits.Tests.Audio;

public class WavWriterTests
{
    [Fact]
    public void Pcm16RoundTripsExactlyRepresentableValues()
    {
        float[] samples = [-1f, -0.5f, 0f, 1f / 32768, 0.25f];
        AudioClip clip = WavReader.Read(new MemoryStream(WavWriter.ToBytes(samples, 8000)), "w.wav");
        Assert.Equal(samples, clip.Samples);
        Assert.Equal(8000, clip.SampleRate);
    }

    [Fact]
    public void Pcm16ClampsOutOfRangeValues()
    {
        Assert.Equal(short.MaxValue, WavWriter.ToPcm16(1f));
        Assert.Equal(short.MaxValue, WavWriter.ToPcm16(3f));
        Assert.Equal(short.MinValue, WavWriter.ToPcm16(-3f));
        Assert.Equal(0, WavWriter.ToPcm16(float.NaN));
    }

    [Fact]
    public void Float32MultiChannelRoundTripsAsAverage()
    {
        float[] left = [0.5f, -0.25f, 0.125f];
        float[] right = [0.25f, 0.25f, -0.125f];
        byte[] bytes = WavWriter.ToBytes([left, right], 48000, WavSampleFormat.Float32);
        using (var written = new NAudio.Wave.WaveFileReader(new MemoryStream(bytes)))
        {
            Assert.Equal(NAudio.Wave.WaveFormatEncoding.IeeeFloat, written.WaveFormat.Encoding);
            Assert.Equal(2, written.WaveFormat.Channels);
            Assert.Equal(3 * 2 * 4, written.Length);
        }

        Assert.Equal(new[] { 0.375f, 0f, 0f }, WavReader.Read(new MemoryStream(bytes), "w.wav").Samples);
    }

    [Fact]
    public void WritesFiles()
    {
        string path = Path.Combine(Path.GetTempPath(), $"wavwriter-{Guid.NewGuid():N}.wav");
        try
        {
            WavWriter.Write(path, new AudioClip([0.5f, -0.5f], 16000, "x"), WavSampleFormat.Float32);
            AudioClip clip = WavReader.Read(path);
            Assert.Equal(16000, clip.SampleRate);
            Assert.Equal(new[] { 0.5f, -0.5f }, clip.Samples);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void RejectsChannelsOfDifferentLengths()
        => Assert.Throws<ArgumentException>(() => WavWriter.ToBytes([new float[2], new float[3]], 8000));
}
