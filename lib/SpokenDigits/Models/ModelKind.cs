namespace SpokenDigits.Models;

/// <summary>The three models of the comparison.</summary>
public enum ModelKind { Raw, Spec, Fusion }

public static class ModelCatalog
{
    public static readonly IReadOnlyList<ModelKind> All = new[] { ModelKind.Raw, ModelKind.Spec, ModelKind.Fusion };

    public static DigitClassifier Create(ModelKind kind, int classes = 10) => kind switch
    {
        ModelKind.Raw => new RawOnlyModel(classes),
        ModelKind.Spec => new SpecOnlyModel(classes),
        ModelKind.Fusion => new TwoStreamFusionModel(classes),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    public static string Name(ModelKind kind) => kind switch
    {
        ModelKind.Raw => nameof(RawOnlyModel),
        ModelKind.Spec => nameof(SpecOnlyModel),
        ModelKind.Fusion => nameof(TwoStreamFusionModel),
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
