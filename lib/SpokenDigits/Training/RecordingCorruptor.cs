using SpokenDigits.Audio.Corruptions;

namespace SpokenDigits.Training;

/// <summary>Applies <see cref="CorruptionSettings"/> to the rows of a batch of waveforms, each row from its own seed,
/// so a row's corruption depends only on that seed and the other rows (babble), never on the model.</summary>
public sealed class RecordingCorruptor(CorruptionSettings settings, int sampleRate)
{
    /// <summary>The corrupted rows; <paramref name="rows"/> is left as it was.</summary>
    public float[][] Apply(float[][] rows, IReadOnlyList<int> seeds)
    {
        var output = new float[rows.Length][];
        for (int r = 0; r < rows.Length; r++)
        {
            var random = new Random(seeds[r]);
            var x = rows[r];
            if (random.NextDouble() < settings.ReverbProbability)
                x = RoomReverb.Apply(x, RoomReverb.ImpulseResponse(SignalLevel.Uniform(random, settings.MinRt60, settings.MaxRt60), sampleRate, random));
            if (random.NextDouble() < settings.BandLimitProbability) x = BandLimit.Telephone(x, sampleRate);
            if (random.NextDouble() < settings.TiltProbability) x = BandLimit.Tilt(x, sampleRate, SignalLevel.Uniform(random, -settings.MaxTiltDb, settings.MaxTiltDb));
            if (random.NextDouble() < settings.BabbleProbability && rows.Length > 1)
            {
                var talkers = Enumerable.Range(0, 3).Select(_ => rows[(r + 1 + random.Next(rows.Length - 1)) % rows.Length]).ToList();
                x = NoiseMixer.AddAtSnr(x, NoiseMixer.Babble(talkers, x.Length), SignalLevel.Uniform(random, 5, 25));
            }
            if (random.NextDouble() < settings.GainProbability) x = Gain.Apply(x, SignalLevel.Uniform(random, -settings.MaxGainDb, settings.MaxGainDb));
            output[r] = x == rows[r] ? (float[])x.Clone() : x;
        }
        return output;
    }
}
