using System.Text.Json.Serialization;

namespace SpokenDigits.Features;

/// <summary>How a recording becomes the two model inputs. These settings travel with a run's results
/// and weights: a model can only be fed features made with the settings it was trained on.</summary>
/// <param name="SampleRate">Every recording is resampled to this rate (Hz).</param>
/// <param name="ClipSeconds">Fixed length T = SampleRate · ClipSeconds by centre pad/crop.</param>
/// <param name="WindowMs">STFT window length (Hann), in milliseconds.</param>
/// <param name="HopMs">STFT hop, in milliseconds.</param>
/// <param name="FftSize">FFT size (≥ the window length in samples; the window is zero-padded).</param>
/// <param name="MelBands">Number of mel bands F.</param>
/// <param name="MinHz">Lowest mel filter edge.</param>
/// <param name="MaxHz">Highest mel filter edge; null means the Nyquist frequency.</param>
/// <param name="Normalisation">How log-mel values are standardised.</param>
/// <remarks><see cref="Endpoint"/> (how the word is found before it is placed in the window) is on by default;
/// a settings file saved before endpointing existed has no <c>endpoint</c> and is read with
/// <see cref="EndpointSettings.Off"/>, so an old run's models keep getting the centre-fitted clips they were trained on.</remarks>
public sealed record FeatureSettings(
    int SampleRate = 8000,
    double ClipSeconds = 1.0,
    double WindowMs = 25,
    double HopMs = 10,
    int FftSize = 256,
    int MelBands = 64,
    double MinHz = 20,
    double? MaxHz = null,
    SpectrogramNormalisation Normalisation = SpectrogramNormalisation.PerUtterance) : IJsonOnDeserializing
{
    EndpointSettings _endpoint = new();

    /// <summary>The speech-activity detector's parameters (<see cref="SpeechDetector"/>).</summary>
    public EndpointSettings Endpoint { get => _endpoint; init => _endpoint = value ?? EndpointSettings.Off; }

    /// <summary>Before a saved file is read: a file without <c>endpoint</c> predates endpointing.</summary>
    void IJsonOnDeserializing.OnDeserializing() => _endpoint = EndpointSettings.Off;

    public int ClipSamples => (int)Math.Round(SampleRate * ClipSeconds);
    public int WindowSamples => (int)Math.Round(SampleRate * WindowMs / 1000);
    public int HopSamples => (int)Math.Round(SampleRate * HopMs / 1000);
    public double TopHz => MaxHz ?? SampleRate / 2.0;
    /// <summary>Frames of a centred STFT over <see cref="ClipSamples"/>: 1 + T / hop.</summary>
    public int Frames => 1 + ClipSamples / HopSamples;

    /// <summary>One line for people: "8000 Hz, 1 s clips (8000 samples); log-mel 64 bands over 20–4000 Hz, ...". Endpointing has a
    /// line of its own (<see cref="EndpointSettings.Describe"/>).</summary>
    public string Describe() => FormattableString.Invariant(
        $"{SampleRate} Hz, {ClipSeconds} s clips ({ClipSamples} samples); log-mel {MelBands} bands over {MinHz}–{TopHz} Hz{(MaxHz is null ? " (Nyquist)" : "")}, ") +
        FormattableString.Invariant($"{WindowMs} ms Hann window, {HopMs} ms hop, FFT {FftSize}; ") +
        (Normalisation == SpectrogramNormalisation.PerUtterance ? "each spectrogram standardised on its own" : "each mel band standardised with training-set statistics");

    public override string ToString() => Describe() + "; endpointing " + Endpoint.Describe();

    /// <summary>Throws <see cref="ArgumentException"/> naming the first inconsistent setting.</summary>
    public FeatureSettings Validated()
    {
        if (SampleRate < 1000) throw new ArgumentException($"sample rate {SampleRate} Hz is too low");
        if (ClipSamples < FftSize) throw new ArgumentException($"clip of {ClipSamples} samples is shorter than the FFT size {FftSize}");
        if (WindowSamples > FftSize) throw new ArgumentException($"window of {WindowSamples} samples exceeds the FFT size {FftSize}");
        if (HopSamples < 1) throw new ArgumentException("hop must be at least one sample");
        if (MelBands < 1 || MinHz < 0 || TopHz <= MinHz || TopHz > SampleRate / 2.0)
            throw new ArgumentException($"mel range {MinHz}–{TopHz} Hz with {MelBands} bands does not fit a {SampleRate} Hz signal");
        Endpoint.Validated();
        return this;
    }
}

/// <summary>How log-mel spectrograms are standardised.</summary>
public enum SpectrogramNormalisation
{
    /// <summary>Each spectrogram to zero mean and unit variance on its own.</summary>
    PerUtterance,
    /// <summary>Each mel band with the mean and standard deviation of the training recordings.</summary>
    DatasetStatistics,
}
