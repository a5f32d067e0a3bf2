namespace SpokenDigits.Features;

/// <summary>Finds the spoken word in a recording of any length and noise floor (endpointing).
/// Per frame (Hann, <see cref="EndpointSettings.FrameMs"/>), the power spectrum in the speech band
/// (300–3400 Hz by default) is compared with a noise-floor spectrum: the mean spectrum of the quietest
/// frames (<see cref="EndpointSettings.FloorPercentile"/>). A frame is speech when it is
/// <see cref="EndpointSettings.OnDb"/> above the floor, or when it is a little above it and its spectrum
/// divided by the floor spectrum is peaky (low spectral flatness, as voiced speech is and steady noise of
/// any colour is not). Speech continues into neighbours while they stay <see cref="EndpointSettings.OffDb"/>
/// above the floor (hysteresis); regions closer than <see cref="EndpointSettings.MergeGapMs"/> merge, shorter
/// than <see cref="EndpointSettings.MinSpeechMs"/> are dropped, and the region with the most energy above
/// the floor is the word. Frames below <see cref="EndpointSettings.SilenceDbfs"/> are never speech.</summary>
public static class SpeechDetector
{
    /// <summary>The word's segment in <paramref name="samples"/> (at <paramref name="sampleRate"/> Hz), or
    /// null when there is no speech. Bounds are frame centres ± half a hop, clamped to the input.</summary>
    public static SpeechSegment? Detect(ReadOnlySpan<float> samples, int sampleRate, EndpointSettings settings)
    {
        var frames = SpectralFrames.Compute(samples, sampleRate, settings);
        int count = frames.Count;
        if (count == 0) return null;
        var floor = frames.FloorSpectrum(settings.FloorPercentile);
        double floorEnergy = floor.Sum();

        var strong = new bool[count];
        var weak = new bool[count];
        var excess = new double[count];
        for (int f = 0; f < count; f++)
        {
            if (frames.Dbfs(f) < settings.SilenceDbfs) continue;
            double contrast = 10 * Math.Log10(frames.Energy(f) / floorEnergy);
            strong[f] = contrast >= settings.OnDb
                || (contrast >= settings.VoicedDb && frames.RelativeFlatness(f, floor) <= settings.MaxRelativeFlatness);
            weak[f] = strong[f] || contrast >= settings.OffDb;
            excess[f] = Math.Max(0, frames.Energy(f) - floorEnergy);
        }

        var regions = Regions(strong, weak);
        regions = Merge(regions, (int)Math.Round(settings.MergeGapMs / settings.HopMs));
        int minFrames = Math.Max(1, (int)Math.Ceiling(settings.MinSpeechMs / settings.HopMs));
        var word = regions.Where(r => r.Last - r.First + 1 >= minFrames)
            .OrderByDescending(r => Sum(excess, r)).ThenBy(r => r.First).FirstOrDefault();
        if (word == default) return null;

        int start = Math.Max(0, frames.Centre(word.First) - frames.Hop / 2);
        int end = Math.Min(samples.Length, frames.Centre(word.Last) + (frames.Hop + 1) / 2);
        return end > start ? new SpeechSegment(start, end, sampleRate) : null;
    }

    /// <summary>Maximal runs of <paramref name="weak"/> frames that hold at least one <paramref name="strong"/> frame.</summary>
    static List<(int First, int Last)> Regions(bool[] strong, bool[] weak)
    {
        var regions = new List<(int, int)>();
        int f = 0;
        while (f < weak.Length)
        {
            if (!weak[f]) { f++; continue; }
            int first = f;
            bool anyStrong = false;
            while (f < weak.Length && weak[f]) anyStrong |= strong[f++];
            if (anyStrong) regions.Add((first, f - 1));
        }
        return regions;
    }

    static List<(int First, int Last)> Merge(List<(int First, int Last)> regions, int maxGap)
    {
        var merged = new List<(int First, int Last)>();
        foreach (var r in regions)
        {
            if (merged.Count > 0 && r.First - merged[^1].Last - 1 < maxGap) merged[^1] = (merged[^1].First, r.Last);
            else merged.Add(r);
        }
        return merged;
    }

    static double Sum(double[] values, (int First, int Last) r)
    {
        double s = 0;
        for (int f = r.First; f <= r.Last; f++) s += values[f];
        return s;
    }
}
