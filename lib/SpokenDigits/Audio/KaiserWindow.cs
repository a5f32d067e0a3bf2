namespace SpokenDigits.Audio;

/// <summary>The Kaiser window and the standard formulas that size it for a stop-band attenuation.</summary>
internal static class KaiserWindow
{
    /// <summary>Kaiser's β for a stop-band attenuation of <paramref name="attenuationDb"/> dB (&gt; 50 dB branch).</summary>
    public static double Beta(double attenuationDb) => attenuationDb > 50
        ? 0.1102 * (attenuationDb - 8.7)
        : attenuationDb >= 21 ? 0.5842 * Math.Pow(attenuationDb - 21, 0.4) + 0.07886 * (attenuationDb - 21) : 0;

    /// <summary>Filter length (taps) for the attenuation and a transition width in cycles per sample.</summary>
    public static int Length(double attenuationDb, double transitionCyclesPerSample)
        => (int)Math.Ceiling((attenuationDb - 8) / (2.285 * 2 * Math.PI * transitionCyclesPerSample)) + 1;

    /// <summary>Window value at <paramref name="x"/> in [-1, 1] (0 outside).</summary>
    public static double Value(double x, double beta)
    {
        if (x is < -1 or > 1)
            return 0;
        return BesselI0(beta * Math.Sqrt(1 - x * x)) / BesselI0(beta);
    }

    /// <summary>Modified Bessel function of the first kind, order 0 (power series).</summary>
    private static double BesselI0(double x)
    {
        double sum = 1, term = 1, half = x / 2;
        for (int k = 1; k < 64; k++)
        {
            term *= half / k;
            double squared = term * term;
            sum += squared;
            if (squared < sum * 1e-17)
                break;
        }

        return sum;
    }
}
