namespace SpokenDigits.Features;

/// <summary>Triangular mel filters (HTK mel scale, Slaney area normalisation), computed once.</summary>
/// <remarks>The project's one mel scale: the raw model's learnable filterbank starts on it too.</remarks>
public static class MelFilterbank
{
    /// <summary>HTK mel scale: 2595 · log10(1 + f / 700).</summary>
    public static double HzToMel(double hz) => 2595.0 * Math.Log10(1.0 + hz / 700.0);
    /// <summary>The inverse of <see cref="HzToMel"/>.</summary>
    public static double MelToHz(double mel) => 700.0 * (Math.Pow(10.0, mel / 2595.0) - 1.0);

    /// <summary>Filter weights <c>[band, bin]</c> for FFT bins 0..fftSize/2 of a signal at
    /// <paramref name="sampleRate"/> Hz; band b peaks at the b-th of <paramref name="bands"/>
    /// mel-spaced centres between <paramref name="minHz"/> and <paramref name="maxHz"/>.</summary>
    public static float[,] Create(int sampleRate, int fftSize, int bands, double minHz, double maxHz)
    {
        int bins = fftSize / 2 + 1;
        double melMin = HzToMel(minHz), melMax = HzToMel(maxHz);
        var edgesHz = Enumerable.Range(0, bands + 2)
            .Select(i => MelToHz(melMin + (melMax - melMin) * i / (bands + 1)))
            .ToArray();
        var weights = new float[bands, bins];
        for (int b = 0; b < bands; b++)
        {
            double left = edgesHz[b], centre = edgesHz[b + 1], right = edgesHz[b + 2];
            double area = 2.0 / (right - left); // Slaney: each filter has unit area
            for (int k = 0; k < bins; k++)
            {
                double hz = (double)k * sampleRate / fftSize;
                double rising = (hz - left) / (centre - left);
                double falling = (right - hz) / (right - centre);
                double w = Math.Max(0.0, Math.Min(rising, falling));
                weights[b, k] = (float)(w * area);
            }
        }
        return weights;
    }
}
