using static TorchSharp.torch;

namespace SpokenDigits.Features;

/// <summary>Standardises log-mel spectrograms (B, 1, F, T_spec) in place of a copy.
/// Silent input never produces NaN: standard deviations are floored.</summary>
public sealed class FeatureNormaliser : IDisposable
{
    const double MinStd = 1e-3;
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

    public Tensor Apply(Tensor logMel)
    {
        if (_mean is not null && _std is not null) return (logMel - _mean) / _std;
        using var scope = NewDisposeScope();
        var mean = logMel.mean(new long[] { 1, 2, 3 }, keepdim: true);                 // (B, 1, 1, 1)
        var std = logMel.std(new long[] { 1, 2, 3 }, keepdim: true).clamp_min(MinStd); // (B, 1, 1, 1)
        return ((logMel - mean) / std).MoveToOuterDisposeScope();
    }

    public void Dispose()
    {
        _mean?.Dispose();
        _std?.Dispose();
    }
}
