using SpokenDigits.Audio;
using SpokenDigits.Evaluation;
using SpokenDigits.Models;
using static TorchSharp.torch;
using static TorchSharp.torch.nn.functional;

namespace SpokenDigits.Inference;

public sealed partial class Predictor
{
    /// <summary>Predicts one clip as <see cref="Predict(AudioClip)"/> does, in one pass that also keeps the log-mel
    /// spectrogram the models saw and each fused model's branch weights (for the live demo page).</summary>
    public ExplainedPrediction Explain(AudioClip clip)
    {
        ArgumentNullException.ThrowIfNull(clip);
        var (prepared, speech) = Prepare(new[] { clip });
        using var noGrad = no_grad();
        using var scope = NewDisposeScope();
        var raw = tensor(prepared, new long[] { 1, prepared.Length });                        // (1, T)
        var logMel = _pipeline.Spectrogram.Compute(raw);                                     // (1, 1, F, T_spec)
        var spectrograms = _pipeline.Compute(raw);                                           // (1, 1, F, T_spec), normalised
        var models = new List<ModelPrediction>();
        var weights = new Dictionary<string, BranchWeights>();
        if (!speech[0].NoSpeech)
            foreach (var model in Run.Models)
            {
                model.Module.eval();
                Tensor logits;
                if (model.Module is TwoStreamFusionModel fused)
                {
                    var outputs = fused.Forward(raw, spectrograms);
                    logits = outputs.Logits;                                                 // (1, classes)
                    if (outputs.BranchWeights is { } w)                                      // (1, 2) = (raw, spec)
                    {
                        var pair = w.data<float>().ToArray();
                        weights[model.Name] = new BranchWeights(pair[0], pair[1]);
                    }
                }
                else logits = model.Module.forward(raw, spectrograms);                       // (1, classes)
                models.Add(ModelPrediction.From(model.Name, softmax(logits, 1).data<float>().ToArray()));
            }
        var prediction = new FilePrediction(clip.Source, clip.SampleRate, clip.DurationSeconds, models, SpeechBounds.Of(speech[0]));
        return new ExplainedPrediction(prediction, Matrix(logMel), weights);
    }

    /// <summary>(1, 1, F, T) → [F, T].</summary>
    static float[,] Matrix(Tensor logMel)
    {
        int bands = (int)logMel.shape[2], frames = (int)logMel.shape[3];
        var flat = logMel.data<float>().ToArray();
        var result = new float[bands, frames];
        for (int b = 0; b < bands; b++)
            for (int f = 0; f < frames; f++) result[b, f] = flat[b * frames + f];
        return result;
    }
}
