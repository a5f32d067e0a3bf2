using SpokenDigits.Features;

namespace SpokenDigits.Tests.Features;

public class ClipShaperTests
{
    [Fact]
    public void LongClipsAreCroppedAroundTheirCentre()
    {
        var samples = Enumerable.Range(0, 10).Select(i => (float)i).ToArray();
        var fitted = new float[4];
        ClipShaper.CentreFit(samples, fitted);
        Assert.Equal(new float[] { 3, 4, 5, 6 }, fitted);
    }

    [Fact]
    public void ShortClipsArePaddedEquallyOnBothSides()
    {
        var fitted = new float[6];
        ClipShaper.CentreFit(new float[] { 1, 2 }, fitted);
        Assert.Equal(new float[] { 0, 0, 1, 2, 0, 0 }, fitted);
    }

    [Fact]
    public void StandardiseGivesUnitRmsAndLeavesSilenceSilent()
    {
        var clip = Enumerable.Range(0, 1000).Select(i => 0.1f * MathF.Sin(i * 0.3f) + 0.05f).ToArray();
        ClipShaper.Standardise(clip);
        Assert.InRange(Math.Sqrt(clip.Average(x => (double)x * x)), 0.999, 1.001);
        var silence = new float[1000];
        ClipShaper.Standardise(silence);
        Assert.All(silence, x => Assert.Equal(0f, x));
    }
}
