namespace SpokenDigits.Audio;

/// <summary>WAVE format tags (the first field of the <c>fmt </c> chunk) and their names for error messages.</summary>
internal static class WavFormatTags
{
    public const int Pcm = 0x0001;
    public const int IeeeFloat = 0x0003;
    public const int Extensible = 0xFFFE;

    /// <summary>The 14 bytes that follow the 2-byte format tag in a KSDATAFORMAT_SUBTYPE_* GUID.</summary>
    public static ReadOnlySpan<byte> SubFormatGuidTail =>
        [0x00, 0x00, 0x00, 0x00, 0x10, 0x00, 0x80, 0x00, 0x00, 0xAA, 0x00, 0x38, 0x9B, 0x71];

    /// <summary>A readable name for a format tag, e.g. "0x0055 (MPEG Layer 3)".</summary>
    public static string Describe(int tag)
    {
        string? name = tag switch
        {
            0x0000 => "unknown",
            0x0001 => "PCM",
            0x0002 => "Microsoft ADPCM",
            0x0003 => "IEEE float",
            0x0006 => "A-law",
            0x0007 => "mu-law",
            0x0011 => "IMA ADPCM",
            0x0031 => "GSM 6.10",
            0x0050 => "MPEG",
            0x0055 => "MPEG Layer 3",
            0x0161 => "Windows Media Audio",
            0x1610 => "AAC",
            0xF1AC => "FLAC",
            0xFFFE => "extensible",
            _ => null,
        };
        return name is null ? $"0x{tag:X4}" : $"0x{tag:X4} ({name})";
    }
}
