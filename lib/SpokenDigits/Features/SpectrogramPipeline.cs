using static TorchSharp.torch;

namespace SpokenDigits.Features;

/// <summary>Raw clips → normalised log-mel spectrograms: one <see cref="LogMelSpectrogram"/> and one
/// <see cref="FeatureNormaliser"/>, kept together so that features computed later (for augmented
/// training batches) are made exactly like the stored ones.</summary>
public sealed class SpectrogramPipeline : IDisposable
{
    public SpectrogramPipeline(LogMelSpectrogram spectrogram, FeatureNormaliser normaliser)
    {
        Spectrogram = spectrogram;
        Normaliser = normaliser;
    }

    public LogMelSpectrogram Spectrogram { get; }
    public FeatureNormaliser Normaliser { get; }

    /// <summary>(B, T) standardised clips → (B, 1, F, T_spec) normalised log-mel spectrograms.</summary>
    public Tensor Compute(Tensor clips)
    {
        using var logMel = Spectrogram.Compute(clips);
        var normalised = Normaliser.Apply(logMel);
        return ReferenceEquals(normalised, logMel) ? logMel.clone() : normalised;
    }

    public void Dispose()
    {
        Spectrogram.Dispose();
        Normaliser.Dispose();
    }
}
