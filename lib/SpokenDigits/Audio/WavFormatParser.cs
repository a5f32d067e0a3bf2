using System.Buffers.Binary;

namespace SpokenDigits.Audio;

/// <summary>Parses and checks the body of a <c>fmt </c> chunk.</summary>
internal static class WavFormatParser
{
    private const int BasicFormatBytes = 16;
    private const int ExtensibleFormatBytes = 40;

    public static WavFormat Parse(ReadOnlySpan<byte> body, string name)
    {
        if (body.Length < BasicFormatBytes)
            throw new WavFormatException(name, $"'fmt ' chunk is {body.Length} bytes, at least {BasicFormatBytes} are needed");

        int tag = BinaryPrimitives.ReadUInt16LittleEndian(body[0..]);
        int channels = BinaryPrimitives.ReadUInt16LittleEndian(body[2..]);
        uint sampleRate = BinaryPrimitives.ReadUInt32LittleEndian(body[4..]);
        int blockAlign = BinaryPrimitives.ReadUInt16LittleEndian(body[12..]);
        int bits = BinaryPrimitives.ReadUInt16LittleEndian(body[14..]);

        int codec = tag;
        if (tag == WavFormatTags.Extensible)
            codec = ExtensibleSubFormat(body, name);

        WavEncoding encoding = codec switch
        {
            WavFormatTags.Pcm => WavEncoding.Pcm,
            WavFormatTags.IeeeFloat => WavEncoding.Float,
            _ => throw new WavFormatException(name,
                $"unsupported codec: format tag {WavFormatTags.Describe(codec)}{(tag == WavFormatTags.Extensible ? " inside WAVE_FORMAT_EXTENSIBLE" : "")}; only PCM and IEEE float are read"),
        };

        if (channels == 0)
            throw new WavFormatException(name, "channel count is 0");
        if (channels > WavLimits.MaxChannels)
            throw new WavFormatException(name, $"absurd channel count {channels} (at most {WavLimits.MaxChannels} accepted)");
        if (sampleRate < WavLimits.MinSampleRate || sampleRate > WavLimits.MaxSampleRate)
            throw new WavFormatException(name, $"absurd sample rate {sampleRate:N0} Hz (accepted: {WavLimits.MinSampleRate:N0} to {WavLimits.MaxSampleRate:N0} Hz)");

        bool bitsSupported = encoding == WavEncoding.Pcm ? bits is 8 or 16 or 24 or 32 : bits is 32 or 64;
        if (!bitsSupported)
        {
            string supported = encoding == WavEncoding.Pcm ? "8, 16, 24 or 32" : "32 or 64";
            throw new WavFormatException(name, $"unsupported {bits} bits per sample for {(encoding == WavEncoding.Pcm ? "PCM" : "IEEE float")} (supported: {supported})");
        }

        int expectedAlign = channels * (bits / 8);
        if (blockAlign != expectedAlign)
            throw new WavFormatException(name, $"block align {blockAlign} does not match {channels} channel(s) × {bits / 8} bytes = {expectedAlign}");

        return new WavFormat(encoding, channels, (int)sampleRate, bits, blockAlign);
    }

    private static int ExtensibleSubFormat(ReadOnlySpan<byte> body, string name)
    {
        if (body.Length < ExtensibleFormatBytes)
            throw new WavFormatException(name, $"WAVE_FORMAT_EXTENSIBLE 'fmt ' chunk is {body.Length} bytes, {ExtensibleFormatBytes} are needed");
        ReadOnlySpan<byte> guid = body.Slice(24, 16);
        if (!guid[2..].SequenceEqual(WavFormatTags.SubFormatGuidTail))
            throw new WavFormatException(name, $"unsupported codec: WAVE_FORMAT_EXTENSIBLE sub-format {new Guid(guid)} is not a standard format GUID");
        return BinaryPrimitives.ReadUInt16LittleEndian(guid);
    }
}
