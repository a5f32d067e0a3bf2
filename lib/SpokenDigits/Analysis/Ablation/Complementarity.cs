using SpokenDigits.Runs;

namespace SpokenDigits.Analysis.Ablation;

/// <summary>One seed's test recordings sorted by which single-branch model got them right, and how many of each group a
/// fused model got right.</summary>
/// <param name="OnlyRaw">Recordings the raw-only model got right and the spectrogram-only model wrong.</param>
/// <param name="OnlyRawRight">Of those, how many the fused model got right.</param>
/// <param name="OnlySpec">Recordings only the spectrogram-only model got right.</param>
/// <param name="BothWrong">Recordings both single models got wrong.</param>
/// <param name="BothWrongRight">Of those, how many the fused model got right (recovered).</param>
public sealed record ComplementaritySeed(int Seed, int OnlyRaw, int OnlyRawRight, int OnlySpec, int OnlySpecRight, int BothWrong, int BothWrongRight)
{
    public int ExactlyOne => OnlyRaw + OnlySpec;
    public int ExactlyOneRight => OnlyRawRight + OnlySpecRight;
}

/// <summary>Does a fused model keep what only one branch knows, and recover what neither knows? Counts per seed, their
/// means over seeds, and shares of all such recordings over the seeds.</summary>
public sealed record Complementarity(string Name, IReadOnlyList<ComplementaritySeed> PerSeed)
{
    public double MeanExactlyOne => Mean(s => s.ExactlyOne);
    public double MeanExactlyOneRight => Mean(s => s.ExactlyOneRight);
    public double MeanOnlyRaw => Mean(s => s.OnlyRaw);
    public double MeanOnlyRawRight => Mean(s => s.OnlyRawRight);
    public double MeanOnlySpec => Mean(s => s.OnlySpec);
    public double MeanOnlySpecRight => Mean(s => s.OnlySpecRight);
    public double MeanBothWrong => Mean(s => s.BothWrong);
    public double MeanBothWrongRight => Mean(s => s.BothWrongRight);

    /// <summary>Share of the recordings exactly one single model got right that the fused model also got right (NaN without any).</summary>
    public double ExactlyOneShare => Share(s => s.ExactlyOneRight, s => s.ExactlyOne);
    public double OnlyRawShare => Share(s => s.OnlyRawRight, s => s.OnlyRaw);
    public double OnlySpecShare => Share(s => s.OnlySpecRight, s => s.OnlySpec);
    /// <summary>Share of the recordings both single models missed that the fused model got right.</summary>
    public double BothWrongShare => Share(s => s.BothWrongRight, s => s.BothWrong);

    double Mean(Func<ComplementaritySeed, int> f) => PerSeed.Count == 0 ? double.NaN : PerSeed.Average(f);

    double Share(Func<ComplementaritySeed, int> part, Func<ComplementaritySeed, int> whole)
    {
        int w = PerSeed.Sum(whole);
        return w == 0 ? double.NaN : (double)PerSeed.Sum(part) / w;
    }

    /// <summary>For every seed the fused model and both single models finished, its test recordings (paired by id) sorted
    /// by the two single models' outcomes.</summary>
    public static Complementarity Of(AblationContender fused, AblationContender raw, AblationContender spec)
    {
        var perSeed = new List<ComplementaritySeed>();
        foreach (var run in fused.Seeds)
        {
            if (raw.Seed(run.Seed) is not { } r || spec.Seed(run.Seed) is not { } s) continue;
            var rawRight = r.Model.Predictions.ToDictionary(p => p.RecordingId, p => p.IsCorrect, StringComparer.Ordinal);
            var specRight = s.Model.Predictions.ToDictionary(p => p.RecordingId, p => p.IsCorrect, StringComparer.Ordinal);
            int onlyRaw = 0, onlyRawRight = 0, onlySpec = 0, onlySpecRight = 0, both = 0, bothRight = 0;
            foreach (var p in run.Model.Predictions)
            {
                if (!rawRight.TryGetValue(p.RecordingId, out bool rc) || !specRight.TryGetValue(p.RecordingId, out bool sc)) continue;
                int right = p.IsCorrect ? 1 : 0;
                if (rc && !sc) { onlyRaw++; onlyRawRight += right; }
                else if (sc && !rc) { onlySpec++; onlySpecRight += right; }
                else if (!rc && !sc) { both++; bothRight += right; }
            }
            perSeed.Add(new ComplementaritySeed(run.Seed, onlyRaw, onlyRawRight, onlySpec, onlySpecRight, both, bothRight));
        }
        return new Complementarity(fused.Name, perSeed);
    }
}
