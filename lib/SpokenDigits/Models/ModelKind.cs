namespace SpokenDigits.Models;

/// <summary>The three models of the comparison.</summary>
public enum ModelKind { Raw, Spec, Fusion }

public static class ModelCatalog
{
    public static readonly IReadOnlyList<ModelKind> All = new[] { ModelKind.Raw, ModelKind.Spec, ModelKind.Fusion };

    /// <summary>A freshly initialised model of <paramref name="kind"/> with the architecture choices of
    /// <paramref name="settings"/> (defaults when null) for audio at <paramref name="sampleRate"/> Hz.</summary>
    public static DigitClassifier Create(ModelKind kind, ModelSettings? settings = null, int sampleRate = 8000, int classes = 10) => kind switch
    {
        ModelKind.Raw => new RawOnlyModel(classes, frontEnd: (settings ?? new ModelSettings()).RawFrontEnd, sampleRate: sampleRate),
        ModelKind.Spec => new SpecOnlyModel(classes),
        ModelKind.Fusion => new TwoStreamFusionModel(classes, settings: settings, sampleRate: sampleRate),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    public static string Name(ModelKind kind) => kind switch
    {
        ModelKind.Raw => ModelNames.Raw,
        ModelKind.Spec => ModelNames.Spec,
        ModelKind.Fusion => ModelNames.Fusion,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>Parses "raw", "spec", "fusion" (or the class names), case-insensitively.</summary>
    public static ModelKind Parse(string text) => text.Trim().ToLowerInvariant() switch
    {
        "raw" or "rawonly" or "rawonlymodel" => ModelKind.Raw,
        "spec" or "spectrogram" or "speconly" or "speconlymodel" => ModelKind.Spec,
        "fusion" or "twostream" or "twostreamfusionmodel" => ModelKind.Fusion,
        _ => throw new ArgumentException($"unknown model '{text}': use raw, spec or fusion"),
    };
}
