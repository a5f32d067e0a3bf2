using TorchSharp;
using static TorchSharp.torch;

namespace SpokenDigits.Features;

/// <summary>Standardises log-mel spectrograms (B, 1, F, T_spec) in place of a copy.
/// Silent input never produces NaN: standard deviations are floored.</summary>
public sealed class FeatureNormaliser : IDisposable
{
    const double MinStd = 1e-3;
    // Held in a static field, so no finalizer can free it while libtorch reads it (see Training/ScalarSafeAdamW).
    static readonly TorchSharp.Scalar MinStdScalar = MinStd.ToScalar();
    readonly Tensor? _mean; // (1, 1, F, 1) for dataset statistics
    readonly Tensor? _std;

    FeatureNormaliser(Tensor? mean, Tensor? std) { _mean = mean; _std = std; }

    /// <summary>Per-utterance standardisation: every spectrogram on its own.</summary>
    public static FeatureNormaliser PerUtterance() => new(null, null);

    /// <summary>Per-band statistics of the training spectrograms (B, 1, F, T_spec).</summary>
    public static FeatureNormaliser FitDatasetStatistics(Tensor trainLogMel)
    {
        var mean = trainLogMel.mean(new long[] { 0, 3 }, keepdim: true);                  // (1, 1, F, 1)
        var std = trainLogMel.std(new long[] { 0, 3 }, keepdim: true).clamp_min(MinStd); // (1, 1, F, 1)
        return new FeatureNormaliser(mean, std);
    }

    public bool UsesDatasetStatistics => _mean is not null;

    /// <summary>The per-band mean and standard deviation (dataset statistics), null for per-utterance.
    /// Saved with a run so that a trained model can be fed exactly the features it was trained on.</summary>
    public NormaliserStatistics? Statistics
    {
        get
        {
            if (_mean is null || _std is null) return null;
            using var mean = _mean.flatten();
            using var std = _std.flatten();
            return new NormaliserStatistics(mean.data<float>().ToArray(), std.data<float>().ToArray());
        }
    }

    /// <summary>A dataset-statistics normaliser from saved per-band statistics.</summary>
    public static FeatureNormaliser FromStatistics(NormaliserStatistics statistics)
    {
        if (statistics.Mean.Length == 0 || statistics.Mean.Length != statistics.Std.Length)
            throw new ArgumentException($"normaliser statistics need one mean and one std per mel band (got {statistics.Mean.Length} and {statistics.Std.Length})");
        long bands = statistics.Mean.Length;
        return new FeatureNormaliser(tensor(statistics.Mean).reshape(1, 1, bands, 1),
            tensor(statistics.Std).reshape(1, 1, bands, 1).clamp_min(MinStd));
    }

    public Tensor Apply(Tensor logMel)
    {
        if (_mean is not null && _std is not null) return (logMel - _mean) / _std;
        using var scope = NewDisposeScope();
        var mean = logMel.mean(new long[] { 1, 2, 3 }, keepdim: true);                 // (B, 1, 1, 1)
        var std = logMel.std(new long[] { 1, 2, 3 }, keepdim: true).clamp_min(MinStdScalar); // (B, 1, 1, 1)
        return ((logMel - mean) / std).MoveToOuterDisposeScope();
    }

    public void Dispose()
    {
        _mean?.Dispose();
        _std?.Dispose();
    }
}

/// <summary>Per-mel-band mean and standard deviation of the training log-mel spectrograms.</summary>
public sealed record NormaliserStatistics(float[] Mean, float[] Std);
