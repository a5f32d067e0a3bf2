using System.Globalization;

namespace SpokenDigits.Analysis;

/// <summary>McNemar's exact test on paired correctness: two models scored on the same recordings.</summary>
/// <param name="OnlyA">b01: recordings model A got right and model B got wrong.</param>
/// <param name="OnlyB">b10: recordings model B got right and model A got wrong.</param>
/// <param name="BothRight">Recordings both got right (they carry no evidence either way).</param>
/// <param name="BothWrong">Recordings both got wrong.</param>
/// <param name="PValue">Exact two-sided p-value: min(1, 2·P[X ≤ min(b01, b10)]), X ~ Bin(b01 + b10, ½); 1 without discordant pairs.</param>
public sealed record McNemarResult(int OnlyA, int OnlyB, int BothRight, int BothWrong, double PValue)
{
    public int Discordant => OnlyA + OnlyB;
    public int Total => OnlyA + OnlyB + BothRight + BothWrong;

    public bool Significant(double alpha = 0.05) => PValue < alpha;

    /// <summary>"significant (p = 0.021)" or "not significant (p = 0.42)".</summary>
    public string Describe(double alpha = 0.05) =>
        $"{(Significant(alpha) ? "significant" : "not significant")} (p = {PairedTests.FormatP(PValue)})";
}

/// <summary>A paired bootstrap of the accuracy difference A − B (recordings resampled with replacement,
/// each keeping both models' outcomes).</summary>
/// <param name="Difference">The observed difference of the means, A − B (a share, 0.05 = 5 points).</param>
/// <param name="MeanDifference">Mean of the resampled differences.</param>
/// <param name="Lower">Lower percentile bound of the confidence interval.</param>
/// <param name="Upper">Upper percentile bound.</param>
public sealed record BootstrapResult(double Difference, double MeanDifference, double Lower, double Upper,
    double Confidence, int Resamples, int Seed, int Count)
{
    /// <summary>True when the interval at <paramref name="alpha"/> excludes 0. Only <c>alpha = 1 − Confidence</c>
    /// can be answered (the interval was computed at that level); other levels throw.</summary>
    public bool Significant(double alpha = 0.05)
    {
        if (Math.Abs(alpha - (1 - Confidence)) > 1e-9)
            throw new ArgumentException($"this interval was computed at {Confidence:P0} confidence; alpha {alpha} cannot be answered from it");
        return Lower > 0 || Upper < 0;
    }

    /// <summary>"+2.3 points, 95% CI [−0.5, +5.1]: not significant (the interval contains 0)".</summary>
    public string Describe() =>
        $"{PairedTests.Points(Difference)} points, {Confidence * 100:0.#}% CI [{PairedTests.Points(Lower)}, {PairedTests.Points(Upper)}]: " +
        (Lower > 0 || Upper < 0 ? "significant (the interval excludes 0)" : "not significant (the interval contains 0)");
}

/// <summary>Paired significance tests of two classifiers on the same test recordings.</summary>
public static class PairedTests
{
    /// <summary>McNemar's exact (binomial) test; <paramref name="aCorrect"/>[i] and <paramref name="bCorrect"/>[i]
    /// are the two models' outcomes on the same recording i.</summary>
    public static McNemarResult McNemarExact(IReadOnlyList<bool> aCorrect, IReadOnlyList<bool> bCorrect)
    {
        CheckPaired(aCorrect.Count, bCorrect.Count);
        int onlyA = 0, onlyB = 0, both = 0, neither = 0;
        for (int i = 0; i < aCorrect.Count; i++)
        {
            if (aCorrect[i] && bCorrect[i]) both++;
            else if (aCorrect[i]) onlyA++;
            else if (bCorrect[i]) onlyB++;
            else neither++;
        }
        return new McNemarResult(onlyA, onlyB, both, neither, McNemarPValue(onlyA, onlyB));
    }

    /// <summary>The exact two-sided p-value from the discordant counts alone.</summary>
    public static double McNemarPValue(int onlyA, int onlyB)
    {
        if (onlyA < 0 || onlyB < 0) throw new ArgumentOutOfRangeException(nameof(onlyA), "counts cannot be negative");
        int n = onlyA + onlyB;
        if (n == 0) return 1.0;
        return Math.Min(1.0, 2 * BinomialCdfHalf(Math.Min(onlyA, onlyB), n));
    }

    /// <summary>P[X ≤ k] for X ~ Bin(n, ½), summed in log space so large n neither overflows nor underflows.</summary>
    internal static double BinomialCdfHalf(int k, int n)
    {
        double logHalfN = n * Math.Log(0.5);
        double logC = 0;                        // log C(n, 0)
        double max = double.NegativeInfinity;
        var terms = new double[k + 1];
        for (int i = 0; i <= k; i++)
        {
            if (i > 0) logC += Math.Log(n - i + 1) - Math.Log(i);
            terms[i] = logC + logHalfN;
            max = Math.Max(max, terms[i]);
        }
        double sum = terms.Sum(t => Math.Exp(t - max));
        return Math.Min(1.0, Math.Exp(max) * sum);
    }

    /// <summary>Paired bootstrap of the accuracy difference A − B (see <see cref="BootstrapMeanDifference"/>).</summary>
    public static BootstrapResult BootstrapAccuracyDifference(IReadOnlyList<bool> aCorrect, IReadOnlyList<bool> bCorrect,
        int resamples = 10000, double confidence = 0.95, int seed = 0) =>
        BootstrapMeanDifference(aCorrect.Select(c => c ? 1.0 : 0.0).ToArray(), bCorrect.Select(c => c ? 1.0 : 0.0).ToArray(),
            resamples, confidence, seed);

    /// <summary>Paired percentile bootstrap of mean(a) − mean(b): each resample draws n recordings with replacement
    /// (<c>new Random(seed)</c>, so the result is deterministic in the seed) and keeps both scores of each.
    /// The scores may be fractions, e.g. the share of seeds that got a recording right.</summary>
    public static BootstrapResult BootstrapMeanDifference(IReadOnlyList<double> a, IReadOnlyList<double> b,
        int resamples = 10000, double confidence = 0.95, int seed = 0)
    {
        CheckPaired(a.Count, b.Count);
        if (a.Count == 0) throw new ArgumentException("no recordings to resample");
        if (resamples < 1) throw new ArgumentOutOfRangeException(nameof(resamples), "at least one resample is needed");
        if (!(confidence > 0 && confidence < 1)) throw new ArgumentOutOfRangeException(nameof(confidence), "confidence must be in (0, 1)");
        int n = a.Count;
        var d = new double[n];
        for (int i = 0; i < n; i++) d[i] = a[i] - b[i];
        double observed = d.Average();
        var random = new Random(seed);
        var diffs = new double[resamples];
        for (int r = 0; r < resamples; r++)
        {
            double sum = 0;
            for (int i = 0; i < n; i++) sum += d[random.Next(n)];
            diffs[r] = sum / n;
        }
        Array.Sort(diffs);
        double tail = (1 - confidence) / 2;
        return new BootstrapResult(observed, diffs.Average(), Quantile(diffs, tail), Quantile(diffs, 1 - tail),
            confidence, resamples, seed, n);
    }

    /// <summary>Linear-interpolated quantile of sorted values (type 7, as R's default and numpy's).</summary>
    internal static double Quantile(double[] sorted, double q)
    {
        double h = (sorted.Length - 1) * q;
        int lo = (int)Math.Floor(h);
        int hi = Math.Min(lo + 1, sorted.Length - 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }

    static void CheckPaired(int a, int b)
    {
        if (a != b) throw new ArgumentException($"paired tests need outcomes on the same recordings: {a} vs {b}");
    }

    /// <summary>A p-value for prose: 0.42, 0.021, 0.0042, 3.1e-05.</summary>
    public static string FormatP(double p)
    {
        if (p < 0.001) return p.ToString("0.0e+00", CultureInfo.InvariantCulture);
        string s = p.ToString(p < 0.01 ? "0.0000" : "0.000", CultureInfo.InvariantCulture);
        return s.Contains('.') ? s.TrimEnd('0').TrimEnd('.') : s;
    }

    /// <summary>A share as signed percentage points: 0.023 → "+2.3".</summary>
    public static string Points(double share) =>
        (100 * share).ToString("+0.0;−0.0;0.0", CultureInfo.InvariantCulture);
}
