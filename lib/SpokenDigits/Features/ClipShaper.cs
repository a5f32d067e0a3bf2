namespace SpokenDigits.Features;

/// <summary>Raw-signal preparation: the word is found (<see cref="SpeechDetector"/>) and placed in the
/// middle of the fixed-length window, then loudness is normalised.</summary>
public static class ClipShaper
{
    const float MinRms = 1e-4f;

    /// <summary>Recording (already at <see cref="FeatureSettings.SampleRate"/>) → the model's raw input in
    /// <paramref name="destination"/> (<see cref="FeatureSettings.ClipSamples"/> long), standardised. With
    /// endpointing on, the window is centred on the detected word (<see cref="PlaceSegment"/>); when no word is
    /// found, or endpointing is off, the whole recording is centre fitted (<see cref="CentreFit"/>).</summary>
    public static DetectedSpeech Shape(ReadOnlySpan<float> samples, FeatureSettings settings, Span<float> destination)
    {
        var speech = settings.Endpoint.Enabled
            ? new DetectedSpeech(SpeechDetector.Detect(samples, settings.SampleRate, settings.Endpoint), true)
            : DetectedSpeech.NotDetected;
        if (speech.Segment is { } segment) PlaceSegment(samples, segment, destination);
        else CentreFit(samples, destination);
        Standardise(destination);
        return speech;
    }

    /// <summary>Copies the window of <paramref name="destination"/>'s length centred on <paramref name="segment"/>
    /// (the recording around the word comes with it; beyond the recording is zero). A word longer than the
    /// window loses equal parts at both ends: for an excess of e samples, e/2 (rounded down) at the start.</summary>
    public static void PlaceSegment(ReadOnlySpan<float> samples, SpeechSegment segment, Span<float> destination)
    {
        int length = destination.Length;
        destination.Clear();
        long start = segment.Start - ((long)length - segment.Length) / 2;   // division truncates: e/2 either way
        long from = Math.Max(0, start), to = Math.Min(samples.Length, start + length);
        if (to > from) samples.Slice((int)from, (int)(to - from)).CopyTo(destination.Slice((int)(from - start)));
    }

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
