namespace SpokenDigits.Features;

/// <summary>How a recording becomes its MFCC sequence (the course's earlier assignment): log-mel energies of
/// short frames, decorrelated by an orthonormal DCT-II, the first <see cref="Coefficients"/> kept. These settings
/// are part of an MFCC model's architecture and are saved with its run.</summary>
/// <param name="Coefficients">Cepstral coefficients kept per frame (c0 included).</param>
/// <param name="WindowMs">Frame length (Hann window): the assignment's 15 ms.</param>
/// <param name="HopMs">Hop between frames: the assignment's 10 ms.</param>
/// <param name="MelBands">Mel bands whose log energies the DCT decorrelates.</param>
/// <param name="FftSize">FFT size; the 15 ms window (120 samples at 8 kHz) is zero-padded to it.</param>
/// <param name="Deltas">Also append first and second time differences (Δ, ΔΔ), tripling the frame size.</param>
public sealed record MfccSettings(
    int Coefficients = 13,
    double WindowMs = 15,
    double HopMs = 10,
    int MelBands = 26,
    int FftSize = 256,
    bool Deltas = false)
{
    /// <summary>Values per frame: the coefficients, times three with deltas.</summary>
    public int FrameSize => Deltas ? 3 * Coefficients : Coefficients;

    /// <summary>The log-mel settings underneath, for audio at <paramref name="sampleRate"/> Hz.</summary>
    public FeatureSettings LogMel(int sampleRate) =>
        new(SampleRate: sampleRate, WindowMs: WindowMs, HopMs: HopMs, FftSize: FftSize, MelBands: MelBands);

    /// <summary>Frames of a clip of <paramref name="clipSamples"/> samples (centred STFT): 1 + T / hop.</summary>
    public int Frames(int clipSamples, int sampleRate) => 1 + clipSamples / LogMel(sampleRate).HopSamples;

    /// <summary>Throws <see cref="ArgumentException"/> naming the first inconsistent setting.</summary>
    public MfccSettings Validated()
    {
        if (Coefficients < 1 || Coefficients > MelBands)
            throw new ArgumentException($"{Coefficients} MFCCs need between 1 and {MelBands} (the mel bands)");
        return this;
    }

    public override string ToString() =>
        $"{Coefficients} MFCCs{(Deltas ? " + Δ + ΔΔ" : "")} of {MelBands} mel bands, {WindowMs} ms frames, {HopMs} ms hop";
}
