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

    /// <summary>A stand-in autoencoder: the code is the pair's mean, the error its squared difference.</summary>
    static (Tensor, Tensor) MeanAndSpread(Tensor pairs)   // (B, n, 2) → codes (B, n, 1), errors (B, n)
    {
        var a = pairs.narrow(2, 0, 1);
        var b = pairs.narrow(2, 1, 1);
        return ((a + b) / 2, (a - b).square().squeeze(2));
    }

    /// <summary>With the word's frames given, only they are reduced: the silence around a word changes nothing, and a
    /// shorter word in the same batch ends on its own vector.</summary>
    [Fact]
    public void GreedyPairingReducesOnlyTheWordsFrames()
    {
        using var sequence = tensor(new float[] { 100, 0, 10.25f, 30, -100, 5, 7, 9, 50, 60 }).reshape(2, 5, 1);   // (B = 2, L = 5, C = 1)
        using var speech = tensor(new[] { false, true, true, true, false, true, true, false, false, false }).reshape(2, 5);
        var masked = GreedyPairing.Reduce(sequence, MeanAndSpread, speech: speech);
        var first = GreedyPairing.Reduce(tensor(new float[] { 0, 10.25f, 30 }).reshape(1, 3, 1), MeanAndSpread);
        Assert.Equal(first.Vector[0, 0].item<float>(), masked.Vector[0, 0].item<float>(), 5);   // (0 + 10.25) / 2 then with 30
        Assert.Equal(6f, masked.Vector[1, 0].item<float>(), 5);                                 // (5 + 7) / 2, the silence left out
    }

    /// <summary>The word's frames of a clip: a tone burst in digital silence is found, the silence around it is not.</summary>
    [Fact]
    public void SpeechFramesAreTheFramesOfTheWord()
    {
        var samples = new float[8000];
        for (int i = 3000; i < 5000; i++) samples[i] = (float)(0.3 * Math.Sin(2 * Math.PI * 440 * i / 8000.0));
        using var front = new MfccFrontEnd(new MfccSettings(), 8000, 8000);
        using var speech = front.SpeechFrames(tensor(samples).unsqueeze(0));   // (1, frames), frame t centred on sample 80·t
        Assert.Equal(front.Frames, speech.shape[1]);
        var frames = speech[0].data<bool>().ToArray();
        // the tone covers samples 3000–4999, frames 38–62; a 15 ms window reaches 60 samples each side
        Assert.All(Enumerable.Range(39, 23), t => Assert.True(frames[t], $"frame {t} is inside the tone"));
        Assert.All(Enumerable.Range(0, 37).Concat(Enumerable.Range(64, front.Frames - 64)), t => Assert.False(frames[t], $"frame {t} is silence"));
    }

    /// <summary>Codes are the mean of the pair, the error its squared difference: the closest neighbours merge first.
    /// 0, 10, 10.5, 30, 31, 31.2: (31, 31.2) first (error 0.04), then (10, 10.5), then (30, 31.1), then (0, 10.25), then the last two.
    /// The reversed sequence merges the mirrored positions, in the same batch.</summary>
    [Fact]
    public void GreedyPairingMergesTheBestReconstructedPairFirst()
    {
        float[] values = { 0, 10, 10.5f, 30, 31, 31.2f };
        using var sequence = tensor(values.Concat(values.Reverse()).ToArray()).reshape(2, 6, 1);   // (B = 2, L = 6, C = 1)
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
        // method C's loss runs over a tree its own codes build, so it is not a fixed target: its first level, the
        // adjacent frame pairs, is
        Func<double> error = model is MfccGreedyPairingModel greedy
            ? () => greedy.AdjacentPairError(raw).item<float>()
            : () => autoencoder.ReconstructionLoss(raw).item<float>();
        double before = error();
        using var optimizer = optim.AdamW(autoencoder.AutoencoderParameters(), 2e-3);
        for (int step = 0; step < 30; step++)
        {
            using var scope = NewDisposeScope();
            optimizer.zero_grad();
            autoencoder.ReconstructionLoss(raw).backward();
            optimizer.step();
        }
        double after = error();
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
