namespace SpokenDigits.Audio.Corruptions;

/// <summary>Generates noise of a <see cref="NoiseColour"/>, deterministic from the <see cref="Random"/> given.
/// Pink noise uses Paul Kellett's economy filter on white noise; brown noise is leaky-integrated white noise.</summary>
public static class ColouredNoise
{
    public static float[] Generate(NoiseColour colour, int length, Random random)
    {
        var noise = new float[length];
        double b0 = 0, b1 = 0, b2 = 0, brown = 0;
        for (int i = 0; i < length; i++)
        {
            var white = SignalLevel.Gaussian(random);
            noise[i] = colour switch
            {
                NoiseColour.White => (float)white,
                NoiseColour.Pink => (float)Pink(white, ref b0, ref b1, ref b2),
                _ => (float)(brown = 0.995 * brown + 0.1 * white),
            };
        }
        return noise;
    }

    static double Pink(double white, ref double b0, ref double b1, ref double b2)
    {
        b0 = 0.99765 * b0 + white * 0.0990460;
        b1 = 0.96300 * b1 + white * 0.2965164;
        b2 = 0.57000 * b2 + white * 1.0526913;
        return b0 + b1 + b2 + white * 0.1848;
    }
}
