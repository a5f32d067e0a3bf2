using static TorchSharp.torch;

namespace SpokenDigits.Features;

/// <summary>Batched MFCC sequences through torch: the <see cref="LogMelSpectrogram"/> of short frames, then an
/// orthonormal DCT-II over the mel bands (<see cref="Dct"/>), optionally with Δ and ΔΔ:
/// (B, T) → (B, C, frames). The DCT matrix is built once per instance.</summary>
public sealed class Mfcc : IDisposable
{
    /// <summary>Frames on each side in the delta regression (HTK's Θ = 2).</summary>
    const int DeltaWidth = 2;
    readonly LogMelSpectrogram _logMel;
    readonly Tensor _dct;   // (C, F)

    public MfccSettings Settings { get; }

    public Mfcc(MfccSettings settings, int sampleRate)
    {
        Settings = settings.Validated();
        _logMel = new LogMelSpectrogram(settings.LogMel(sampleRate));
        _dct = tensor(Dct.TypeTwoOrthonormal(settings.Coefficients, settings.MelBands));
    }

    /// <param name="clips">(B, T) float32.</param>
    /// <returns>(B, C, frames), C = <see cref="MfccSettings.FrameSize"/>, frames = 1 + T / hop.</returns>
    public Tensor Compute(Tensor clips)
    {
        using var scope = NewDisposeScope();
        var logMel = _logMel.Compute(clips).squeeze(1);      // (B, F, frames)
        var cepstra = matmul(_dct, logMel);                   // (B, 13, frames)
        if (Settings.Deltas)
        {
            var delta = Delta(cepstra);                        // (B, 13, frames)
            cepstra = cat(new[] { cepstra, delta, Delta(delta) }, 1);   // (B, 39, frames)
        }
        return cepstra.MoveToOuterDisposeScope();
    }

    /// <summary>HTK delta regression over time, edges repeated: d_t = Σₙ n (c_{t+n} − c_{t−n}) / (2 Σₙ n²).</summary>
    /// <param name="x">(B, C, L).</param>
    public static Tensor Delta(Tensor x)
    {
        using var scope = NewDisposeScope();
        long length = x.shape[2];
        var padded = nn.functional.pad(x, new long[] { DeltaWidth, DeltaWidth }, TorchSharp.PaddingModes.Replicate);   // (B, C, L + 2Θ)
        var sum = zeros_like(x);
        double denominator = 0;
        for (int n = 1; n <= DeltaWidth; n++)
        {
            sum += n * (padded.narrow(2, DeltaWidth + n, length) - padded.narrow(2, DeltaWidth - n, length));
            denominator += 2.0 * n * n;
        }
        return (sum / denominator).MoveToOuterDisposeScope();
    }

    public void Dispose()
    {
        _logMel.Dispose();
        _dct.Dispose();
    }
}
