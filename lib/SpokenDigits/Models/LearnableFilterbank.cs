using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;
using static SpokenDigits.Features.MelFilterbank;

namespace SpokenDigits.Models;

/// <summary>A learnable time-domain filterbank (after Zeghidour et al. 2018, "learning filterbanks from
/// raw speech"; LEAF, 2021): (B, T) → (B, bands, frames) log energies. It is a convolution with
/// <c>2·bands</c> kernels, initialised as the real and imaginary parts of complex Gabor filters centred
/// on the mel scale, so at the start it computes something close to a log-mel spectrogram; training is
/// free to move every tap. Energy = re² + im², smoothed over two frames, log-compressed and
/// standardised per recording.</summary>
public sealed class LearnableFilterbank : Module<Tensor, Tensor>
{
    const double WindowSeconds = 0.025;
    const double StrideSeconds = 0.005;
    const double LogFloor = 1e-6;
    readonly Conv1d filters;
    readonly AvgPool1d smooth;

    public LearnableFilterbank(int bands, int sampleRate) : base(nameof(LearnableFilterbank))
    {
        int kernel = (int)Math.Round(WindowSeconds * sampleRate) | 1;   // odd, so the filter is centred
        int stride = (int)Math.Round(StrideSeconds * sampleRate);
        filters = Conv1d(1, 2 * bands, kernel, stride: stride, padding: kernel / 2, bias: false);
        smooth = AvgPool1d(2, stride: 2);
        using (no_grad())
        using (var gabor = tensor(GaborKernels(bands, kernel, sampleRate), new long[] { 2 * bands, 1, kernel }))
            filters.weight!.copy_(gabor);
        Bands = bands;
        RegisterComponents();
    }

    public int Bands { get; }

    public override Tensor forward(Tensor raw)
    {
        var x = filters.call(raw.unsqueeze(1));                       // (B, 2·bands, T/stride)
        var parts = x.unflatten(1, new long[] { Bands, 2 });           // (B, bands, 2, T/stride): (re, im) pairs
        var energy = parts.square().sum(2);                           // (B, bands, T/stride)
        energy = smooth.forward(energy);                               // (B, bands, T/(2·stride))
        var logEnergy = (energy + LogFloor).log();
        var mean = logEnergy.mean(new long[] { 1, 2 }, keepdim: true); // (B, 1, 1)
        var std = logEnergy.std(new long[] { 1, 2 }, keepdim: true).clamp_min(1e-3);
        return (logEnergy - mean) / std;                               // (B, bands, frames)
    }

    /// <summary>Real and imaginary Gabor kernels, interleaved (re₀, im₀, re₁, im₁, …), centred on
    /// frequencies spaced evenly on the spectrogram's mel scale (<see cref="Features.MelFilterbank.HzToMel"/>), each
    /// with a Gaussian window (peak 1) as wide as its mel band allows.</summary>
    internal static float[] GaborKernels(int bands, int kernel, int sampleRate)
    {
        double lowMel = HzToMel(60), highMel = HzToMel(sampleRate / 2.0 * 0.95);
        var weights = new float[2 * bands * kernel];
        int centre = kernel / 2;
        for (int b = 0; b < bands; b++)
        {
            double step = (highMel - lowMel) / (bands + 1);
            double f = MelToHz(lowMel + (b + 1) * step);
            double bandwidth = MelToHz(lowMel + (b + 2) * step) - MelToHz(lowMel + b * step);   // Hz, two mel steps
            double sigmaF = bandwidth / 2.355;                                         // FWHM → std
            double sigmaT = Math.Clamp(sampleRate / (2 * Math.PI * sigmaF), kernel / 12.0, kernel / 5.0);   // samples
            for (int n = 0; n < kernel; n++)
            {
                double t = n - centre;
                double window = Math.Exp(-0.5 * Math.Pow(t / sigmaT, 2));   // peak 1: taps of order one, so Adam's steps stay small beside them
                double phase = 2 * Math.PI * f * t / sampleRate;
                weights[(2 * b) * kernel + n] = (float)(window * Math.Cos(phase));
                weights[(2 * b + 1) * kernel + n] = (float)(window * Math.Sin(phase));
            }
        }
        return weights;
    }
}
