namespace SpokenDigits.Features;

/// <summary>Raw-signal preparation: fixed length by centre pad/crop, then loudness normalisation.</summary>
public static class ClipShaper
{
    const float MinRms = 1e-4f;

    /// <summary>Centre crop (long input) or centre zero-pad (short input) to <paramref name="length"/>
    /// samples, written into <paramref name="destination"/>. Cropping keeps the middle: for an
    /// excess of e samples, e/2 (rounded down) are dropped at the start.</summary>
    public static void CentreFit(ReadOnlySpan<float> samples, Span<float> destination)
    {
        int length = destination.Length;
        destination.Clear();
        if (samples.Length >= length)
            samples.Slice((samples.Length - length) / 2, length).CopyTo(destination);
        else
            samples.CopyTo(destination.Slice((length - samples.Length) / 2));
    }

    /// <summary>Removes the mean and scales to unit RMS; near-silent clips are left near zero
    /// (the RMS is floored) so silence never yields NaN or amplified noise.</summary>
    public static void Standardise(Span<float> clip)
    {
        if (clip.Length == 0) return;
        double mean = 0;
        foreach (var s in clip) mean += s;
        mean /= clip.Length;
        double energy = 0;
        foreach (var s in clip) energy += (s - mean) * (s - mean);
        float rms = (float)Math.Sqrt(energy / clip.Length);
        float scale = 1f / Math.Max(rms, MinRms);
        for (int i = 0; i < clip.Length; i++) clip[i] = (float)(clip[i] - mean) * scale;
    }
}
