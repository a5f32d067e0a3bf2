namespace SpokenDigits.Audio.Corruptions;

/// <summary>A second-order IIR section (RBJ audio-EQ cookbook), run in direct form I.</summary>
public sealed record Biquad(double B0, double B1, double B2, double A1, double A2)
{
    public static Biquad LowPass(double cutoffHz, int sampleRate, double q = 0.7071067811865476)
    {
        var (cos, alpha) = Angles(cutoffHz, sampleRate, q);
        return Normalised((1 - cos) / 2, 1 - cos, (1 - cos) / 2, 1 + alpha, -2 * cos, 1 - alpha);
    }

    public static Biquad HighPass(double cutoffHz, int sampleRate, double q = 0.7071067811865476)
    {
        var (cos, alpha) = Angles(cutoffHz, sampleRate, q);
        return Normalised((1 + cos) / 2, -(1 + cos), (1 + cos) / 2, 1 + alpha, -2 * cos, 1 - alpha);
    }

    /// <summary>A shelf lifting (gain &gt; 0) or cutting frequencies above <paramref name="cornerHz"/> by <paramref name="gainDb"/>.</summary>
    public static Biquad HighShelf(double cornerHz, int sampleRate, double gainDb)
    {
        var a = Math.Pow(10, gainDb / 40);
        var (cos, alpha) = Angles(cornerHz, sampleRate, Math.Sqrt(0.5));
        var root = 2 * Math.Sqrt(a) * alpha;
        return Normalised(a * (a + 1 + (a - 1) * cos + root), -2 * a * (a - 1 + (a + 1) * cos), a * (a + 1 + (a - 1) * cos - root),
            a + 1 - (a - 1) * cos + root, 2 * (a - 1 - (a + 1) * cos), a + 1 - (a - 1) * cos - root);
    }

    static (double Cos, double Alpha) Angles(double hz, int sampleRate, double q)
    {
        if (!(hz > 0 && hz < sampleRate / 2.0)) throw new ArgumentException($"biquad: {hz} Hz is not inside (0, {sampleRate / 2} Hz)");
        var w = 2 * Math.PI * hz / sampleRate;
        return (Math.Cos(w), Math.Sin(w) / (2 * q));
    }

    static Biquad Normalised(double b0, double b1, double b2, double a0, double a1, double a2) =>
        new(b0 / a0, b1 / a0, b2 / a0, a1 / a0, a2 / a0);

    public float[] Filter(ReadOnlySpan<float> signal)
    {
        var output = new float[signal.Length];
        double x1 = 0, x2 = 0, y1 = 0, y2 = 0;
        for (int i = 0; i < signal.Length; i++)
        {
            double x = signal[i], y = B0 * x + B1 * x1 + B2 * x2 - A1 * y1 - A2 * y2;
            (x2, x1, y2, y1) = (x1, x, y1, y);
            output[i] = (float)y;
        }
        return output;
    }
}
