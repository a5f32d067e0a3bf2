using System.Buffers.Binary;
using System.Text;

namespace SpokenDigits.Audio;

/// <summary>
/// Reads RIFF/WAVE files into mono <see cref="AudioClip"/>s: the project's checks walk and verify the
/// container, NAudio decodes the samples (<see cref="WavSampleDecoder"/>).
/// </summary>
/// <remarks>
/// <para>Why the chunk walk is ours and not NAudio's <c>WaveFileReader</c>: measured on NAudio.Core 3.3.0,
/// it is lenient where a lab must be strict. A file cut after 60 bytes reads as 8 samples without an error,
/// an empty file throws a bare <c>EndOfStreamException</c>, a RIFF without <c>fmt </c> throws
/// <c>FormatException: Invalid WAV file</c> without the file's name, a recorder's streaming placeholder
/// (RIFF size 0) reads as "no fmt chunk" (tests/…/Audio/NAudioContainerTests.cs).
/// So the container is checked here, and only a checked data chunk with a checked format reaches NAudio.</para>
/// <para>Supported: PCM 8-bit unsigned and 16/24/32-bit signed, IEEE float 32/64, and
/// WAVE_FORMAT_EXTENSIBLE with a PCM or float sub-format; any channel count up to
/// <see cref="WavLimits.MaxChannels"/>, mixed down to mono by averaging. Unknown chunks (LIST, fact, …)
/// are skipped, honouring the pad byte after odd-sized chunks.</para>
/// <para>Scaling: 8-bit <c>(v - 128) / 128</c>, 16-bit <c>v / 32768</c>, 24-bit <c>v / 8388608</c>,
/// 32-bit <c>v / 2147483648</c>; float samples are passed through unchanged (they may exceed ±1),
/// but NaN or infinite samples are rejected.</para>
/// <para>Data chunk size: a declared size larger than what the file holds is an error (truncated file),
/// except for the "streaming" placeholders written by recorders that never patch the header:
/// a data size of 0xFFFFFFFF, or a data size of 0 while the RIFF size is also 0 or 0xFFFFFFFF.
/// Then everything up to the end of the file is read. A trailing partial frame is dropped.</para>
/// <para>Every failure is a <see cref="WavFormatException"/> naming the file and the problem; the reader
/// never allocates from a declared size (only from what the stream really holds) and never loops on
/// a malformed chunk list.</para>
/// </remarks>
public static class WavReader
{
    private const int RiffHeaderBytes = 12;
    private const int ChunkHeaderBytes = 8;

    /// <summary>Reads a WAV file into a mono clip; throws <see cref="WavFormatException"/> naming the file.</summary>
    /// <remarks>A missing or unreadable file is also a <see cref="WavFormatException"/>, with the
    /// <see cref="FileNotFoundException"/> (or other I/O error) as its inner exception.</remarks>
    public static AudioClip Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        FileStream stream;
        try
        {
            stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            string problem = e is FileNotFoundException or DirectoryNotFoundException ? "file does not exist" : $"cannot open file ({e.Message})";
            throw new WavFormatException(path, problem, e);
        }

        using (stream)
        {
            return Read(stream, path);
        }
    }

    /// <summary>Reads WAV bytes from a stream; <paramref name="name"/> is used in error messages.</summary>
    public static AudioClip Read(Stream stream, string name)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(name);
        byte[] bytes = ReadAllBytes(stream, name);
        return Decode(bytes, name);
    }

    /// <summary>Decodes a whole WAV file held in memory; <paramref name="name"/> is used in error messages.</summary>
    public static AudioClip Read(ReadOnlySpan<byte> bytes, string name) => Decode(bytes, name);

    private static byte[] ReadAllBytes(Stream stream, string name)
    {
        try
        {
            if (stream.CanSeek)
            {
                long remaining = stream.Length - stream.Position;
                if (remaining > WavLimits.MaxFileBytes)
                    throw new WavFormatException(name, $"file is {remaining:N0} bytes, more than the {WavLimits.MaxFileBytes:N0} bytes accepted");
            }

            using var buffer = new MemoryStream();
            byte[] block = new byte[81920];
            int read;
            while ((read = stream.Read(block, 0, block.Length)) > 0)
            {
                if (buffer.Length + read > WavLimits.MaxFileBytes)
                    throw new WavFormatException(name, $"file is more than the {WavLimits.MaxFileBytes:N0} bytes accepted");
                buffer.Write(block, 0, read);
            }

            return buffer.ToArray();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or ObjectDisposedException)
        {
            throw new WavFormatException(name, $"cannot read file ({e.Message})", e);
        }
    }

    private static AudioClip Decode(ReadOnlySpan<byte> file, string name)
    {
        if (file.Length == 0)
            throw new WavFormatException(name, "file is empty");
        if (file.Length < RiffHeaderBytes)
            throw new WavFormatException(name, $"truncated RIFF header: file has only {file.Length} bytes, a WAV header needs at least {RiffHeaderBytes}");

        string riffId = FourCC(file[..4]);
        if (riffId != "RIFF")
        {
            string hint = riffId is "RIFX" or "RF64" ? $" ({riffId} files are not supported)" : "";
            throw new WavFormatException(name, $"not a RIFF file: starts with '{riffId}' instead of 'RIFF'{hint}");
        }

        string formType = FourCC(file.Slice(8, 4));
        if (formType != "WAVE")
            throw new WavFormatException(name, $"RIFF file but not WAVE: form type is '{formType}'");

        uint riffSize = BinaryPrimitives.ReadUInt32LittleEndian(file.Slice(4, 4));
        WavFormat? format = null;
        int dataStart = -1;
        int dataLength = 0;
        int position = RiffHeaderBytes;

        while (file.Length - position >= ChunkHeaderBytes)
        {
            string id = FourCC(file.Slice(position, 4));
            uint declared = BinaryPrimitives.ReadUInt32LittleEndian(file.Slice(position + 4, 4));
            int bodyStart = position + ChunkHeaderBytes;
            int available = file.Length - bodyStart;

            if (id == "data")
            {
                if (dataStart >= 0)
                    break; // a second data chunk: keep the first
                dataStart = bodyStart;
                dataLength = DataLength(declared, riffSize, available, name);
                if (format is not null)
                    break; // everything needed is known; trailing chunks do not matter
            }
            else if (id == "fmt ")
            {
                if (declared > available)
                    throw new WavFormatException(name, $"truncated 'fmt ' chunk: it declares {declared:N0} bytes but only {available:N0} remain");
                format ??= WavFormatParser.Parse(file.Slice(bodyStart, (int)declared), name);
                if (dataStart >= 0)
                    break;
            }
            else if (declared > available)
            {
                if (dataStart >= 0 && format is not null)
                    break;
                throw new WavFormatException(name, $"truncated '{Printable(id)}' chunk: it declares {declared:N0} bytes but only {available:N0} remain");
            }

            long next = (long)bodyStart + (id == "data" ? dataLength : declared);
            next += next & 1; // pad byte after odd-sized chunks
            if (next > file.Length)
                break;
            position = (int)next;
        }

        if (format is null)
            throw new WavFormatException(name, dataStart >= 0 ? "missing 'fmt ' chunk before the end of the file" : "missing 'fmt ' chunk (no format description found)");
        if (dataStart < 0)
            throw new WavFormatException(name, "missing 'data' chunk (no samples found)");

        float[] samples = WavSampleDecoder.DecodeMono(file.Slice(dataStart, dataLength), format, name);
        return new AudioClip(samples, format.SampleRate, name);
    }

    private static int DataLength(uint declared, uint riffSize, int available, string name)
    {
        bool streaming = declared == uint.MaxValue || (declared == 0 && available > 0 && (riffSize == 0 || riffSize == uint.MaxValue));
        if (streaming)
            return available;
        if (declared > available)
            throw new WavFormatException(name, $"truncated 'data' chunk: it declares {declared:N0} bytes but only {available:N0} remain");
        return (int)declared;
    }

    private static string FourCC(ReadOnlySpan<byte> bytes) => Encoding.Latin1.GetString(bytes);

    private static string Printable(string id)
    {
        var builder = new StringBuilder(id.Length);
        foreach (char c in id)
            builder.Append(c is >= ' ' and <= '~' ? c : '?');
        return builder.ToString();
    }
}
