namespace SpokenDigits.Audio.Corruptions;

/// <summary>Puts a word into a longer window at a random offset, with background (silence, or noise at a level in dB
/// below the word's RMS) around it: a recording that is not trimmed to the word.</summary>
public static class WordPlacement
{
    /// <summary>The window and the offset the word starts at (uniform in [0, window − word]).</summary>
    /// <param name="backgroundDb">Background level relative to the word's RMS (dB, e.g. −30); null for silence.</param>
    public static (float[] Window, int Offset) Place(ReadOnlySpan<float> word, int windowLength, Random random,
        double? backgroundDb = null, NoiseColour colour = NoiseColour.White)
    {
        if (windowLength < word.Length) throw new ArgumentException($"placement: the window ({windowLength}) is shorter than the word ({word.Length})");
        var offset = random.Next(windowLength - word.Length + 1);
        if (backgroundDb is not { } db) return (Over(word, new float[windowLength], offset, null), offset);
        return (Over(word, ColouredNoise.Generate(colour, windowLength, random), offset, db), offset);
    }

    /// <summary>The word added into <paramref name="background"/> (a window as long as the background) at
    /// <paramref name="offset"/>, the background scaled to <paramref name="backgroundDb"/> relative to the word's RMS
    /// (the SNR of the word is −backgroundDb), or kept as it is when null. A silent background stays silent.</summary>
    public static float[] Over(ReadOnlySpan<float> word, ReadOnlySpan<float> background, int offset, double? backgroundDb)
    {
        if (offset < 0 || offset + word.Length > background.Length)
            throw new ArgumentException($"placement: a word of {word.Length} samples at {offset} does not fit a window of {background.Length}");
        var window = background.ToArray();
        var noiseRms = SignalLevel.Rms(background);
        if (backgroundDb is { } db && noiseRms > 0)
        {
            var scale = SignalLevel.Rms(word) / noiseRms * SignalLevel.AmplitudeOf(db);
            for (int i = 0; i < window.Length; i++) window[i] = (float)(window[i] * scale);
        }
        for (int i = 0; i < word.Length; i++) window[offset + i] += word[i];
        return window;
    }
}
