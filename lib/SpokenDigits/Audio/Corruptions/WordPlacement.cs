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
        var window = new float[windowLength];
        if (backgroundDb is { } db)
        {
            var noise = ColouredNoise.Generate(colour, windowLength, random);
            var scale = SignalLevel.Rms(word) / SignalLevel.Rms(noise) * SignalLevel.AmplitudeOf(db);
            for (int i = 0; i < windowLength; i++) window[i] = (float)(noise[i] * scale);
        }
        for (int i = 0; i < word.Length; i++) window[offset + i] += word[i];
        return (window, offset);
    }
}
