using SpokenDigits.Audio.Corruptions;

namespace SpokenDigits.Evaluation.Robustness;

/// <summary>What a recording without a word holds.</summary>
public enum ProbeKind { Silence, Noise }

/// <summary>A recording with no word in it, for the "no speech" goal.</summary>
/// <param name="Id">"silence-017", "noise-042".</param>
/// <param name="Colour">The noise colour (null for digital silence).</param>
/// <param name="LevelDbfs">RMS level relative to full scale (null for digital silence).</param>
/// <param name="Seconds">Duration.</param>
public sealed record NoSpeechProbe(string Id, ProbeKind Kind, NoiseColour? Colour, double? LevelDbfs, double Seconds)
{
    /// <summary>The silence levels: half of the silence probes are digital zero, the rest dither at −100 to −70 dBFS.</summary>
    public const double MinSilenceDbfs = -100, MaxSilenceDbfs = -70;
    /// <summary>Steady noise levels of the noise probes (white, pink or brown).</summary>
    public const double MinNoiseDbfs = -60, MaxNoiseDbfs = -10;
    public const double MinSeconds = 0.5, MaxSeconds = 3;

    /// <summary><paramref name="count"/> silence and <paramref name="count"/> noise probes, deterministic from <paramref name="seed"/>.</summary>
    public static IReadOnlyList<NoSpeechProbe> Set(int count, int seed)
    {
        var random = new Random(StableSeed.Of(seed, "no-speech", "probes"));
        var probes = new List<NoSpeechProbe>();
        for (int i = 0; i < count; i++)
        {
            bool digital = i % 2 == 0;
            probes.Add(new NoSpeechProbe($"silence-{i:000}", ProbeKind.Silence, digital ? null : (NoiseColour)random.Next(3),
                digital ? null : Math.Round(SignalLevel.Uniform(random, MinSilenceDbfs, MaxSilenceDbfs), 1),
                Math.Round(SignalLevel.Uniform(random, MinSeconds, MaxSeconds), 2)));
        }
        for (int i = 0; i < count; i++)
            probes.Add(new NoSpeechProbe($"noise-{i:000}", ProbeKind.Noise, (NoiseColour)random.Next(3),
                Math.Round(SignalLevel.Uniform(random, MinNoiseDbfs, MaxNoiseDbfs), 1),
                Math.Round(SignalLevel.Uniform(random, MinSeconds, MaxSeconds), 2)));
        return probes;
    }

    /// <summary>The probe's samples at <paramref name="sampleRate"/>, deterministic from <paramref name="seed"/> and the id.</summary>
    public float[] Samples(int sampleRate, int seed)
    {
        var samples = new float[(int)Math.Round(Seconds * sampleRate)];
        if (Colour is not { } colour || LevelDbfs is not { } dbfs) return samples;
        var noise = ColouredNoise.Generate(colour, samples.Length, new Random(StableSeed.Of(seed, "no-speech", Id)));
        var scale = SignalLevel.AmplitudeOf(dbfs) / SignalLevel.Rms(noise);
        for (int i = 0; i < samples.Length; i++) samples[i] = (float)Math.Clamp(noise[i] * scale, -1, 1);
        return samples;
    }
}
