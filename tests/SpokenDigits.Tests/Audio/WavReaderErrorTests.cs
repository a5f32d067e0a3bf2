using SpokenDigits.Audio;

namespace SpokenDigits.Tests.Audio;

/// <summary>Each malformed file gives a <see cref="WavFormatException"/> that names the file and the problem.</summary>
public class WavReaderErrorTests
{
    private const string Name = "broken-file.wav";

    private static WavFormatException Fails(byte[] bytes, string expectedProblem)
    {
        var e = Assert.Throws<WavFormatException>(() => WavReader.Read(new MemoryStream(bytes), Name));
        Assert.Contains(Name, e.Message);
        Assert.Equal(Name, e.FilePath);
        Assert.Contains(expectedProblem, e.Problem, StringComparison.OrdinalIgnoreCase);
        return e;
    }

    [Fact]
    public void Empty() => Fails([], "empty");

    [Fact]
    public void TruncatedHeader() => Fails("RIFF\x10\0\0\0WA"u8.ToArray(), "truncated RIFF header");

    [Fact]
    public void TruncatedData()
    {
        byte[] wav = WavBytes.Pcm16Mono(8000, 1, 2, 3, 4, 5, 6);
        Fails(wav[..^4], "truncated 'data' chunk");
    }

    [Fact]
    public void TruncatedFmtChunk()
    {
        byte[] wav = WavBytes.Pcm16Mono(8000, 1);
        Fails(wav[..30], "truncated 'fmt ' chunk");
    }

    [Fact]
    public void NotRiff() => Fails(new WavBytes().Fmt(1, 1, 8000, 16).Data(WavBytes.Int16s(1)).ToArray(riff: "OggS"), "not a RIFF file");

    [Fact]
    public void NotWave() => Fails(new WavBytes().Fmt(1, 1, 8000, 16).Data(WavBytes.Int16s(1)).ToArray(form: "AVI "), "not WAVE");

    [Theory]
    [InlineData(0x55, "0x0055 (MPEG Layer 3)")]
    [InlineData(0x02, "0x0002 (Microsoft ADPCM)")]
    [InlineData(0x1234, "0x1234")]
    public void UnsupportedCodecNamesTheFormatTag(int tag, string description)
        => Fails(new WavBytes().Fmt(tag, 1, 8000, 16).Data(WavBytes.Int16s(1)).ToArray(), $"unsupported codec: format tag {description}");

    [Fact]
    public void UnsupportedExtensibleSubFormat()
        => Fails(new WavBytes().Chunk("fmt ", WavBytes.ExtensibleFmtBody(0x55, 1, 8000, 16)).Data(WavBytes.Int16s(1)).ToArray(), "0x0055");

    [Fact]
    public void ZeroChannels() => Fails(new WavBytes().Chunk("fmt ", WavBytes.FmtBody(1, 0, 8000, 16, blockAlign: 2)).Data(WavBytes.Int16s(1)).ToArray(), "channel count is 0");

    [Fact]
    public void AbsurdChannelCount() => Fails(new WavBytes().Fmt(1, 40, 8000, 16).Data(WavBytes.Int16s(1)).ToArray(), "absurd channel count 40");

    [Theory]
    [InlineData(0)]
    [InlineData(999)]
    [InlineData(384_001)]
    public void AbsurdSampleRate(int rate) => Fails(new WavBytes().Fmt(1, 1, rate, 16).Data(WavBytes.Int16s(1)).ToArray(), "absurd sample rate");

    [Fact]
    public void UnsupportedBitDepth() => Fails(new WavBytes().Fmt(1, 1, 8000, 12).Data(WavBytes.Int16s(1)).ToArray(), "12 bits");

    [Fact]
    public void BlockAlignMismatch()
        => Fails(new WavBytes().Chunk("fmt ", WavBytes.FmtBody(1, 2, 8000, 16, blockAlign: 3)).Data(WavBytes.Int16s(1, 2)).ToArray(), "block align 3");

    [Fact]
    public void HugeDeclaredDataSize()
        => Fails(new WavBytes().Fmt(1, 1, 8000, 16).Data(WavBytes.Int16s(1, 2), declaredSize: 0x7FFF_FFF0).ToArray(), "truncated 'data' chunk");

    [Fact]
    public void HugeDeclaredUnknownChunkSize()
        => Fails(new WavBytes().Fmt(1, 1, 8000, 16).Chunk("LIST", [1, 2], declaredSize: 0xFFFF_FFF0).Data(WavBytes.Int16s(1)).ToArray(), "truncated 'LIST' chunk");

    [Fact]
    public void MissingFmt() => Fails(new WavBytes().Data(WavBytes.Int16s(1)).ToArray(), "missing 'fmt '");

    [Fact]
    public void MissingData() => Fails(new WavBytes().Fmt(1, 1, 8000, 16).ToArray(), "missing 'data'");

    [Fact]
    public void FmtTooSmall() => Fails(new WavBytes().Chunk("fmt ", new byte[10]).Data(WavBytes.Int16s(1)).ToArray(), "at least 16");

    [Theory]
    [InlineData(float.NaN, "NaN")]
    [InlineData(float.PositiveInfinity, "infinite")]
    public void NonFiniteFloatSamples(float bad, string problem)
        => Fails(new WavBytes().Fmt(3, 1, 8000, 32).Data(WavBytes.Floats(0.5f, bad)).ToArray(), problem);

    [Fact]
    public void DoubleOutsideFloatRange()
        => Fails(new WavBytes().Fmt(3, 1, 8000, 64).Data(WavBytes.Doubles(1e300)).ToArray(), "range of a 32-bit float");

    [Fact]
    public void MissingFileIsWavFormatExceptionWrappingFileNotFound()
    {
        string path = Path.Combine(Path.GetTempPath(), $"no-such-{Guid.NewGuid():N}.wav");
        var e = Assert.Throws<WavFormatException>(() => WavReader.Read(path));
        Assert.Contains(path, e.Message);
        Assert.IsType<FileNotFoundException>(e.InnerException);
    }
}
