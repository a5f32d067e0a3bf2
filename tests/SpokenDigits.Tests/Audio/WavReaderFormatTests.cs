using SpokenDigits.Audio;

namespace SpokenDigits.Tests.Audio;

/// <summary>Every supported encoding decodes to exactly the documented values.</summary>
public class WavReaderFormatTests
{
    private static AudioClip Read(byte[] bytes) => WavReader.Read(new MemoryStream(bytes), "test.wav");

    [Fact]
    public void Pcm8IsUnsignedCenteredOn128()
    {
        byte[] wav = new WavBytes().Fmt(1, 1, 8000, 8).Data([0, 64, 128, 192, 255]).ToArray();
        Assert.Equal(new[] { -1f, -0.5f, 0f, 0.5f, 127f / 128f }, Read(wav).Samples);
    }

    [Fact]
    public void Pcm16IsDividedBy32768()
    {
        AudioClip clip = Read(WavBytes.Pcm16Mono(16000, -32768, -16384, 0, 1, 32767));
        Assert.Equal(16000, clip.SampleRate);
        Assert.Equal("test.wav", clip.Source);
        Assert.Equal(new[] { -1f, -0.5f, 0f, 1f / 32768f, 32767f / 32768f }, clip.Samples);
    }

    [Fact]
    public void Pcm24IsDividedBy8388608()
    {
        byte[] wav = new WavBytes().Fmt(1, 1, 8000, 24).Data(WavBytes.Int24s(-8388608, -4194304, 0, 1, 8388607)).ToArray();
        Assert.Equal(new[] { -1f, -0.5f, 0f, (float)(1 / 8388608.0), (float)(8388607 / 8388608.0) }, Read(wav).Samples);
    }

    [Fact]
    public void Pcm32IsDividedBy2147483648()
    {
        byte[] wav = new WavBytes().Fmt(1, 1, 8000, 32).Data(WavBytes.Int32s(int.MinValue, -1073741824, 0, 1 << 16, int.MaxValue)).ToArray();
        Assert.Equal(new[] { -1f, -0.5f, 0f, (float)((1 << 16) / 2147483648.0), (float)(int.MaxValue / 2147483648.0) }, Read(wav).Samples);
    }

    [Fact]
    public void Float32PassesThrough()
    {
        byte[] wav = new WavBytes().Fmt(3, 1, 44100, 32).Data(WavBytes.Floats(-1f, 0.25f, 0.123456f, 1f)).ToArray();
        Assert.Equal(new[] { -1f, 0.25f, 0.123456f, 1f }, Read(wav).Samples);
    }

    [Fact]
    public void Float64IsConvertedToFloat()
    {
        byte[] wav = new WavBytes().Fmt(3, 1, 48000, 64).Data(WavBytes.Doubles(-0.75, 0.1, 0.5)).ToArray();
        Assert.Equal(new[] { -0.75f, 0.1f, 0.5f }, Read(wav).Samples);
    }

    [Theory]
    [InlineData(1, 16)]
    [InlineData(1, 24)]
    [InlineData(3, 32)]
    public void ExtensibleWithPcmOrFloatSubFormat(int subFormat, int bits)
    {
        byte[] data = subFormat == 3 ? WavBytes.Floats(0.5f, -0.5f, 0.25f, 0.25f)
            : bits == 16 ? WavBytes.Int16s(16384, -16384, 8192, 8192)
            : WavBytes.Int24s(4194304, -4194304, 2097152, 2097152);
        byte[] wav = new WavBytes().Chunk("fmt ", WavBytes.ExtensibleFmtBody(subFormat, 2, 22050, bits)).Data(data).ToArray();
        AudioClip clip = Read(wav);
        Assert.Equal(22050, clip.SampleRate);
        Assert.Equal(new[] { 0f, 0.25f }, clip.Samples);
    }

    [Fact]
    public void StereoIsAveraged()
    {
        byte[] wav = new WavBytes().Fmt(1, 2, 8000, 16).Data(WavBytes.Int16s(16384, 0, -32768, 32767 - 32767, 8192, 8192)).ToArray();
        Assert.Equal(new[] { 0.25f, -0.5f, 0.25f }, Read(wav).Samples);
    }

    [Fact]
    public void SixChannelsAreAveraged()
    {
        float[] frame = [0.6f, 0.0f, -0.3f, 0.3f, 0.6f, 0.0f];
        byte[] wav = new WavBytes().Fmt(3, 6, 48000, 32).Data(WavBytes.Floats([.. frame, .. frame])).ToArray();
        AudioClip clip = Read(wav);
        Assert.Equal(2, clip.Samples.Length);
        Assert.All(clip.Samples, s => Assert.Equal(0.2f, s, 1e-6f));
    }

    [Fact]
    public void OddSizedUnknownChunkBeforeDataIsSkippedWithItsPadByte()
    {
        byte[] wav = new WavBytes()
            .Fmt(1, 1, 8000, 16)
            .Chunk("junk", [1, 2, 3, 4, 5])
            .Data(WavBytes.Int16s(1000, -1000))
            .ToArray();
        Assert.Equal(new[] { 1000f / 32768, -1000f / 32768 }, Read(wav).Samples);
    }

    [Fact]
    public void ListAndFactChunksAreSkipped()
    {
        byte[] list = [.. "INFOISFT"u8, 7, 0, 0, 0, .. "tester\0"u8];
        byte[] wav = new WavBytes()
            .Chunk("LIST", list)
            .Fmt(3, 1, 8000, 32)
            .Chunk("fact", WavBytes.Int32s(2))
            .Data(WavBytes.Floats(0.5f, -0.5f))
            .Chunk("LIST", list)
            .ToArray();
        Assert.Equal(new[] { 0.5f, -0.5f }, Read(wav).Samples);
    }

    [Fact]
    public void OddSizedDataChunkDropsPartialFrame()
    {
        byte[] wav = new WavBytes().Fmt(1, 1, 8000, 16).Data([0x00, 0x40, 0x00]).ToArray();
        Assert.Equal(new[] { 0.5f }, Read(wav).Samples);
    }

    [Theory]
    [InlineData(0xFFFFFFFFu, 0x24u)]
    [InlineData(0u, 0u)]
    [InlineData(0u, 0xFFFFFFFFu)]
    public void StreamingPlaceholderSizesReadToEndOfFile(uint dataSize, uint riffSize)
    {
        byte[] wav = new WavBytes().Fmt(1, 1, 8000, 16).Data(WavBytes.Int16s(16384, -16384), dataSize).ToArray(riffSize: riffSize);
        Assert.Equal(new[] { 0.5f, -0.5f }, Read(wav).Samples);
    }

    [Fact]
    public void EmptyDataChunkGivesEmptyClip()
    {
        byte[] wav = new WavBytes().Fmt(1, 1, 8000, 16).Data([]).ToArray();
        Assert.Empty(Read(wav).Samples);
    }

    [Fact]
    public void ReadsFromFilePath()
    {
        string path = Path.Combine(Path.GetTempPath(), $"wavreader-{Guid.NewGuid():N}.wav");
        try
        {
            File.WriteAllBytes(path, WavBytes.Pcm16Mono(8000, 16384));
            AudioClip clip = WavReader.Read(path);
            Assert.Equal(path, clip.Source);
            Assert.Equal(new[] { 0.5f }, clip.Samples);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
