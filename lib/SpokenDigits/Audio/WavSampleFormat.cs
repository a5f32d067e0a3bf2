namespace SpokenDigits.Audio;

/// <summary>Sample encodings that <see cref="WavWriter"/> can write.</summary>
public enum WavSampleFormat
{
    /// <summary>16-bit signed PCM; a sample <c>x</c> is stored as <c>round(x * 32768)</c>, clamped.</summary>
    Pcm16,
    /// <summary>32-bit IEEE float, stored unchanged.</summary>
    Float32,
}
