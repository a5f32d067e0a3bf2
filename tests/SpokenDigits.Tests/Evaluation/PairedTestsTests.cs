using SpokenDigits.Training;
using SpokenDigits.Analysis;

namespace SpokenDigits.Tests.Evaluation;

public class PairedTestsTests
{
    /// <summary>Outcome vectors with the given numbers of (A right, B right) pairs.</summary>
    static (bool[] A, bool[] B) Table(int onlyA, int onlyB, int both, int neither)
    {
        var a = new List<bool>();
        var b = new List<bool>();
        void Add(int n, bool x, bool y) { for (int i = 0; i < n; i++) { a.Add(x); b.Add(y); } }
        Add(onlyA, true, false);
        Add(onlyB, false, true);
        Add(both, true, true);
        Add(neither, false, false);
        return (a.ToArray(), b.ToArray());
    }

    [Fact]
    public void McNemarOneAgainstNineIsTheHandComputedBinomialTail()
    {
        var (a, b) = Table(1, 9, 20, 5);
        var r = PairedTests.McNemarExact(a, b);
        Assert.Equal(1, r.OnlyA);
        Assert.Equal(9, r.OnlyB);
        Assert.Equal(20, r.BothRight);
        Assert.Equal(5, r.BothWrong);
        // 2 · (C(10,0) + C(10,1)) / 2^10 = 22/1024
        Assert.Equal(0.021484375, r.PValue, 12);
        Assert.True(r.Significant());
        Assert.False(r.Significant(0.01));
        Assert.Equal("significant (p = 0.021)", r.Describe());
        Assert.Equal(r.PValue, PairedTests.McNemarExact(b, a).PValue, 12);   // symmetric
    }

    [Fact]
    public void McNemarBalancedOrNoDiscordantPairsGivesOne()
    {
        var (a, b) = Table(3, 3, 10, 2);
        Assert.Equal(1.0, PairedTests.McNemarExact(a, b).PValue);
        var (c, d) = Table(0, 0, 7, 3);
        var none = PairedTests.McNemarExact(c, d);
        Assert.Equal(1.0, none.PValue);
        Assert.False(none.Significant());
        Assert.Equal("not significant (p = 1)", none.Describe());
        Assert.Equal(1.0, PairedTests.McNemarExact(Array.Empty<bool>(), Array.Empty<bool>()).PValue);
    }

    [Fact]
    public void McNemarMoreHandComputedCases()
    {
        Assert.Equal(0.5, PairedTests.McNemarPValue(0, 2), 12);        // 2 · 1/4
        Assert.Equal(2.0 / 32, PairedTests.McNemarPValue(5, 0), 12);   // 2 · 1/32
        Assert.Equal(0.375, PairedTests.McNemarPValue(4, 1), 12);      // 2 · (1 + 5)/32
        // Large tables stay finite and accurate: 900 vs 1100 of Bin(2000, ½); exact value from Python's integer
        // arithmetic, 2·Σ_{k≤900} C(2000, k) / 2^2000.
        double p = PairedTests.McNemarPValue(900, 1100);
        Assert.Equal(8.457089535503927e-06, p, 1e-15);
        Assert.Equal(1.0, PairedTests.McNemarPValue(1000, 1000));
    }

    [Fact]
    public void McNemarRejectsUnpairedOutcomes() =>
        Assert.Throws<ArgumentException>(() => PairedTests.McNemarExact(new[] { true }, new[] { true, false }));

    [Fact]
    public void BootstrapOfIdenticalVectorsIsExactlyZero()
    {
        var a = Enumerable.Range(0, 50).Select(i => i % 3 != 0).ToArray();
        var r = PairedTests.BootstrapAccuracyDifference(a, a, resamples: 500, seed: 1);
        Assert.Equal(0, r.Difference);
        Assert.Equal(0, r.Lower);
        Assert.Equal(0, r.Upper);
        Assert.False(r.Significant());
        Assert.Contains("not significant", r.Describe());
    }

    [Fact]
    public void BootstrapIntervalContainsTheTrueDifferenceAndIsDeterministic()
    {
        // A right on all 200, B right on 180: the true difference is exactly 10 points.
        var a = Enumerable.Repeat(true, 200).ToArray();
        var b = Enumerable.Range(0, 200).Select(i => i % 10 != 0).ToArray();
        var r = PairedTests.BootstrapAccuracyDifference(a, b, resamples: 2000, seed: 7);
        Assert.Equal(0.1, r.Difference, 12);
        Assert.InRange(0.1, r.Lower, r.Upper);
        Assert.InRange(r.MeanDifference, 0.09, 0.11);
        Assert.True(r.Lower > 0, $"lower bound {r.Lower}");   // 20 discordant pairs all one way
        Assert.True(r.Significant());
        Assert.Equal(r, PairedTests.BootstrapAccuracyDifference(a, b, resamples: 2000, seed: 7));
        Assert.NotEqual(r.Lower, PairedTests.BootstrapAccuracyDifference(a, b, resamples: 2000, seed: 8).Lower + 1);
        Assert.Equal(-r.Difference, PairedTests.BootstrapAccuracyDifference(b, a, resamples: 2000, seed: 7).Difference, 12);
    }

    [Fact]
    public void BootstrapSignificanceOnlyAnswersItsOwnLevel()
    {
        var r = PairedTests.BootstrapAccuracyDifference(new[] { true, false }, new[] { false, false }, resamples: 10, seed: 0);
        Assert.Throws<ArgumentException>(() => r.Significant(0.01));
    }

    [Fact]
    public void MeanStdIsTheSampleStandardDeviation()
    {
        var v = MeanStd.Of([0.9, 0.8, 1.0]);
        Assert.Equal(0.9, v.Mean, 12);
        Assert.Equal(0.1, v.Std, 12);
        Assert.Equal(3, v.Count);
        Assert.Equal(0, MeanStd.Of([0.5]).Std);
        Assert.True(double.IsNaN(MeanStd.Of([]).Mean));
    }

    [Fact]
    public void SeedSummaryAggregatesHandMadeRuns()
    {
        // Seed 1: raw 8/10, spec 6/10, fusion 9/10; seed 2: raw 6/10, spec 8/10, fusion 10/10.
        var runs = new[]
        {
            FakeRuns.Run(1, ("RawOnlyModel", 8), ("SpecOnlyModel", 6), ("TwoStreamFusionModel", 9)),
            FakeRuns.Run(2, ("RawOnlyModel", 6), ("SpecOnlyModel", 8), ("TwoStreamFusionModel", 10)),
        };
        var s = SeedSummary.From(runs, resamples: 200);
        Assert.Equal([1, 2], s.Seeds);
        var raw = s.Model("RawOnlyModel")!;
        Assert.Equal(0.7, raw.Accuracy.Mean, 12);
        Assert.Equal(Math.Sqrt(0.02), raw.Accuracy.Std, 12);
        Assert.Equal(2, raw.Runs);
        Assert.Equal(0.95, s.Model("TwoStreamFusionModel")!.Accuracy.Mean, 12);
        // Summed confusion: the fusion model got 19 of 20 right over both seeds.
        Assert.Equal(19, s.Model("TwoStreamFusionModel")!.SummedConfusion.Correct);
        Assert.Equal(20, s.Model("TwoStreamFusionModel")!.SummedConfusion.Total);

        var vsRaw = s.Comparisons.Single(c => c.ModelB == "RawOnlyModel");
        Assert.Equal(2, vsRaw.PerSeed.Count);
        Assert.Equal(1, vsRaw.PerSeed[0].McNemar.OnlyA);    // fusion right on recording 8, raw not
        Assert.Equal(0, vsRaw.PerSeed[0].McNemar.OnlyB);
        Assert.Equal(0.25, vsRaw.Pooled!.Difference, 12);   // (0.9 + 1.0)/2 − (0.8 + 0.6)/2
        Assert.Equal(10, vsRaw.Pooled.Count);
        Assert.NotNull(s.FusionGains);
        Assert.Equal(10, s.FusionGains!.Count);
        Assert.NotNull(s.PairChanges);
        Assert.All(s.PairChanges!, p => Assert.NotEqual(p.Truth, p.Predicted));
    }
}
