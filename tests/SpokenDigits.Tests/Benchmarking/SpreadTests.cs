using SpokenDigits.Benchmarking;

namespace SpokenDigits.Tests.Benchmarking;

public class SpreadTests
{
    [Fact]
    public void MedianAndRangeOfTrials()
    {
        var s = Spread.Of(new[] { 110.0, 90, 100, 105, 95 });
        Assert.Equal(100, s.Median);
        Assert.Equal(90, s.Min);
        Assert.Equal(110, s.Max);
        Assert.Equal(0.2, s.Relative, 10);
        Assert.Equal("100 (90–110, 5 trials)", s.Format());
    }

    [Fact]
    public void EvenTrialCountsInterpolate() => Assert.Equal(2.5, Spread.Of(new[] { 4.0, 1, 2, 3 }).Median);

    [Fact]
    public void NoTrialsIsAnError() => Assert.Throws<ArgumentException>(() => Spread.Of(Array.Empty<double>()));
}
