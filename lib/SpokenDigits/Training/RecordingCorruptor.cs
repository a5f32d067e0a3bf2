using SpokenDigits.Audio.Corruptions;

namespace SpokenDigits.Training;

/// <summary>Applies <see cref="CorruptionSettings"/> to the rows of a batch of waveforms, each row from its own seed,
/// so a row's corruption depends only on that seed and the other rows (babble), never on the model.</summary>
public sealed class RecordingCorruptor(CorruptionSettings settings, int sampleRate)
{
    /// <summary>The corrupted rows; <paramref name="rows"/> is left as it was.</summary>
    public float[][] Apply(float[][] rows, IReadOnlyList<int> seeds)
    {
        var randoms = seeds.Select(seed => new Random(seed)).ToArray();
        var output = Reverberate(rows, randoms);
        for (int r = 0; r < rows.Length; r++)
        {
            var random = randoms[r];
            var x = output[r];
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
            output[r] = x == rows[r] ? (float[])x.Clone() : x;
        }
        return output;
    }

    /// <summary>The first step of every row (each row's own draws come first): the rows chosen for reverberation are
    /// convolved with their room responses in one batch; the others are returned as they are (not copied).</summary>
    float[][] Reverberate(float[][] rows, Random[] randoms)
    {
        var output = (float[][])rows.Clone();
        var chosen = new List<(int Row, float[] Response)>();
        for (int r = 0; r < rows.Length; r++)
            if (randoms[r].NextDouble() < settings.ReverbProbability)
                chosen.Add((r, RoomReverb.ImpulseResponse(SignalLevel.Uniform(randoms[r], settings.MinRt60, settings.MaxRt60), sampleRate, randoms[r])));
        if (chosen.Count == 0) return output;
        var reverberated = RoomReverb.Apply(chosen.Select(c => rows[c.Row]).ToList(), chosen.Select(c => c.Response).ToList());
        for (int k = 0; k < chosen.Count; k++) output[chosen[k].Row] = reverberated[k];
        return output;
    }
}
