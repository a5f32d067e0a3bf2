using SpokenDigits.Inference;

namespace SpokenDigits.Demo;

/// <summary>What <c>POST /api/predict</c> answers for one recording; the page draws everything from it.</summary>
/// <param name="Source">The upload's name (the file's, or "microphone").</param>
/// <param name="SampleRate">The recording's own rate.</param>
/// <param name="DurationSeconds">The recording's own length.</param>
/// <param name="NoSpeech">The detector found no word: <paramref name="Models"/> is empty.</param>
/// <param name="Speech">Where the word was found, seconds into the recording; null when none was.</param>
/// <param name="Detector">"run" when the run's own endpointing found it (the models saw that word centred), "demo" when
/// the run predates endpointing and only the demo looked for it (the models saw the centre-fitted recording).</param>
/// <param name="Models">Each model's answer, in the run's order.</param>
/// <param name="Waveform">The recording, for the page's plot.</param>
/// <param name="Spectrogram">The log-mel spectrogram the models saw.</param>
/// <param name="InferenceMilliseconds">Time from decoded recording to answer, on the server.</param>
public sealed record DemoAnswer(string Source, int SampleRate, double DurationSeconds, bool NoSpeech, SpeechSpan? Speech, string Detector,
    IReadOnlyList<ModelAnswer> Models, WaveformEnvelope Waveform, SpectrogramImage Spectrogram, double InferenceMilliseconds);

/// <summary>The word's bounds in seconds.</summary>
public sealed record SpeechSpan(double StartSeconds, double EndSeconds);

/// <summary>One model's answer.</summary>
/// <param name="Name">The model's class name.</param>
/// <param name="Title">What the page calls it ("raw waveform", …).</param>
/// <param name="BranchWeights">The fused model's branch weights (gated and attention fusion), else null.</param>
public sealed record ModelAnswer(string Name, string Title, int Digit, float Probability, IReadOnlyList<DigitProbability> Top3,
    float[] Probabilities, BranchWeights? BranchWeights);

/// <summary>A log-mel spectrogram as rows of mel bands (lowest first), one value per frame.</summary>
public sealed record SpectrogramImage(float[][] Bands, double HopSeconds, double TopHz);

/// <summary>Error body of a rejected request.</summary>
public sealed record DemoError(string Error);
