using System.Buffers.Binary;
using System.Text;

namespace SpokenDigits.Tests.Audio;

/// <summary>Builds WAV files byte by byte, independent of WavWriter, so tests can state exact encodings and break them.</summary>
internal sealed class WavBytes
{
    private readonly MemoryStream _body = new();

    public static byte[] FmtBody(int tag, int channels, int rate, int bits, int? blockAlign = null)
    {
        var b = new byte[16];
        int align = blockAlign ?? channels * bits / 8;
        BinaryPrimitives.WriteUInt16LittleEndian(b.AsSpan(0), (ushort)tag);
        BinaryPrimitives.WriteUInt16LittleEndian(b.AsSpan(2), (ushort)channels);
        BinaryPrimitives.WriteUInt32LittleEndian(b.AsSpan(4), (uint)rate);
        BinaryPrimitives.WriteUInt32LittleEndian(b.AsSpan(8), (uint)(rate * align));
        BinaryPrimitives.WriteUInt16LittleEndian(b.AsSpan(12), (ushort)align);
        BinaryPrimitives.WriteUInt16LittleEndian(b.AsSpan(14), (ushort)bits);
        return b;
    }

    public static byte[] ExtensibleFmtBody(int subFormatTag, int channels, int rate, int bits)
    {
        var b = new byte[40];
        FmtBody(0xFFFE, channels, rate, bits).CopyTo(b, 0);
        BinaryPrimitives.WriteUInt16LittleEndian(b.AsSpan(16), 22);
        BinaryPrimitives.WriteUInt16LittleEndian(b.AsSpan(18), (ushort)bits);
        BinaryPrimitives.WriteUInt32LittleEndian(b.AsSpan(20), 0x3);
        BinaryPrimitives.WriteUInt16LittleEndian(b.AsSpan(24), (ushort)subFormatTag);
        byte[] tail = [0x00, 0x00, 0x00, 0x00, 0x10, 0x00, 0x80, 0x00, 0x00, 0xAA, 0x00, 0x38, 0x9B, 0x71];
        tail.CopyTo(b, 26);
        return b;
    }

    public WavBytes Chunk(string id, byte[] body, uint? declaredSize = null, bool pad = true)
    {
        _body.Write(Encoding.ASCII.GetBytes(id));
        Span<byte> size = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(size, declaredSize ?? (uint)body.Length);
        _body.Write(size);
        _body.Write(body);
        if (pad && body.Length % 2 == 1)
            _body.WriteByte(0);
        return this;
    }

    public WavBytes Fmt(int tag, int channels, int rate, int bits) => Chunk("fmt ", FmtBody(tag, channels, rate, bits));

    public WavBytes Data(byte[] samples, uint? declaredSize = null) => Chunk("data", samples, declaredSize);

    public byte[] ToArray(string riff = "RIFF", string form = "WAVE", uint? riffSize = null)
    {
        byte[] body = _body.ToArray();
        var file = new byte[12 + body.Length];
        Encoding.ASCII.GetBytes(riff).CopyTo(file, 0);
        BinaryPrimitives.WriteUInt32LittleEndian(file.AsSpan(4), riffSize ?? (uint)(4 + body.Length));
        Encoding.ASCII.GetBytes(form).CopyTo(file, 8);
        body.CopyTo(file, 12);
        return file;
    }

    public static byte[] Int16s(params short[] values)
    {
        var b = new byte[values.Length * 2];
        for (int i = 0; i < values.Length; i++)
            BinaryPrimitives.WriteInt16LittleEndian(b.AsSpan(i * 2), values[i]);
        return b;
    }

    public static byte[] Int24s(params int[] values)
    {
        var b = new byte[values.Length * 3];
        for (int i = 0; i < values.Length; i++)
        {
            b[i * 3] = (byte)values[i];
            b[i * 3 + 1] = (byte)(values[i] >> 8);
            b[i * 3 + 2] = (byte)(values[i] >> 16);
        }

        return b;
    }

    public static byte[] Int32s(params int[] values)
    {
        var b = new byte[values.Length * 4];
        for (int i = 0; i < values.Length; i++)
            BinaryPrimitives.WriteInt32LittleEndian(b.AsSpan(i * 4), values[i]);
        return b;
    }

    public static byte[] Floats(params float[] values)
    {
        var b = new byte[values.Length * 4];
        for (int i = 0; i < values.Length; i++)
            BinaryPrimitives.WriteSingleLittleEndian(b.AsSpan(i * 4), values[i]);
        return b;
    }

    public static byte[] Doubles(params double[] values)
    {
        var b = new byte[values.Length * 8];
        for (int i = 0; i < values.Length; i++)
            BinaryPrimitives.WriteDoubleLittleEndian(b.AsSpan(i * 8), values[i]);
        return b;
    }

    public static byte[] Pcm16Mono(int rate, params short[] values) => new WavBytes().Fmt(1, 1, rate, 16).Data(Int16s(values)).ToArray();
}
