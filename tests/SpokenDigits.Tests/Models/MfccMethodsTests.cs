using SpokenDigits.Data;
using SpokenDigits.Experiments;
using SpokenDigits.Features;
using SpokenDigits.Models;
using SpokenDigits.Models.MfccMethods;
using SpokenDigits.Training;
using static TorchSharp.torch;

namespace SpokenDigits.Tests.Models;

public class MfccMethodsTests
{
    [Theory]
    [InlineData(ModelKind.MfccAverage)]
    [InlineData(ModelKind.MfccFlatAutoencoder)]
    [InlineData(ModelKind.MfccSequentialAutoencoder)]
    [InlineData(ModelKind.MfccGreedyPairing)]
    public void EveryMfccMethodGivesLogitsPerClassFromTheWaveformAlone(ModelKind kind)
    {
        using var model = ModelCatalog.Create(kind);
        model.eval();
        Assert.False(model.ReadsSpectrograms);
        using var y = model.forward(randn(3, 8000), zeros(1));
        Assert.Equal(new long[] { 3, 10 }, y.shape);
        Assert.Equal(kind, ModelCatalog.Parse(ModelCatalog.Name(kind)));
        // deltas triple the frame size; method A's input grows with it
        using var withDeltas = ModelCatalog.Create(kind, new ModelSettings(Mfcc: new MfccSettings(Deltas: true)));
        withDeltas.eval();
        using var z = withDeltas.forward(randn(2, 8000), zeros(1));
        Assert.Equal(new long[] { 2, 10 }, z.shape);
    }

    /// <summary>Codes are the mean of the pair, the error its squared difference: the closest neighbours merge first.
    /// 0, 10, 10.5, 30, 31, 31.2: (31, 31.2) first (error 0.04), then (10, 10.5), then (30, 31.1), then (0, 10.25), then the last two.
    /// The reversed sequence merges the mirrored positions, in the same batch.</summary>
    [Fact]
    public void GreedyPairingMergesTheBestReconstructedPairFirst()
    {
        float[] values = { 0, 10, 10.5f, 30, 31, 31.2f };
        using var sequence = tensor(values.Concat(values.Reverse()).ToArray()).reshape(2, 6, 1);   // (B = 2, L = 6, C = 1)
        static (Tensor, Tensor) MeanAndSpread(Tensor pairs)   // (B, n, 2) → codes (B, n, 1), errors (B, n)
        {
            var a = pairs.narrow(2, 0, 1);
            var b = pairs.narrow(2, 1, 1);
            return ((a + b) / 2, (a - b).square().squeeze(2));
        }
        var result = GreedyPairing.Reduce(sequence, MeanAndSpread);
        Assert.Equal(new long[] { 4, 1, 2, 0, 0 }, result.MergedPositions.Select(p => p[0]));
        Assert.Equal(new long[] { 0, 2, 0, 1, 0 }, result.MergedPositions.Select(p => p[1]));
        Assert.Equal(new long[] { 2, 1 }, result.Vector.shape);
        Assert.Equal(17.8375f, result.Vector[0, 0].item<float>(), 4);   // ((0 + 10.25) / 2 + (30 + 31.1) / 2) / 2
        Assert.Equal(17.8375f, result.Vector[1, 0].item<float>(), 4);
    }

    [Theory]
    [InlineData(ModelKind.MfccFlatAutoencoder)]
    [InlineData(ModelKind.MfccSequentialAutoencoder)]
    [InlineData(ModelKind.MfccGreedyPairing)]
    public void EachAutoencoderReducesItsReconstructionErrorOnARealBatch(ModelKind kind)
    {
        var (raw, _) = RealBatch.Value;
        manual_seed(4);
        using var model = ModelCatalog.Create(kind);
        var autoencoder = (IAutoencoderModel)model;
        model.train();
        double before = autoencoder.ReconstructionLoss(raw).item<float>();
        using var optimizer = optim.AdamW(autoencoder.AutoencoderParameters(), 2e-3);
        for (int step = 0; step < 30; step++)
        {
            using var scope = NewDisposeScope();
            optimizer.zero_grad();
            autoencoder.ReconstructionLoss(raw).backward();
            optimizer.step();
        }
        double after = autoencoder.ReconstructionLoss(raw).item<float>();
        // the sequential chain re-encodes its own codes ~100 times, so 30 steps bring its error down less (measured 0.54 → 0.42)
        double factor = kind == ModelKind.MfccSequentialAutoencoder ? 0.85 : 0.75;
        Assert.True(after < factor * before, $"{kind}: reconstruction error {before:F4} → {after:F4}");
    }

    [Fact]
    public void AFrozenAutoencoderComputesItsCodesWithoutGradientsAndOnlyTheHeadLearns()
    {
        var (raw, labels) = RealBatch.Value;
        using var model = ModelCatalog.Create(ModelKind.MfccGreedyPairing);
        var autoencoder = (IAutoencoderModel)model;
        autoencoder.SetAutoencoderTrainable(false);
        Assert.All(autoencoder.AutoencoderParameters(), p => Assert.False(p.requires_grad));
        Assert.True(model.ParameterCount > 0 && model.ParameterCount < model.parameters().Sum(p => p.numel()));
        model.train();
        using var loss = nn.functional.cross_entropy(model.forward(raw, zeros(1)), labels);
        loss.backward();
        Assert.All(autoencoder.AutoencoderParameters(), p => Assert.Null(p.grad));
        autoencoder.SetAutoencoderTrainable(true);
        Assert.All(autoencoder.AutoencoderParameters(), p => Assert.True(p.requires_grad));
    }

    /// <summary>32 real FSDD training clips (takes 5 and 6 of every digit and speaker, official split), as the models get them.</summary>
    static readonly Lazy<(Tensor Raw, Tensor Labels)> RealBatch = new(() =>
    {
        var (_, split) = new Experiment(new ExperimentOptions(Subset: 7)).PrepareSplit();
        using var data = SplitDatasets.Build(split, new FeatureSettings());
        return (data.Train.Raw.narrow(0, 0, 32).clone(), data.Train.Labels.narrow(0, 0, 32).clone());
    });
}
