using System.Buffers.Binary;
using System.Text;
using SpokenDigits.Audio;

namespace SpokenDigits.Demo.Tests;

/// <summary>WAV files the tests upload: copies of real recordings and deliberately bad files.</summary>
public static class TestWavs
{
    /// <summary>A recording resampled to <paramref name="rate"/> and written as 16-bit stereo (the same signal in both channels,
    /// the right one 3 dB quieter, as a phone or a browser might deliver it).</summary>
    public static byte[] ResampledStereo(string path, int rate)
    {
        var clip = Resampler.Resample(WavReader.Read(path), rate);
        var right = clip.Samples.Select(s => s * 0.7071f).ToArray();
        return WavWriter.ToBytes(new[] { clip.Samples, right }, rate);
    }

    /// <summary><paramref name="before"/> and <paramref name="after"/> seconds of silence around a recording, at <paramref name="rate"/>.</summary>
    public static float[] Padded(string path, int rate, double before, double after)
    {
        var clip = Resampler.Resample(WavReader.Read(path), rate);
        var padded = new float[(int)(rate * before) + clip.Samples.Length + (int)(rate * after)];
        clip.Samples.CopyTo(padded, (int)(rate * before));
        return padded;
    }

    public static byte[] Silence(double seconds, int rate) => WavWriter.ToBytes(new float[(int)(seconds * rate)], rate);

    /// <summary>A well-formed RIFF/WAVE container whose format is MPEG Layer 3 (tag 0x0055), which the reader does not decode.</summary>
    public static byte[] Mp3InWav()
    {
        var fmt = new byte[16];
        BinaryPrimitives.WriteUInt16LittleEndian(fmt.AsSpan(0), 0x0055);
        BinaryPrimitives.WriteUInt16LittleEndian(fmt.AsSpan(2), 1);
        BinaryPrimitives.WriteUInt32LittleEndian(fmt.AsSpan(4), 8000);
        BinaryPrimitives.WriteUInt32LittleEndian(fmt.AsSpan(8), 2000);
        BinaryPrimitives.WriteUInt16LittleEndian(fmt.AsSpan(12), 1);
        BinaryPrimitives.WriteUInt16LittleEndian(fmt.AsSpan(14), 0);
        var data = new byte[400];
        using var s = new MemoryStream();
        void Chunk(string id, byte[] body)
        {
            s.Write(Encoding.ASCII.GetBytes(id));
            s.Write(BitConverter.GetBytes((uint)body.Length));
            s.Write(body);
        }
        s.Write(Encoding.ASCII.GetBytes("RIFF"));
        s.Write(BitConverter.GetBytes((uint)(4 + 8 + fmt.Length + 8 + data.Length)));
        s.Write(Encoding.ASCII.GetBytes("WAVE"));
        Chunk("fmt ", fmt);
        Chunk("data", data);
        return s.ToArray();
    }
}
