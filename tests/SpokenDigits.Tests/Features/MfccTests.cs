using SpokenDigits.Features;
using static TorchSharp.torch;

namespace SpokenDigits.Tests.Features;

public class MfccTests
{
    [Fact]
    public void TheDctIsOrthonormal()
    {
        var d = Dct.TypeTwoOrthonormal(26, 26);
        for (int i = 0; i < 26; i++)
            for (int j = 0; j < 26; j++)
            {
                double dot = Enumerable.Range(0, 26).Sum(n => (double)d[i, n] * d[j, n]);
                Assert.Equal(i == j ? 1.0 : 0.0, dot, 5);
            }
        Assert.Equal(1 / Math.Sqrt(26), d[0, 7], 6);                                     // c0 is the scaled mean
        Assert.Equal(Math.Sqrt(2.0 / 26) * Math.Cos(Math.PI * 3 * 11 / 52.0), d[3, 5], 6); // s_k cos(πk(2n+1)/2N)
        Assert.Throws<ArgumentException>(() => Dct.TypeTwoOrthonormal(27, 26));
    }

    [Fact]
    public void ShapesAreBatchCoefficientsFrames()
    {
        var settings = new MfccSettings();
        using var mfcc = new Mfcc(settings, 8000);
        using var clips = randn(3, 8000);
        using var c = mfcc.Compute(clips);
        Assert.Equal(new long[] { 3, 13, 101 }, c.shape);   // 15 ms frames every 10 ms: 1 + 8000 / 80
        Assert.Equal(101, settings.Frames(8000, 8000));
        using var withDeltas = new Mfcc(settings with { Deltas = true }, 8000);
        using var d = withDeltas.Compute(clips);
        Assert.Equal(new long[] { 3, 39, 101 }, d.shape);
        Assert.Equal(39, (settings with { Deltas = true }).FrameSize);
        Assert.Equal(c, d.narrow(1, 0, 13));   // the static coefficients come first, unchanged
    }

    [Fact]
    public void DeltaOfARampIsItsSlopeAwayFromTheEdges()
    {
        using var ramp = (arange(20, dtype: ScalarType.Float32) * 0.5f).reshape(1, 1, 20);
        using var delta = Mfcc.Delta(ramp);
        Assert.True(delta[0, 0].narrow(0, 2, 16).sub(0.5f).abs().max().item<float>() < 1e-5);
        Assert.True(delta[0, 0, 0].item<float>() < 0.5f);   // edges repeated: the slope is underestimated there
    }

    /// <summary>White noise has a flat spectrum, and Slaney-normalised mel filters have unit area, so every band gets the
    /// same energy: the mean log-mel vector is flat and its DCT is c0 = √F · level with every other coefficient near 0.
    /// Brown noise falls 6 dB per octave: energy in the low bands, so c1 (a cosine that is positive over the low bands) is large and positive.</summary>
    [Fact]
    public void TheAverageMfccVectorOfNoiseHasTheKnownShape()
    {
        using var mfcc = new Mfcc(new MfccSettings(), 8000);
        using var white = tensor(SyntheticSignals.Noise(16000, 0.1, SyntheticSignals.Colour.White, seed: 3)).unsqueeze(0);
        var average = Average(mfcc, white);
        Assert.True(average[0] < -10, $"c0 {average[0]:F2}: the level of quiet noise is below 0 in log units");
        for (int k = 1; k < 13; k++)
            Assert.True(Math.Abs(average[k]) < 0.05 * Math.Abs(average[0]), $"white noise c{k} = {average[k]:F3} (c0 {average[0]:F2}) is not near 0");

        using var brown = tensor(SyntheticSignals.Noise(16000, 0.1, SyntheticSignals.Colour.Brown, seed: 3)).unsqueeze(0);
        var tilted = Average(mfcc, brown);
        Assert.True(tilted[1] > 5 && tilted[1] > 10 * Math.Abs(average[1]), $"brown noise c1 = {tilted[1]:F2}");
    }

    static float[] Average(Mfcc mfcc, Tensor clip)
    {
        using var c = mfcc.Compute(clip);            // (1, 13, frames)
        using var mean = c[0].narrow(1, 5, c.shape[2] - 10).mean(new long[] { 1 });   // frames away from the clip's padded ends
        return mean.data<float>().ToArray();
    }
}
