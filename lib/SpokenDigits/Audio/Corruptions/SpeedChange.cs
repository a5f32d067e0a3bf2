namespace SpokenDigits.Audio.Corruptions;

/// <summary>Plays a signal at another speed (pitch and tempo together, a stand-in for another vocal tract) about its
/// centre, by linear interpolation: output sample i reads the input at c + (i − c)·factor, zero outside.</summary>
public static class SpeedChange
{
    public static float[] Apply(ReadOnlySpan<float> signal, double factor)
    {
        if (!(factor >= 0.5 && factor <= 2)) throw new ArgumentException($"speed: factor {factor} is outside [0.5, 2]");
        var output = new float[signal.Length];
        var centre = (signal.Length - 1) / 2.0;
        for (int i = 0; i < output.Length; i++)
        {
            var position = (i - centre) * factor + centre;
            var left = (int)Math.Floor(position);
            var weight = position - left;
            output[i] = (float)(At(signal, left) * (1 - weight) + At(signal, left + 1) * weight);
        }
        return output;
    }

    static float At(ReadOnlySpan<float> signal, int i) => i >= 0 && i < signal.Length ? signal[i] : 0;
}
