using System.Collections.Concurrent;

namespace SpokenDigits.Audio;

/// <summary>
/// Band-limited resampling with polyphase windowed-sinc (Kaiser) filters for the rational factor
/// L/M = to/from reduced by their gcd. The low-pass cut-off sits a little below half the lower of the two
/// rates (pass band to 0.4 × rate, stop band from 0.5 × rate, ≥ 60 dB down), so downsampling does not alias.
/// Filter banks are built once per rate pair and cached; the class is thread-safe.
/// </summary>
public static class Resampler
{
    private static readonly ConcurrentDictionary<(int From, int To), PolyphaseFilterBank> Banks = new();

    /// <summary>Resamples <paramref name="samples"/> from <paramref name="fromRate"/> to <paramref name="toRate"/> Hz.</summary>
    /// <returns>A new array of <see cref="OutputLength"/> samples; a copy of the input when the rates are equal.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A rate is not positive.</exception>
    public static float[] Resample(float[] samples, int fromRate, int toRate)
    {
        ArgumentNullException.ThrowIfNull(samples);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(fromRate);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(toRate);
        if (fromRate == toRate)
            return (float[])samples.Clone();

        int length = OutputLength(samples.Length, fromRate, toRate);
        if (length == 0)
            return [];
        PolyphaseFilterBank bank = Banks.GetOrAdd((fromRate, toRate), key => new PolyphaseFilterBank(key.From, key.To));
        return bank.Apply(samples, length);
    }

    /// <summary>Resamples a clip to <paramref name="toRate"/> Hz (the same clip when it is already at that rate).</summary>
    public static AudioClip Resample(AudioClip clip, int toRate)
    {
        ArgumentNullException.ThrowIfNull(clip);
        return clip.SampleRate == toRate ? clip : clip with { Samples = Resample(clip.Samples, clip.SampleRate, toRate), SampleRate = toRate };
    }

    /// <summary>Output length for <paramref name="inputLength"/> samples: <c>round(n · to / from)</c>.</summary>
    public static int OutputLength(int inputLength, int fromRate, int toRate)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(inputLength);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(fromRate);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(toRate);
        return (int)(((long)inputLength * toRate * 2 + fromRate) / (2L * fromRate));
    }
}
