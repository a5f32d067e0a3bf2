namespace SpokenDigits.Models;

/// <summary>The three models' names, the one place they are written: the class names that runs, results and tables
/// carry, and the plain words prose uses for them.</summary>
public static class ModelNames
{
    public const string Raw = nameof(RawOnlyModel);
    public const string Spec = nameof(SpecOnlyModel);
    public const string Fusion = nameof(TwoStreamFusionModel);

    /// <summary>Plain words for a model in prose ("the raw-waveform model"); any other name (a variant label) as it is.</summary>
    public static string Short(string modelName) => modelName switch
    {
        Raw => "raw-waveform",
        Spec => "spectrogram",
        Fusion => "fusion",
        _ => modelName,
    };
}
