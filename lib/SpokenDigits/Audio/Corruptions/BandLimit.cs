namespace SpokenDigits.Audio.Corruptions;

/// <summary>Band-limiting: a 4th-order band-pass (two high-pass and two low-pass biquads), e.g. the 300–3,400 Hz telephone band,
/// and a random spectral tilt (a high shelf at 1 kHz) as a stand-in for another microphone.</summary>
public static class BandLimit
{
    public const double TelephoneLowHz = 300, TelephoneHighHz = 3400;

    /// <summary>Keeps <paramref name="lowHz"/>–<paramref name="highHz"/>; a high edge at or above Nyquist is left out.</summary>
    public static float[] Apply(ReadOnlySpan<float> signal, int sampleRate, double lowHz, double highHz)
    {
        var output = signal.ToArray();
        if (lowHz > 0)
            for (int i = 0; i < 2; i++) output = Biquad.HighPass(lowHz, sampleRate).Filter(output);
        if (highHz < sampleRate / 2.0)
            for (int i = 0; i < 2; i++) output = Biquad.LowPass(highHz, sampleRate).Filter(output);
        return output;
    }

    public static float[] Telephone(ReadOnlySpan<float> signal, int sampleRate) =>
        Apply(signal, sampleRate, TelephoneLowHz, Math.Min(TelephoneHighHz, sampleRate * 0.45));

    /// <summary>Frequencies above 1 kHz lifted or cut by <paramref name="tiltDb"/>.</summary>
    public static float[] Tilt(ReadOnlySpan<float> signal, int sampleRate, double tiltDb) =>
        Biquad.HighShelf(1000, sampleRate, tiltDb).Filter(signal);
}
