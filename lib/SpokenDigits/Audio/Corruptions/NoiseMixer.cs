namespace SpokenDigits.Audio.Corruptions;

/// <summary>Adds noise to a signal at an exact signal-to-noise ratio (against the whole signal's RMS).</summary>
public static class NoiseMixer
{
    /// <summary><paramref name="signal"/> + <paramref name="noise"/> scaled so that the SNR is <paramref name="snrDb"/>.
    /// The noise is repeated if shorter than the signal; a silent signal or noise returns a copy of the signal.</summary>
    public static float[] AddAtSnr(ReadOnlySpan<float> signal, ReadOnlySpan<float> noise, double snrDb)
    {
        if (noise.IsEmpty) throw new ArgumentException("noise mixer: the noise is empty");
        var fitted = new float[signal.Length];
        for (int i = 0; i < fitted.Length; i++) fitted[i] = noise[i % noise.Length];
        double signalRms = SignalLevel.Rms(signal), noiseRms = SignalLevel.Rms(fitted);
        var output = signal.ToArray();
        if (signalRms == 0 || noiseRms == 0) return output;
        var scale = signalRms / noiseRms / SignalLevel.AmplitudeOf(snrDb);
        for (int i = 0; i < output.Length; i++) output[i] += (float)(fitted[i] * scale);
        return output;
    }

    /// <summary>Babble: the sum of several other recordings (each standardised to unit RMS), as many voices talking at once.</summary>
    public static float[] Babble(IReadOnlyList<float[]> talkers, int length)
    {
        if (talkers.Count == 0) throw new ArgumentException("babble: no recordings to mix");
        var babble = new float[length];
        foreach (var talker in talkers)
        {
            var rms = SignalLevel.Rms(talker);
            if (rms == 0) continue;
            for (int i = 0; i < length; i++) babble[i] += (float)(talker[i % talker.Length] / rms);
        }
        return babble;
    }
}
