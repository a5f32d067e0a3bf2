using NAudio.Wave;
using SpokenDigits.Audio;

namespace SpokenDigits.Tests.Audio;

/// <summary>
/// Why <see cref="WavReader"/> walks the container itself and lets NAudio decode only checked data: NAudio's own
/// <see cref="WaveFileReader"/> (3.3.0) accepts or garbles files that must be errors or must read in full.
/// If a later NAudio becomes strict, these tests say so, and the walk can go.
/// </summary>
public class NAudioContainerTests
{
    private static readonly byte[] Wav = WavBytes.Pcm16Mono(8000, Enumerable.Range(0, 100).Select(i => (short)(i * 100)).ToArray());

    [Fact]
    public void NAudioReadsATruncatedFileWithoutErrorWhereWeRejectIt()
    {
        byte[] cut = Wav[..60];
        using (var naudio = new WaveFileReader(new MemoryStream(cut)))
        {
            var buffer = new byte[1000];
            Assert.Equal(16, naudio.Read(buffer, 0, buffer.Length)); // 8 samples, no error
        }

        var e = Assert.Throws<WavFormatException>(() => WavReader.Read(cut, "cut.wav"));
        Assert.Contains("cut.wav", e.Message);
        Assert.Contains("truncated 'data' chunk", e.Message);
    }

    [Fact]
    public void NAudioThrowsBareExceptionsWithoutTheFileName()
    {
        Assert.Throws<EndOfStreamException>(() => new WaveFileReader(new MemoryStream([])));
        byte[] noFmt = new WavBytes().Data(WavBytes.Int16s(1, 2)).ToArray();
        var naudio = Assert.Throws<FormatException>(() => new WaveFileReader(new MemoryStream(noFmt)));
        Assert.DoesNotContain("x.wav", naudio.Message);

        Assert.Contains("file is empty", Assert.Throws<WavFormatException>(() => WavReader.Read([], "x.wav")).Message);
        Assert.Contains("missing 'fmt ' chunk", Assert.Throws<WavFormatException>(() => WavReader.Read(noFmt, "x.wav")).Message);
    }

    [Fact]
    public void NAudioCannotReadARecordersStreamingPlaceholderThatWeReadInFull()
    {
        byte[] streaming = new WavBytes().Fmt(1, 1, 8000, 16).Data(WavBytes.Int16s(16384, -16384), 0).ToArray(riffSize: 0);
        Assert.Throws<FormatException>(() => new WaveFileReader(new MemoryStream(streaming)));
        Assert.Equal(new[] { 0.5f, -0.5f }, WavReader.Read(streaming, "s.wav").Samples);
    }
}
