using SpokenDigits.Audio.Corruptions;
using static SpokenDigits.Evaluation.Robustness.CorruptionFamily;

namespace SpokenDigits.Evaluation.Robustness;

/// <summary>Applies a <see cref="RobustnessCondition"/> to the study's test recordings. Each corrupted recording depends
/// only on the study's seed, the condition and the recording's id (<see cref="StableSeed"/>) and, for babble, on the
/// other recordings of the study: it is the same for every model and every run.</summary>
/// <remarks>
/// How each family is made (FSDD recordings are trimmed to the word; <c>window</c> = max(recording, the models' T samples)):
/// <list type="bullet">
/// <item>white noise, babble: the word in the middle of <c>window</c> samples of background, scaled so that the word's
/// RMS over the background's RMS is the SNR (the models see noise around the word, as in a real recording);
/// babble: four talkers, each a chain of random recordings of other speakers, each standardised (<see cref="NoiseMixer.Babble"/>);</item>
/// <item>reverberation: the recording with the impulse response's length of silence after it (the tail stays), convolved
/// with a fresh impulse response of the RT60 (<see cref="RoomReverb"/>);</item>
/// <item>telephone: <see cref="BandLimit.Telephone"/>;</item>
/// <item>gain: scaled and clipped to ±1, as a 16-bit recording would be (without clipping a gain changes nothing: every
/// clip is standardised); the detector's silence floor still sees the quieter recordings;</item>
/// <item>placement: the word at a uniform random offset in severity seconds (at least the recording) of white, pink or
/// brown noise (chosen per recording) at 20 dB SNR (<see cref="WordPlacement.Place"/>);</item>
/// <item>speed: <see cref="SpeedChange"/> on the recording padded with silence so that a slower word keeps its ends.</item>
/// </list></remarks>
public sealed class ConditionCorruptor
{
    /// <summary>Talkers in a babble.</summary>
    public const int BabbleTalkers = 4;

    readonly IReadOnlyList<RobustnessClip> _clips;

    /// <param name="clips">The study's recordings (babble draws on them).</param>
    /// <param name="sampleRate">Their sample rate.</param>
    /// <param name="windowSamples">The models' input length T: additive noise covers at least this much.</param>
    /// <param name="seed">The study's seed.</param>
    public ConditionCorruptor(IReadOnlyList<RobustnessClip> clips, int sampleRate, int windowSamples, int seed)
    {
        ArgumentNullException.ThrowIfNull(clips);
        if (sampleRate <= 0 || windowSamples <= 0) throw new ArgumentException($"corruptor: sample rate {sampleRate} Hz and window {windowSamples} must be positive");
        _clips = clips;
        SampleRate = sampleRate;
        WindowSamples = windowSamples;
        Seed = seed;
    }

    public int SampleRate { get; }
    public int WindowSamples { get; }
    public int Seed { get; }
    public int Count => _clips.Count;

    /// <summary>Recording <paramref name="index"/> under <paramref name="condition"/> (a new array; the recording is left as it was).</summary>
    public float[] Apply(RobustnessCondition condition, int index)
    {
        var clip = _clips[index];
        var x = clip.Samples;
        var random = new Random(StableSeed.Of(Seed, condition.Key, clip.Id));
        double s = condition.Severity;
        switch (condition.Family)
        {
            case Clean: return (float[])x.Clone();
            case WhiteNoise:
                {
                    int window = Math.Max(x.Length, WindowSamples);
                    return WordPlacement.Over(x, ColouredNoise.Generate(NoiseColour.White, window, random), (window - x.Length) / 2, -s);
                }
            case Babble:
                {
                    int window = Math.Max(x.Length, WindowSamples);
                    return WordPlacement.Over(x, BabbleFor(index, window, random), (window - x.Length) / 2, -s);
                }
            case Reverb:
                {
                    var response = RoomReverb.ImpulseResponse(s, SampleRate, random);
                    return RoomReverb.Apply(Padded(x, 0, response.Length), response);
                }
            case Telephone: return BandLimit.Telephone(x, SampleRate);
            case CorruptionFamily.Gain:
                {
                    var y = Audio.Corruptions.Gain.Apply(x, s);
                    for (int i = 0; i < y.Length; i++) y[i] = Math.Clamp(y[i], -1f, 1f);
                    return y;
                }
            case Placement:
                {
                    var colour = (NoiseColour)random.Next(3);
                    int window = Math.Max(x.Length, (int)Math.Round(s * SampleRate));
                    return WordPlacement.Place(x, window, random, -RobustnessConditions.PlacementSnrDb, colour).Window;
                }
            case Speed:
                {
                    int pad = s < 1 ? (int)Math.Ceiling(x.Length * (1 / s - 1) / 2) + 1 : 0;
                    return SpeedChange.Apply(Padded(x, pad, pad), s);
                }
            default: throw new ArgumentException($"corruptor: unknown family {condition.Family}");
        }
    }

    /// <summary><see cref="BabbleTalkers"/> talkers, each a chain of random recordings of speakers other than recording
    /// <paramref name="index"/>'s (any other recording when there is no other speaker), at least <paramref name="length"/> long.</summary>
    float[] BabbleFor(int index, int length, Random random)
    {
        var speaker = _clips[index].Speaker;
        var pool = Enumerable.Range(0, _clips.Count).Where(i => _clips[i].Speaker != speaker).ToList();
        if (pool.Count == 0) pool = Enumerable.Range(0, _clips.Count).Where(i => i != index).ToList();
        if (pool.Count == 0) throw new ArgumentException("babble needs at least two recordings");
        var talkers = new List<float[]>();
        for (int t = 0; t < BabbleTalkers; t++)
        {
            var chain = new List<float>(length + 8000);
            while (chain.Count < length) chain.AddRange(_clips[pool[random.Next(pool.Count)]].Samples);
            talkers.Add(chain.ToArray());
        }
        return NoiseMixer.Babble(talkers, length);
    }

    static float[] Padded(float[] x, int before, int after)
    {
        var y = new float[before + x.Length + after];
        x.CopyTo(y, before);
        return y;
    }
}
