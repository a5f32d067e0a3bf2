using SpokenDigits.Audio.Corruptions;

namespace SpokenDigits.Training;

/// <summary>Applies <see cref="CorruptionSettings"/> to the rows of a batch of waveforms, each row from its own seed,
/// so a row's corruption depends only on that seed and the other rows (babble), never on the model. Rows are
/// corrupted on up to <paramref name="parallelism"/> threads at once; as every row draws only from its own
/// <see cref="Random"/> and reads only the unaltered input rows, the result is the same for any thread count.</summary>
public sealed class RecordingCorruptor(CorruptionSettings settings, int sampleRate, int parallelism = 1)
{
    readonly ParallelOptions _parallel = new() { MaxDegreeOfParallelism = Math.Max(1, parallelism) };

    /// <summary>The corrupted rows; <paramref name="rows"/> is left as it was.</summary>
    public float[][] Apply(float[][] rows, IReadOnlyList<int> seeds)
    {
        var randoms = seeds.Select(seed => new Random(seed)).ToArray();
        var output = Reverberate(rows, randoms);
        Parallel.For(0, rows.Length, _parallel, r => output[r] = CorruptRow(rows, r, output[r], randoms[r]));
        return output;
    }

    /// <summary>Row <paramref name="r"/> after reverberation (<paramref name="x"/>) through the other corruptions, in a fixed
    /// order, each drawn from the row's own <paramref name="random"/>; a copy when none applied.</summary>
    float[] CorruptRow(float[][] rows, int r, float[] x, Random random)
    {
        if (random.NextDouble() < settings.BandLimitProbability) x = BandLimit.Telephone(x, sampleRate);
        if (random.NextDouble() < settings.TiltProbability) x = BandLimit.Tilt(x, sampleRate, SignalLevel.Uniform(random, -settings.MaxTiltDb, settings.MaxTiltDb));
        if (random.NextDouble() < settings.BabbleProbability && rows.Length > 1)
        {
            var talkers = Enumerable.Range(0, 3).Select(_ => rows[(r + 1 + random.Next(rows.Length - 1)) % rows.Length]).ToList();
            x = NoiseMixer.AddAtSnr(x, NoiseMixer.Babble(talkers, x.Length), SignalLevel.Uniform(random, 5, 25));
        }
        if (random.NextDouble() < settings.ColouredNoiseProbability)
        {
            var colour = random.Next(2) == 0 ? NoiseColour.Pink : NoiseColour.Brown;
            x = NoiseMixer.AddAtSnr(x, ColouredNoise.Generate(colour, x.Length, random),
                SignalLevel.Uniform(random, settings.MinColouredSnrDb, settings.MaxColouredSnrDb));
        }
        if (random.NextDouble() < settings.GainProbability) x = Gain.Apply(x, SignalLevel.Uniform(random, -settings.MaxGainDb, settings.MaxGainDb));
        return x == rows[r] ? (float[])x.Clone() : x;
    }

    /// <summary>The first step of every row (each row's own draws come first): the rows chosen for reverberation are
    /// convolved with their room responses in one batch; the others are returned as they are (not copied).</summary>
    float[][] Reverberate(float[][] rows, Random[] randoms)
    {
        var output = (float[][])rows.Clone();
        var responses = new float[rows.Length][];
        Parallel.For(0, rows.Length, _parallel, r =>
        {
            if (randoms[r].NextDouble() < settings.ReverbProbability)
                responses[r] = RoomReverb.ImpulseResponse(SignalLevel.Uniform(randoms[r], settings.MinRt60, settings.MaxRt60), sampleRate, randoms[r]);
        });
        var chosen = Enumerable.Range(0, rows.Length).Where(r => responses[r] is not null).ToList();
        if (chosen.Count == 0) return output;
        var reverberated = RoomReverb.Apply(chosen.Select(r => rows[r]).ToList(), chosen.Select(r => responses[r]).ToList());
        for (int k = 0; k < chosen.Count; k++) output[chosen[k]] = reverberated[k];
        return output;
    }
}
