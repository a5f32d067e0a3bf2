using System.Security.Cryptography;
using SpokenDigits.Features;
using SpokenDigits.Models;
using SpokenDigits.Models.Fusion;
using static TorchSharp.torch;

namespace SpokenDigits.Tests.Models;

public class FusionLayerTests
{
    [Fact]
    public void ConcatPutsTheEmbeddingsSideBySideWithoutWeights()
    {
        using var layer = FusionLayer.Create(FusionKind.Concat, 4);
        using var raw = ones(2, 4);
        using var spec = zeros(2, 4);
        var (fused, weights) = layer.Fuse(raw, spec);
        Assert.Equal(new long[] { 2, 8 }, fused.shape);
        Assert.Equal(new float[] { 1, 1, 1, 1, 0, 0, 0, 0 }, fused[0].data<float>().ToArray());
        Assert.Null(weights);
    }

    [Theory]
    [InlineData(FusionKind.Gated)]
    [InlineData(FusionKind.Attention)]
    public void WeightedFusionsGiveOneWeightPerBranchSummingToOne(FusionKind kind)
    {
        manual_seed(1);
        using var layer = FusionLayer.Create(kind, 16);
        var (fused, weights) = layer.Fuse(randn(5, 16), randn(5, 16));
        Assert.Equal(new long[] { 5, 16 }, fused.shape);
        Assert.Equal(new long[] { 5, 2 }, weights!.shape);
        var sums = weights.sum(1).data<float>().ToArray();
        Assert.All(sums, s => Assert.Equal(1f, s, 5));
        Assert.All(weights.data<float>().ToArray(), w => Assert.InRange(w, 0f, 1f));
    }

    [Fact]
    public void AttentionFusedVectorIsTheWeightedSumOfTheProjections()
    {
        // With identical embeddings on both sides and identical projections, the fused vector equals either projection.
        manual_seed(2);
        using var layer = (AttentionFusion)FusionLayer.Create(FusionKind.Attention, 8);
        var parameters = layer.named_parameters().ToDictionary(p => p.name, p => p.parameter);
        using (no_grad())
        {
            parameters["specProjection.weight"].copy_(parameters["rawProjection.weight"]);
            parameters["specProjection.bias"].copy_(parameters["rawProjection.bias"]);
        }
        using var e = randn(3, 8);
        var (fused, weights) = layer.Fuse(e, e);
        using var expected = nn.functional.linear(e, parameters["rawProjection.weight"], parameters["rawProjection.bias"]).tanh();
        Assert.True(fused.allclose(expected, rtol: 1e-5, atol: 1e-6));
        Assert.All(weights!.data<float>().ToArray(), w => Assert.Equal(0.5f, w, 5));
    }

    [Fact]
    public void GatedFusionWithTheGateForcedOpenPassesOnlyTheRawProjection()
    {
        manual_seed(3);
        using var layer = FusionLayer.Create(FusionKind.Gated, 6);
        var parameters = layer.named_parameters().ToDictionary(p => p.name, p => p.parameter);
        using (no_grad())
        {
            parameters["gate.weight"].zero_();
            parameters["gate.bias"].fill_(50);   // σ(50) = 1: the gate lets the raw side through entirely
        }
        using var raw = randn(4, 6);
        var (fused, weights) = layer.Fuse(raw, randn(4, 6));
        using var expected = nn.functional.linear(raw, parameters["rawProjection.weight"], parameters["rawProjection.bias"]).tanh();
        Assert.True(fused.allclose(expected, rtol: 1e-5, atol: 1e-6));
        Assert.All(weights!.select(1, 0).data<float>().ToArray(), w => Assert.Equal(1f, w, 5));
    }

    [Theory]
    [InlineData(FusionKind.Concat)]
    [InlineData(FusionKind.Gated)]
    [InlineData(FusionKind.Attention)]
    public void FusionModelForwardGivesLogitsAuxiliaryLogitsAndWeights(FusionKind kind)
    {
        manual_seed(4);
        using var model = new TwoStreamFusionModel(settings: new ModelSettings(Fusion: kind));
        model.eval();
        var outputs = model.Forward(randn(3, 8000), randn(3, 1, 64, 101), auxiliary: true);
        Assert.Equal(new long[] { 3, 10 }, outputs.Logits.shape);
        Assert.Equal(new long[] { 3, 10 }, outputs.RawLogits!.shape);
        Assert.Equal(new long[] { 3, 10 }, outputs.SpecLogits!.shape);
        Assert.Equal(kind == FusionKind.Concat, outputs.BranchWeights is null);
    }

    [Fact]
    public void ZeroingABranchMakesTheFusedOutputIndependentOfItsInput()
    {
        manual_seed(5);
        using var model = new TwoStreamFusionModel(settings: new ModelSettings(Fusion: FusionKind.Gated));
        model.eval();
        using var spec = randn(2, 1, 64, 101);
        using var keep = ones(2, 1);
        using var drop = zeros(2, 1);
        var a = model.Forward(randn(2, 8000), spec, keepRaw: drop, keepSpec: keep).Logits;
        var b = model.Forward(randn(2, 8000), spec, keepRaw: drop, keepSpec: keep).Logits;
        Assert.True(a.allclose(b));
        var c = model.Forward(randn(2, 8000), spec).Logits;
        Assert.False(a.allclose(c));
    }

    [Fact]
    public void FilterbankStartsAsMelSpacedGaborFilters()
    {
        // Each complex filter's strongest DFT bin sits at its centre frequency, and centres rise with the band index.
        int bands = 8, kernel = 201, rate = 8000;
        var k = LearnableFilterbank.GaborKernels(bands, kernel, rate);
        double previous = 0;
        for (int b = 0; b < bands; b++)
        {
            double bestHz = 0, bestPower = -1;
            for (int hz = 0; hz <= rate / 2; hz += 10)
            {
                double re = 0, im = 0;
                for (int n = 0; n < kernel; n++)
                {
                    double phase = 2 * Math.PI * hz * (n - kernel / 2) / rate;
                    re += k[2 * b * kernel + n] * Math.Cos(phase) + k[(2 * b + 1) * kernel + n] * Math.Sin(phase);
                    im += k[(2 * b + 1) * kernel + n] * Math.Cos(phase) - k[2 * b * kernel + n] * Math.Sin(phase);
                }
                double power = re * re + im * im;
                if (power > bestPower) (bestPower, bestHz) = (power, hz);
            }
            Assert.True(bestHz > previous, $"band {b} peaks at {bestHz} Hz, not above {previous} Hz");
            previous = bestHz;
        }
        Assert.InRange(previous, 2500, 4000);
    }

    [Fact]
    public void FilterbankCentresLieOnTheFeaturesMelScale()
    {
        // The carrier of band b turns by 2π·f/rate per sample: its phase one tap after the centre gives f, which must be
        // the (b+1)-th of bands+2 mel-equidistant points from 60 Hz to 95 % of Nyquist on Features' mel scale.
        int bands = 16, kernel = 201, rate = 8000, centre = kernel / 2;
        var k = LearnableFilterbank.GaborKernels(bands, kernel, rate);
        double low = MelFilterbank.HzToMel(60), high = MelFilterbank.HzToMel(rate / 2.0 * 0.95);
        for (int b = 0; b < bands; b++)
        {
            double re = k[2 * b * kernel + centre + 1], im = k[(2 * b + 1) * kernel + centre + 1];
            double hz = Math.Atan2(im, re) * rate / (2 * Math.PI);
            double expected = MelFilterbank.MelToHz(low + (b + 1) * (high - low) / (bands + 1));
            Assert.True(Math.Abs(hz - expected) < 0.01, $"band {b}: carrier at {hz:F3} Hz, mel scale puts it at {expected:F3} Hz");
        }
    }

    [Fact]
    public void FilterbankInitialWeightsAreBitForBitThoseOfTheCommittedRuns()
    {
        // The raw model's filterbank (64 bands, 25 ms at 8 kHz) as the committed results were trained from: a changed
        // formula or order of operations would change every retrained number.
        var k = LearnableFilterbank.GaborKernels(64, 201, 8000);
        var bytes = new byte[k.Length * sizeof(float)];
        Buffer.BlockCopy(k, 0, bytes, 0, bytes.Length);
        Assert.Equal("AA7163DA2EDFDFD813EB54E7D84713CABADAC65BFFCFD8B86D4BBDE7898C1DB6", Convert.ToHexString(SHA256.HashData(bytes)));
    }
}
