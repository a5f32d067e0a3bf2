namespace SpokenDigits.Audio.Corruptions;

/// <summary>Scales a signal by a gain in dB (a louder or quieter microphone).</summary>
public static class Gain
{
    public static float[] Apply(ReadOnlySpan<float> signal, double gainDb)
    {
        var factor = (float)SignalLevel.AmplitudeOf(gainDb);
        var output = new float[signal.Length];
        for (int i = 0; i < output.Length; i++) output[i] = signal[i] * factor;
        return output;
    }
}
