using System.Diagnostics;
using SpokenDigits.Audio;
using SpokenDigits.Features;
using SpokenDigits.Inference;
using SpokenDigits.Models;

namespace SpokenDigits.Demo;

/// <summary>Answers recordings with every model of one loaded run (<see cref="Predictor.Explain"/>), one request at a
/// time: the models' forward passes are serialised so that concurrent uploads queue instead of competing for the cores.</summary>
/// <remarks>A run trained before endpointing existed feeds its models the centre-fitted recording, as it was trained;
/// the demo still runs the detector with the default settings so that silence is answered "no speech heard" and the
/// page can mark the word (<see cref="DemoAnswer.Detector"/> says which detector found it).</remarks>
public sealed class LiveInference : IDisposable
{
    readonly SemaphoreSlim _gate = new(1, 1);
    readonly bool _ownsPredictor;
    static readonly EndpointSettings DemoDetector = new();

    public LiveInference(Predictor predictor, bool ownsPredictor = false)
    {
        Predictor = predictor;
        _ownsPredictor = ownsPredictor;
    }

    /// <summary>Loads the run in <paramref name="runFolder"/>; disposing this disposes it.</summary>
    public static LiveInference Load(string runFolder) => new(Predictor.Load(runFolder), ownsPredictor: true);

    public Predictor Predictor { get; }

    /// <summary>Whether the run's own endpointing places the word (else the demo's detector only gates "no speech").</summary>
    public bool RunFindsTheWord => Predictor.Features.Endpoint.Enabled;

    public async Task<DemoAnswer> AnswerAsync(AudioClip clip, CancellationToken cancellation = default)
    {
        await _gate.WaitAsync(cancellation);
        try { return Answer(clip); }
        finally { _gate.Release(); }
    }

    DemoAnswer Answer(AudioClip clip)
    {
        var clock = Stopwatch.StartNew();
        var explained = Predictor.Explain(clip);
        var prediction = explained.Prediction;
        SpeechSpan? speech;
        bool noSpeech;
        if (RunFindsTheWord)
        {
            noSpeech = prediction.NoSpeech;
            speech = prediction.Speech is { NoSpeech: false, StartSeconds: { } s, EndSeconds: { } e } ? new SpeechSpan(s, e) : null;
        }
        else
        {
            var found = SpeechDetector.Detect(clip.Samples, clip.SampleRate, DemoDetector);
            noSpeech = found is null;
            speech = found is null ? null : new SpeechSpan(Math.Round(found.StartSeconds, 4), Math.Round(found.EndSeconds, 4));
        }
        var models = noSpeech ? [] : prediction.Models.Select(m => new ModelAnswer(m.ModelName, Title(m.ModelName), m.Digit, m.Probability,
            m.Top3, m.Probabilities, explained.BranchWeights.GetValueOrDefault(m.ModelName))).ToList();
        var features = Predictor.Features;
        var spectrogram = new SpectrogramImage(Rows(explained.LogMel), features.HopMs / 1000, features.TopHz);
        return new DemoAnswer(clip.Source, clip.SampleRate, Math.Round(clip.DurationSeconds, 4), noSpeech, speech,
            RunFindsTheWord ? "run" : "demo", models, WaveformEnvelope.Of(clip.Samples, clip.SampleRate), spectrogram,
            Math.Round(clock.Elapsed.TotalMilliseconds, 2));
    }

    /// <summary>What the page calls each model.</summary>
    public static string Title(string modelName) => modelName switch
    {
        nameof(RawOnlyModel) => "raw waveform",
        nameof(SpecOnlyModel) => "spectrogram",
        nameof(TwoStreamFusionModel) => "fused",
        _ => modelName,
    };

    static float[][] Rows(float[,] matrix) =>
        Enumerable.Range(0, matrix.GetLength(0))
            .Select(b => Enumerable.Range(0, matrix.GetLength(1)).Select(f => MathF.Round(matrix[b, f], 3)).ToArray()).ToArray();

    public void Dispose()
    {
        _gate.Dispose();
        if (_ownsPredictor) Predictor.Dispose();
    }
}
