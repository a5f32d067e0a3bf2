namespace SpokenDigits.Demo;

/// <summary>A recording shrunk for plotting: the lowest and highest sample of each of at most <see cref="MaxPoints"/>
/// equal stretches, so a 30 s recording is a few kilobytes of JSON and still shows every burst.</summary>
/// <param name="SecondsPerPoint">Length of each stretch.</param>
public sealed record WaveformEnvelope(double SecondsPerPoint, float[] Min, float[] Max)
{
    public const int MaxPoints = 1200;

    public static WaveformEnvelope Of(ReadOnlySpan<float> samples, int sampleRate)
    {
        int points = Math.Max(1, Math.Min(MaxPoints, samples.Length));
        int per = Math.Max(1, (int)Math.Ceiling((double)samples.Length / points));
        points = samples.Length == 0 ? 0 : (samples.Length + per - 1) / per;
        var min = new float[points];
        var max = new float[points];
        for (int p = 0; p < points; p++)
        {
            var stretch = samples.Slice(p * per, Math.Min(per, samples.Length - p * per));
            float lo = float.MaxValue, hi = float.MinValue;
            foreach (var s in stretch) { lo = Math.Min(lo, s); hi = Math.Max(hi, s); }
            min[p] = lo;
            max[p] = hi;
        }
        return new WaveformEnvelope((double)per / sampleRate, min, max);
    }
}
