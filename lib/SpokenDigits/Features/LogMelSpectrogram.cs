using TorchSharp;
using static TorchSharp.torch;

namespace SpokenDigits.Features;

/// <summary>Batched log-mel spectrograms through <c>torch.stft</c>: (B, T) → (B, 1, F, T_spec).
/// The mel matrix and the window are built once per instance.</summary>
public sealed class LogMelSpectrogram : IDisposable
{
    const double LogFloor = 1e-10;
    /// <summary>80 dB in natural-log units: ln(10^8).</summary>
    const double DynamicRange = 18.420680743952367;
    // Held in static fields, so no finalizer can free them while libtorch reads them (see Training/ScalarSafeAdamW).
    static readonly TorchSharp.Scalar LogFloorScalar = LogFloor.ToScalar(), DynamicRangeScalar = DynamicRange.ToScalar();
    readonly FeatureSettings _settings;
    readonly Tensor _window;   // (win)
    readonly Tensor _melBasis; // (F, n_fft/2 + 1)

    public FeatureSettings Settings => _settings;

    public LogMelSpectrogram(FeatureSettings settings)
    {
        _settings = settings.Validated();
        _window = hann_window(settings.WindowSamples);
        _melBasis = tensor(MelFilterbank.Create(settings.SampleRate, settings.FftSize, settings.MelBands, settings.MinHz, settings.TopHz));
    }

    /// <summary>Log-mel energies of a batch of clips, before any normalisation.</summary>
    /// <param name="clips">(B, T) float32.</param>
    /// <returns>(B, 1, F, T_spec) with T_spec = 1 + T / hop.</returns>
    public Tensor Compute(Tensor clips)
    {
        if (clips.dim() != 2) throw new ArgumentException($"expected clips of shape (B, T), got ({string.Join(", ", clips.shape)})");
        using var scope = NewDisposeScope();
        var spectrum = stft(clips, _settings.FftSize, hop_length: _settings.HopSamples, win_length: _settings.WindowSamples,
            window: _window, center: true, return_complex: true);          // (B, n_fft/2+1, T_spec) complex
        var power = spectrum.abs().square();                              // (B, n_fft/2+1, T_spec)
        var mel = matmul(_melBasis, power);                               // (B, F, T_spec)
        var logMel = mel.clamp_min(LogFloorScalar).log();                      // (B, F, T_spec)
        // Like librosa's top_db: nothing lies more than DynamicRange below the loudest cell of
        // its clip, so zero padding and digital silence do not dominate the value range.
        var ceiling = logMel.amax(new long[] { 1, 2 }, keepdim: true);   // (B, 1, 1)
        logMel = maximum(logMel, ceiling - DynamicRangeScalar);
        return logMel.unsqueeze(1).MoveToOuterDisposeScope();             // (B, 1, F, T_spec)
    }

    public void Dispose()
    {
        _window.Dispose();
        _melBasis.Dispose();
    }
}
