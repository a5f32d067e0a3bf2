using System.Buffers.Binary;
using NAudio.Utils;
using NAudio.Wave;

namespace SpokenDigits.Audio;

/// <summary>
/// Writes RIFF/WAVE files through NAudio's <c>WaveFileWriter</c> as 16-bit PCM or 32-bit float, mono or multi-channel. Used to make test audio; <see cref="WavReader"/> reads what it writes.
/// </summary>
public static class WavWriter
{
    /// <summary>Writes mono <paramref name="samples"/> to a file.</summary>
    public static void Write(string path, float[] samples, int sampleRate, WavSampleFormat format = WavSampleFormat.Pcm16)
        => Write(path, [samples], sampleRate, format);

    /// <summary>Writes a clip (mono) to a file at its own sample rate.</summary>
    public static void Write(string path, AudioClip clip, WavSampleFormat format = WavSampleFormat.Pcm16)
        => Write(path, [clip.Samples], clip.SampleRate, format);

    /// <summary>Writes one array per channel (all the same length) to a file.</summary>
    public static void Write(string path, float[][] channels, int sampleRate, WavSampleFormat format = WavSampleFormat.Pcm16)
        => File.WriteAllBytes(path, ToBytes(channels, sampleRate, format));

    /// <summary>Writes one array per channel (all the same length) to a stream.</summary>
    public static void Write(Stream stream, float[][] channels, int sampleRate, WavSampleFormat format = WavSampleFormat.Pcm16)
        => stream.Write(ToBytes(channels, sampleRate, format));

    /// <summary>The bytes of a mono WAV file.</summary>
    public static byte[] ToBytes(float[] samples, int sampleRate, WavSampleFormat format = WavSampleFormat.Pcm16)
        => ToBytes([samples], sampleRate, format);

    /// <summary>The bytes of a WAV file with one array per channel (all the same length), interleaved on write.</summary>
    public static byte[] ToBytes(float[][] channels, int sampleRate, WavSampleFormat format = WavSampleFormat.Pcm16)
    {
        ArgumentNullException.ThrowIfNull(channels);
        if (channels.Length is 0 or > WavLimits.MaxChannels)
            throw new ArgumentOutOfRangeException(nameof(channels), $"need 1 to {WavLimits.MaxChannels} channels, got {channels.Length}");
        if (sampleRate is < WavLimits.MinSampleRate or > WavLimits.MaxSampleRate)
            throw new ArgumentOutOfRangeException(nameof(sampleRate), sampleRate, "sample rate outside what WavReader accepts");
        int frames = channels[0].Length;
        if (channels.Any(c => c is null || c.Length != frames))
            throw new ArgumentException("every channel needs the same number of samples", nameof(channels));

        int bytesPerSample = format == WavSampleFormat.Pcm16 ? 2 : 4;
        int blockAlign = bytesPerSample * channels.Length;
        long dataBytes = (long)frames * blockAlign;
        if (dataBytes > int.MaxValue - 64)
            throw new ArgumentException("too many samples for one WAV file", nameof(channels));

        var samples = new byte[dataBytes];
        Span<byte> span = samples;
        int offset = 0;
        for (int frame = 0; frame < frames; frame++)
        {
            foreach (float[] channel in channels)
            {
                float x = channel[frame];
                if (format == WavSampleFormat.Pcm16)
                    BinaryPrimitives.WriteInt16LittleEndian(span[offset..], ToPcm16(x));
                else
                    BinaryPrimitives.WriteSingleLittleEndian(span[offset..], x);
                offset += bytesPerSample;
            }
        }

        // The container (RIFF header, fmt, fact for float, data) is NAudio's.
        WaveFormat waveFormat = format == WavSampleFormat.Pcm16
            ? new WaveFormat(sampleRate, 16, channels.Length)
            : WaveFormat.CreateIeeeFloatWaveFormat(sampleRate, channels.Length);
        var file = new MemoryStream();
        using (var writer = new WaveFileWriter(new IgnoreDisposeStream(file), waveFormat))
            writer.Write(samples, 0, samples.Length);
        return file.ToArray();
    }

    /// <summary>The 16-bit PCM value for a sample: <c>round(x * 32768)</c> clamped to the int16 range (NaN → 0).</summary>
    public static short ToPcm16(float x)
    {
        if (float.IsNaN(x))
            return 0;
        double scaled = Math.Round(x * 32768.0);
        return (short)Math.Clamp(scaled, short.MinValue, short.MaxValue);
    }
}
