namespace SpokenDigits.Audio;

/// <summary>How the samples of a WAV data chunk are stored.</summary>
internal enum WavEncoding
{
    /// <summary>Integer PCM: 8-bit unsigned, 16/24/32-bit signed little-endian.</summary>
    Pcm,
    /// <summary>IEEE 754 floating point, 32 or 64 bits.</summary>
    Float,
}

/// <summary>The parsed <c>fmt </c> chunk, already checked to be one we can decode.</summary>
internal sealed record WavFormat(WavEncoding Encoding, int Channels, int SampleRate, int BitsPerSample, int BlockAlign)
{
    public int BytesPerSample => BitsPerSample / 8;
}
