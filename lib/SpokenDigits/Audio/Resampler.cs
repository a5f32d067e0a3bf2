namespace SpokenDigits.Audio;

/// <summary>Band-limited resampling. (Contract; implemented in the audio work item.)</summary>
public static class Resampler
{
    /// <summary>Resamples <paramref name="samples"/> from <paramref name="fromRate"/> to <paramref name="toRate"/> Hz.</summary>
    public static float[] Resample(float[] samples, int fromRate, int toRate) => throw new NotImplementedException();
}
