namespace SpokenDigits.Benchmarking;

/// <summary>Percentiles of a set of timings, in milliseconds.</summary>
public sealed record Latency(double P50, double P95, double Mean, int Samples)
{
    public static Latency Of(IReadOnlyList<double> milliseconds)
    {
        if (milliseconds.Count == 0) throw new ArgumentException("no timings");
        var sorted = milliseconds.OrderBy(x => x).ToArray();
        return new Latency(Percentile(sorted, 0.50), Percentile(sorted, 0.95), sorted.Average(), sorted.Length);
    }

    /// <summary>Linear interpolation between closest ranks.</summary>
    public static double Percentile(double[] sorted, double q)
    {
        double position = q * (sorted.Length - 1);
        int lower = (int)Math.Floor(position);
        int upper = Math.Min(lower + 1, sorted.Length - 1);
        return sorted[lower] + (sorted[upper] - sorted[lower]) * (position - lower);
    }
}
