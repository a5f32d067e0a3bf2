using SpokenDigits.Models.MfccMethods;

namespace SpokenDigits.Models;

/// <summary>The three models of the comparison, and the course's four earlier MFCC methods.</summary>
public enum ModelKind { Raw, Spec, Fusion, MfccAverage, MfccFlatAutoencoder, MfccSequentialAutoencoder, MfccGreedyPairing }

public static class ModelCatalog
{
    /// <summary>The three models of the fusion study (what a run trains by default).</summary>
    public static readonly IReadOnlyList<ModelKind> All = new[] { ModelKind.Raw, ModelKind.Spec, ModelKind.Fusion };

    /// <summary>The earlier assignment's MFCC methods: baseline (average vector), A (flattened sequence → autoencoder),
    /// B (sequential compression), C (greedy pairing).</summary>
    public static readonly IReadOnlyList<ModelKind> MfccMethods = new[]
        { ModelKind.MfccAverage, ModelKind.MfccFlatAutoencoder, ModelKind.MfccSequentialAutoencoder, ModelKind.MfccGreedyPairing };

    /// <summary>A freshly initialised model of <paramref name="kind"/> with the architecture choices of
    /// <paramref name="settings"/> (defaults when null) for clips of <paramref name="clipSamples"/> samples at
    /// <paramref name="sampleRate"/> Hz (the clip length sizes method A's flattened input).</summary>
    public static DigitClassifier Create(ModelKind kind, ModelSettings? settings = null, int sampleRate = 8000, int classes = 10, int clipSamples = 8000)
    {
        settings ??= new ModelSettings();
        return kind switch
        {
            ModelKind.Raw => new RawOnlyModel(classes, frontEnd: settings.RawFrontEnd, sampleRate: sampleRate),
            ModelKind.Spec => new SpecOnlyModel(classes, attention: settings.SpecAttention),
            ModelKind.Fusion => new TwoStreamFusionModel(classes, settings: settings, sampleRate: sampleRate),
            ModelKind.MfccAverage => new MfccAverageModel(settings.MfccOrDefault, classes, sampleRate, clipSamples),
            ModelKind.MfccFlatAutoencoder => new MfccFlatAutoencoderModel(settings.MfccOrDefault, classes, sampleRate, clipSamples),
            ModelKind.MfccSequentialAutoencoder => new MfccSequentialAutoencoderModel(settings.MfccOrDefault, classes, sampleRate, clipSamples),
            ModelKind.MfccGreedyPairing => new MfccGreedyPairingModel(settings.MfccOrDefault, classes, sampleRate, clipSamples),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
        };
    }

    public static string Name(ModelKind kind) => kind switch
    {
        ModelKind.Raw => ModelNames.Raw,
        ModelKind.Spec => ModelNames.Spec,
        ModelKind.Fusion => ModelNames.Fusion,
        ModelKind.MfccAverage => nameof(MfccAverageModel),
        ModelKind.MfccFlatAutoencoder => nameof(MfccFlatAutoencoderModel),
        ModelKind.MfccSequentialAutoencoder => nameof(MfccSequentialAutoencoderModel),
        ModelKind.MfccGreedyPairing => nameof(MfccGreedyPairingModel),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>Parses "raw", "spec", "fusion", "mfcc-average", "mfcc-flat-ae", "mfcc-sequential-ae", "mfcc-greedy-ae"
    /// (also "baseline", "method-a/b/c" and the class names), case-insensitively.</summary>
    public static ModelKind Parse(string text) => text.Trim().ToLowerInvariant() switch
    {
        "raw" or "rawonly" or "rawonlymodel" => ModelKind.Raw,
        "spec" or "spectrogram" or "speconly" or "speconlymodel" => ModelKind.Spec,
        "fusion" or "twostream" or "twostreamfusionmodel" => ModelKind.Fusion,
        "mfcc-average" or "baseline" or "mfccaveragemodel" => ModelKind.MfccAverage,
        "mfcc-flat-ae" or "method-a" or "mfccflatautoencodermodel" => ModelKind.MfccFlatAutoencoder,
        "mfcc-sequential-ae" or "method-b" or "mfccsequentialautoencodermodel" => ModelKind.MfccSequentialAutoencoder,
        "mfcc-greedy-ae" or "method-c" or "mfccgreedypairingmodel" => ModelKind.MfccGreedyPairing,
        _ => throw new ArgumentException($"unknown model '{text}': use raw, spec, fusion, mfcc-average, mfcc-flat-ae, mfcc-sequential-ae or mfcc-greedy-ae"),
    };
}
