namespace SpokenDigits.Audio.Corruptions;

/// <summary>Levels of a signal: RMS and decibel conversions shared by the corruptions.</summary>
public static class SignalLevel
{
    /// <summary>Root mean square of <paramref name="signal"/> (0 for an empty one).</summary>
    public static double Rms(ReadOnlySpan<float> signal)
    {
        if (signal.IsEmpty) return 0;
        double sum = 0;
        foreach (var x in signal) sum += (double)x * x;
        return Math.Sqrt(sum / signal.Length);
    }

    /// <summary>Amplitude ratio of <paramref name="db"/> decibels: 10^(dB/20).</summary>
    public static double AmplitudeOf(double db) => Math.Pow(10, db / 20);

    /// <summary>Signal-to-noise ratio in dB of a clean signal and the noise added to it.</summary>
    public static double SnrDb(ReadOnlySpan<float> clean, ReadOnlySpan<float> noise) =>
        20 * Math.Log10(Rms(clean) / Rms(noise));

    /// <summary>A uniform draw in [min, max].</summary>
    public static double Uniform(Random random, double min, double max) => min + random.NextDouble() * (max - min);

    /// <summary>A standard normal draw (Box–Muller).</summary>
    public static double Gaussian(Random random)
    {
        var u = 1 - random.NextDouble();
        return Math.Sqrt(-2 * Math.Log(u)) * Math.Cos(2 * Math.PI * random.NextDouble());
    }
}
