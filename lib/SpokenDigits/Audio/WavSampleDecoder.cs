using System.Buffers.Binary;

namespace SpokenDigits.Audio;

/// <summary>Turns the bytes of a data chunk into mono float samples (channels averaged).</summary>
internal static class WavSampleDecoder
{
    private const float Scale8 = 1f / 128f;
    private const float Scale16 = 1f / 32768f;
    private const double Scale24 = 1.0 / 8388608.0;
    private const double Scale32 = 1.0 / 2147483648.0;

    public static float[] DecodeMono(ReadOnlySpan<byte> data, WavFormat format, string name)
    {
        int frames = data.Length / format.BlockAlign; // a trailing partial frame is dropped
        var mono = new float[frames];
        int channels = format.Channels;
        int width = format.BytesPerSample;
        double channelWeight = 1.0 / channels;

        for (int frame = 0; frame < frames; frame++)
        {
            ReadOnlySpan<byte> frameBytes = data.Slice(frame * format.BlockAlign, format.BlockAlign);
            double sum = 0;
            for (int channel = 0; channel < channels; channel++)
            {
                ReadOnlySpan<byte> sample = frameBytes.Slice(channel * width, width);
                double value = Sample(sample, format);
                if (!double.IsFinite(value))
                    throw new WavFormatException(name, $"{(double.IsNaN(value) ? "NaN" : "infinite")} float sample at frame {frame:N0}, channel {channel}");
                sum += value;
            }

            float mixed = channels == 1 ? (float)sum : (float)(sum * channelWeight);
            if (!float.IsFinite(mixed))
                throw new WavFormatException(name, $"float sample at frame {frame:N0} is outside the range of a 32-bit float");
            mono[frame] = mixed;
        }

        return mono;
    }

    private static double Sample(ReadOnlySpan<byte> bytes, WavFormat format)
    {
        if (format.Encoding == WavEncoding.Float)
        {
            return format.BitsPerSample == 32
                ? BinaryPrimitives.ReadSingleLittleEndian(bytes)
                : BinaryPrimitives.ReadDoubleLittleEndian(bytes);
        }

        return format.BitsPerSample switch
        {
            8 => (bytes[0] - 128) * Scale8,
            16 => BinaryPrimitives.ReadInt16LittleEndian(bytes) * Scale16,
            24 => (((bytes[2] << 24) | (bytes[1] << 16) | (bytes[0] << 8)) >> 8) * Scale24,
            _ => BinaryPrimitives.ReadInt32LittleEndian(bytes) * Scale32,
        };
    }
}
