using NAudio.Wave;

namespace SpokenDigits.Audio;

/// <summary>
/// Turns the bytes of a checked data chunk into mono float samples through NAudio's sample providers
/// (<see cref="RawSourceWaveStream"/> + <c>ToSampleProvider</c>), then averages the channels.
/// </summary>
/// <remarks>NAudio's scaling is the one documented on <see cref="WavReader"/> (8-bit <c>b/128 − 1</c>,
/// 16/24/32-bit divided by 2^15/2^23/2^31, float passed through; 64-bit float rounded to 32 bits).
/// The decoder insists on reading every whole frame the chunk holds: a short read is an error, never a
/// shorter clip.</remarks>
internal static class WavSampleDecoder
{
    public static float[] DecodeMono(ReadOnlySpan<byte> data, WavFormat format, string name)
    {
        int frames = data.Length / format.BlockAlign; // a trailing partial frame is dropped
        int channels = format.Channels;
        float[] interleaved = ReadAll(data[..(frames * format.BlockAlign)], format, frames * channels, name);

        var mono = new float[frames];
        double channelWeight = 1.0 / channels;
        for (int frame = 0; frame < frames; frame++)
        {
            double sum = 0;
            for (int channel = 0; channel < channels; channel++)
            {
                float value = interleaved[frame * channels + channel];
                if (!float.IsFinite(value))
                    throw new WavFormatException(name, $"{(float.IsNaN(value) ? "NaN" : "infinite")} float sample at frame {frame:N0}, channel {channel}"
                        + (format.BitsPerSample == 64 && !float.IsNaN(value) ? " (outside the range of a 32-bit float)" : ""));
                sum += value;
            }

            mono[frame] = channels == 1 ? (float)sum : (float)(sum * channelWeight);
        }

        return mono;
    }

    private static float[] ReadAll(ReadOnlySpan<byte> data, WavFormat format, int expected, string name)
    {
        using var source = new RawSourceWaveStream(new MemoryStream(data.ToArray(), writable: false), ToNAudio(format));
        ISampleProvider samples = source.ToSampleProvider();
        var buffer = new float[expected];
        int total = 0;
        int read;
        while (total < expected && (read = samples.Read(buffer.AsSpan(total, expected - total))) > 0)
            total += read;
        if (total != expected)
            throw new WavFormatException(name, $"data chunk holds {expected:N0} samples but only {total:N0} could be decoded");
        return buffer;
    }

    private static WaveFormat ToNAudio(WavFormat format) => format.Encoding == WavEncoding.Float
        ? WaveFormat.CreateCustomFormat(WaveFormatEncoding.IeeeFloat, format.SampleRate, format.Channels,
            format.SampleRate * format.BlockAlign, format.BlockAlign, format.BitsPerSample)
        : new WaveFormat(format.SampleRate, format.BitsPerSample, format.Channels);
}
