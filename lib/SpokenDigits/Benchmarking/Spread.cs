namespace SpokenDigits.Benchmarking;

/// <summary>The median of repeated trials with their range: a figure with its own error bar.</summary>
/// <param name="Median">Median over the trials.</param>
/// <param name="Min">Lowest trial.</param>
/// <param name="Max">Highest trial.</param>
/// <param name="Trials">Number of trials.</param>
public sealed record Spread(double Median, double Min, double Max, int Trials)
{
    /// <summary>(max − min) / median: 0.05 means the trials lie within 5 % of each other.</summary>
    public double Relative => Median == 0 ? 0 : (Max - Min) / Median;

    public static Spread Of(IReadOnlyCollection<double> values)
    {
        if (values.Count == 0) throw new ArgumentException("no trials");
        var sorted = values.OrderBy(v => v).ToArray();
        return new Spread(Latency.Percentile(sorted, 0.5), sorted[0], sorted[^1], sorted.Length);
    }

    /// <summary>e.g. "512 (497–530, 5 trials)".</summary>
    public string Format(string number = "F0") =>
        $"{Median.ToString(number, System.Globalization.CultureInfo.InvariantCulture)} " +
        $"({Min.ToString(number, System.Globalization.CultureInfo.InvariantCulture)}–{Max.ToString(number, System.Globalization.CultureInfo.InvariantCulture)}, {Trials} trials)";
}
