using SpokenDigits.Runtime;
using SpokenDigits.Audio;
using SpokenDigits.Data;
using SpokenDigits.Evaluation;
using SpokenDigits.Features;
using static TorchSharp.torch;
using static TorchSharp.torch.nn.functional;

namespace SpokenDigits.Inference;

/// <summary>A digit and how probable a model finds it.</summary>
public sealed record DigitProbability(int Digit, float Probability);

/// <summary>One model's answer for one recording.</summary>
/// <param name="ModelName">The model that answered.</param>
/// <param name="Digit">The predicted digit (highest probability).</param>
/// <param name="Probability">Its probability.</param>
/// <param name="Top3">The three most probable digits, most probable first.</param>
/// <param name="Probabilities">All ten class probabilities, indexed by digit.</param>
public sealed record ModelPrediction(string ModelName, int Digit, float Probability, IReadOnlyList<DigitProbability> Top3, float[] Probabilities)
{
    public static ModelPrediction From(string modelName, float[] probabilities)
    {
        var ranked = probabilities.Select((p, d) => new DigitProbability(d, p))
            .OrderByDescending(x => x.Probability).ThenBy(x => x.Digit).ToList();
        return new ModelPrediction(modelName, ranked[0].Digit, ranked[0].Probability, ranked.Take(3).ToList(), probabilities);
    }

    public override string ToString() =>
        FormattableString.Invariant($"{ModelName}: {Digit} ({Probability:P1}); top-3 {string.Join(", ", Top3.Select(t => $"{t.Digit} {t.Probability:P1}"))}");
}

/// <summary>Every model's answer for one recording.</summary>
/// <param name="Source">The file (or clip source) the recording came from.</param>
/// <param name="SampleRate">The recording's own sample rate (it was resampled to the run's rate).</param>
/// <param name="DurationSeconds">The recording's own duration (it was centre fitted to the run's clip length).</param>
/// <param name="Models">One answer per model of the run, in training order; empty when <see cref="NoSpeech"/>.</param>
/// <param name="Speech">Where the word was found (seconds), or "no speech"; null when the run has endpointing off.</param>
public sealed record FilePrediction(string Source, int SampleRate, double DurationSeconds, IReadOnlyList<ModelPrediction> Models,
    SpeechBounds? Speech = null)
{
    /// <summary>The detector found no word in the recording: no model is asked, the answer is "no speech".</summary>
    public bool NoSpeech => Speech?.NoSpeech == true;

    public ModelPrediction this[string modelName] =>
        Models.FirstOrDefault(m => m.ModelName == modelName) ?? throw new KeyNotFoundException($"no prediction of model '{modelName}'");

    /// <summary>Whether every model predicts the same digit.</summary>
    public bool Unanimous => Models.Select(m => m.Digit).Distinct().Count() == 1;
}

/// <summary>Predicts spoken digits with every model of a trained run, feeding each recording through
/// the training pipeline: WavReader → resample to the run's rate → find the word, place it in the middle of the
/// window, standardise (<see cref="ClipLoader.Prepare"/>) → the run's <see cref="SpectrogramPipeline"/> (its log-mel
/// settings and normaliser, <see cref="TrainedRun.CreatePipeline"/>), the same two steps as the training features.</summary>
/// <example><code>
/// using var predictor = Predictor.Load("results/official-20250101-120000");
/// var answer = predictor.PredictFile("my-seven.wav");
/// </code></example>
public sealed partial class Predictor : IDisposable
{
    readonly bool _ownsRun;
    readonly SpectrogramPipeline _pipeline;

    /// <summary>A predictor over an already loaded run (the caller keeps ownership of <paramref name="run"/>).</summary>
    public Predictor(TrainedRun run) : this(run, ownsRun: false) { }

    Predictor(TrainedRun run, bool ownsRun)
    {
        Run = run;
        _ownsRun = ownsRun;
        _pipeline = run.CreatePipeline();
    }

    /// <summary>Loads the run in <paramref name="runFolder"/> (see <see cref="TrainedRun.Load"/>); disposing the predictor disposes it.</summary>
    public static Predictor Load(string runFolder) => new(TrainedRun.Load(runFolder), ownsRun: true);

    public TrainedRun Run { get; }
    public FeatureSettings Features => Run.Features;
    public IReadOnlyList<string> ModelNames => Run.Models.Select(m => m.Name).ToList();

    /// <summary>Reads and predicts one WAV file (any rate, channel count and length WavReader accepts).</summary>
    /// <exception cref="WavFormatException">The file cannot be read; the message names it.</exception>
    public FilePrediction PredictFile(string wavPath) => Predict(WavReader.Read(wavPath));

    /// <summary>Predicts one decoded clip.</summary>
    public FilePrediction Predict(AudioClip clip) => Predict(new[] { clip })[0];

    /// <summary>Predicts several clips in one batch.</summary>
    public IReadOnlyList<FilePrediction> Predict(IReadOnlyList<AudioClip> clips)
    {
        ArgumentNullException.ThrowIfNull(clips);
        if (clips.Count == 0) return Array.Empty<FilePrediction>();
        var (prepared, speech) = Prepare(clips);
        var probabilities = Probabilities(prepared, clips.Count);
        return clips.Select((c, i) => new FilePrediction(c.Source, c.SampleRate, c.DurationSeconds,
            speech[i].NoSpeech ? Array.Empty<ModelPrediction>()
                : Run.Models.Select((m, k) => ModelPrediction.From(m.Name, probabilities[k][i])).ToList(),
            SpeechBounds.Of(speech[i]))).ToList();
    }

    /// <summary>The log-mel spectrogram (before normalisation) the models see for <paramref name="clip"/>,
    /// indexed <c>[mel band, frame]</c>, for <see cref="Charts.SpectrogramChart"/>.</summary>
    public float[,] LogMel(AudioClip clip)
    {
        var (prepared, _) = Prepare(new[] { clip });
        using var scope = NewDisposeScope();
        return Matrix(_pipeline.Spectrogram.Compute(tensor(prepared, new long[] { 1, prepared.Length })));   // (1, 1, F, T_spec)
    }

    /// <summary>Class probabilities <c>[model][clip][digit]</c> of <paramref name="count"/> prepared clips
    /// (standardised, <see cref="FeatureSettings.ClipSamples"/> each, back to back).</summary>
    /// <remarks>Stops between batches when <paramref name="cancellation"/> (default: the running notebook cell's, see
    /// <see cref="AmbientCancellation"/>) is cancelled.</remarks>
    public float[][][] Probabilities(float[] prepared, int count, int batchSize = 256, CancellationToken cancellation = default)
    {
        cancellation = AmbientCancellation.Or(cancellation);
        int t = Features.ClipSamples;
        if (prepared.Length != (long)count * t) throw new ArgumentException($"expected {count} × {t} samples, got {prepared.Length}");
        var result = Run.Models.Select(_ => new float[count][]).ToArray();
        using var noGrad = no_grad();
        for (int start = 0; start < count; start += batchSize)
        {
            cancellation.ThrowIfCancellationRequested();
            int n = Math.Min(batchSize, count - start);
            using var scope = NewDisposeScope();
            var (raw, spectrograms) = Inputs(prepared.AsSpan(start * t, n * t), n);               // (B, T), (B, 1, F, T_spec)
            for (int k = 0; k < Run.Models.Count; k++)
            {
                var model = Run.Models[k].Module;
                model.eval();
                var p = softmax(model.forward(raw, spectrograms), 1);                             // (B, classes)
                var flat = p.data<float>().ToArray();
                int classes = (int)p.shape[1];
                for (int i = 0; i < n; i++) result[k][start + i] = flat.AsSpan(i * classes, classes).ToArray();
            }
        }
        return result;
    }

    /// <summary>The two inputs every model of the run is fed for <paramref name="clips"/>: (B, T) prepared clips and
    /// (B, 1, F, T_spec) normalised log-mel spectrograms, made exactly like the training features (the caller disposes both).</summary>
    public (Tensor Raw, Tensor Spectrograms) Inputs(IReadOnlyList<AudioClip> clips)
    {
        ArgumentNullException.ThrowIfNull(clips);
        return Inputs(Prepare(clips).Clips, clips.Count);
    }

    (Tensor Raw, Tensor Spectrograms) Inputs(ReadOnlySpan<float> prepared, int count)
    {
        var raw = tensor(prepared.ToArray(), new long[] { count, Features.ClipSamples });    // (B, T)
        return (raw, _pipeline.Compute(raw));                                                 // (B, 1, F, T_spec)
    }

    /// <summary>The clips resampled, their words found and placed, standardised as for training, back to back;
    /// with the speech each one holds.</summary>
    (float[] Clips, DetectedSpeech[] Speech) Prepare(IReadOnlyList<AudioClip> clips)
    {
        int t = Features.ClipSamples;
        var buffer = new float[(long)clips.Count * t];
        var speech = new DetectedSpeech[clips.Count];
        for (int i = 0; i < clips.Count; i++)
        {
            if (clips[i].SampleRate <= 0) throw new ArgumentException($"{clips[i].Source}: sample rate {clips[i].SampleRate} Hz");
            speech[i] = ClipLoader.Prepare(clips[i], Features, buffer.AsSpan(i * t, t));
        }
        return (buffer, speech);
    }

    public void Dispose()
    {
        _pipeline.Dispose();
        if (_ownsRun) Run.Dispose();
    }
}
