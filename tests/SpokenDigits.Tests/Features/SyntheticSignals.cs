namespace SpokenDigits.Tests.Features;

/// <summary>Test signals for the speech detector: silence, white / pink / brown noise at a given RMS, tone and noise bursts.</summary>
public static class SyntheticSignals
{
    public enum Colour { White, Pink, Brown }

    /// <summary>Gaussian noise of <paramref name="colour"/> scaled to <paramref name="rms"/>.</summary>
    public static float[] Noise(int length, double rms, Colour colour, int seed)
    {
        var random = new Random(seed);
        var x = new double[length];
        double b0 = 0, b1 = 0, b2 = 0, b3 = 0, b4 = 0, b5 = 0, b6 = 0, brown = 0;
        for (int i = 0; i < length; i++)
        {
            double w = Gaussian(random);
            switch (colour)
            {
                case Colour.White: x[i] = w; break;
                case Colour.Pink:   // Paul Kellet's filter: −3 dB per octave
                    b0 = 0.99886 * b0 + w * 0.0555179; b1 = 0.99332 * b1 + w * 0.0750759; b2 = 0.96900 * b2 + w * 0.1538520;
                    b3 = 0.86650 * b3 + w * 0.3104856; b4 = 0.55000 * b4 + w * 0.5329522; b5 = -0.7616 * b5 - w * 0.0168980;
                    x[i] = b0 + b1 + b2 + b3 + b4 + b5 + b6 + w * 0.5362; b6 = w * 0.115926; break;
                case Colour.Brown: brown = 0.998 * brown + w; x[i] = brown; break;
            }
        }
        double mean = x.Average(), energy = x.Sum(v => (v - mean) * (v - mean)) / Math.Max(1, length);
        double scale = energy > 0 ? rms / Math.Sqrt(energy) : 0;
        return x.Select(v => (float)((v - mean) * scale)).ToArray();
    }

    /// <summary>Adds a sine of <paramref name="hz"/> and <paramref name="amplitude"/> over [start, end) samples.</summary>
    public static float[] WithTone(float[] signal, int sampleRate, int start, int end, double hz, double amplitude)
    {
        var y = (float[])signal.Clone();
        for (int i = start; i < end; i++) y[i] += (float)(amplitude * Math.Sin(2 * Math.PI * hz * i / sampleRate));
        return y;
    }

    /// <summary>Adds white noise of <paramref name="rms"/> over [start, end) samples.</summary>
    public static float[] WithNoiseBurst(float[] signal, int start, int end, double rms, int seed)
    {
        var y = (float[])signal.Clone();
        var burst = Noise(end - start, rms, Colour.White, seed);
        for (int i = start; i < end; i++) y[i] += burst[i - start];
        return y;
    }

    public static double Dbfs(double rms) => 20 * Math.Log10(rms * Math.Sqrt(2));

    static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
