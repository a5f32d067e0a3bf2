namespace SpokenDigits.Analysis.Robustness;

/// <summary>An accuracy with its 95 % confidence interval and how that interval was made.</summary>
/// <param name="Accuracy">Correct share (one run) or the mean of the runs' shares.</param>
/// <param name="Lower">Lower bound, clamped to [0, 1].</param>
/// <param name="Upper">Upper bound, clamped to [0, 1].</param>
/// <param name="Runs">How many runs (model seeds) it summarises.</param>
/// <param name="Method">"Wilson" (one run: recordings are the sample) or "t over seeds" (several runs: seeds are the sample).</param>
public sealed record AccuracyEstimate(double Accuracy, double Lower, double Upper, int Runs, string Method);

/// <summary>Confidence intervals of accuracies at 95 %.</summary>
public static class Intervals
{
    const double Z = 1.959963984540054;

    // two-sided 95 % quantiles of Student's t, degrees of freedom 1..30
    static readonly double[] T975 =
    [
        12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228,
        2.201, 2.179, 2.160, 2.145, 2.131, 2.120, 2.110, 2.101, 2.093, 2.086,
        2.080, 2.074, 2.069, 2.064, 2.060, 2.056, 2.052, 2.048, 2.045, 2.042,
    ];

    /// <summary>The 97.5 % quantile of Student's t with <paramref name="degrees"/> degrees of freedom (the normal's beyond 30).</summary>
    public static double StudentT975(int degrees)
    {
        if (degrees < 1) throw new ArgumentOutOfRangeException(nameof(degrees), "at least one degree of freedom");
        return degrees <= T975.Length ? T975[degrees - 1] : Z;
    }

    /// <summary>Wilson's score interval of <paramref name="correct"/> out of <paramref name="total"/>: good near 0 and 1
    /// (where accuracies live here), never outside [0, 1].</summary>
    public static AccuracyEstimate Wilson(int correct, int total)
    {
        if (total <= 0 || correct < 0 || correct > total) throw new ArgumentException($"Wilson interval of {correct} out of {total}");
        double p = (double)correct / total, z2 = Z * Z;
        double centre = (p + z2 / (2 * total)) / (1 + z2 / total);
        double half = Z * Math.Sqrt(p * (1 - p) / total + z2 / (4.0 * total * total)) / (1 + z2 / total);
        return new AccuracyEstimate(p, Math.Max(0, centre - half), Math.Min(1, centre + half), 1, "Wilson");
    }

    /// <summary>Mean ± t·s/√n of several runs' accuracies (seeds as the sample), clamped to [0, 1]; one value gives
    /// a zero-width interval.</summary>
    public static AccuracyEstimate OverSeeds(IReadOnlyList<double> accuracies)
    {
        if (accuracies.Count == 0) throw new ArgumentException("no accuracies to summarise");
        var spread = MeanStd.Of(accuracies);
        double half = accuracies.Count < 2 ? 0 : StudentT975(accuracies.Count - 1) * spread.Std / Math.Sqrt(accuracies.Count);
        return new AccuracyEstimate(spread.Mean, Math.Max(0, spread.Mean - half), Math.Min(1, spread.Mean + half), accuracies.Count, "t over seeds");
    }
}
