namespace SpokenDigits.Audio;

/// <summary>What <see cref="WavReader"/> accepts; anything outside is reported as a <see cref="WavFormatException"/>.</summary>
public static class WavLimits
{
    /// <summary>Lowest accepted sample rate in Hz.</summary>
    public const int MinSampleRate = 1_000;

    /// <summary>Highest accepted sample rate in Hz.</summary>
    public const int MaxSampleRate = 384_000;

    /// <summary>Highest accepted channel count.</summary>
    public const int MaxChannels = 32;

    /// <summary>Largest file (in bytes) the reader loads; larger ones are rejected rather than buffered.</summary>
    public const long MaxFileBytes = 1L << 30;
}
