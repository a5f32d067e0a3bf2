using SpokenDigits.Models;

namespace SpokenDigits.Analysis.EarlierMethods;

/// <summary>The rows of the earlier-methods comparison in the course's order (hand-made features → learned
/// compression → CNN → attention → fusion): which group and model each comes from and how it is labelled.</summary>
public static class EarlierMethodRows
{
    public const string Baseline = "Baseline: average MFCC vector";
    public const string MethodA = "A: flattened MFCC sequence → autoencoder";
    public const string MethodB = "B: sequential compression";
    public const string MethodC = "C: greedy pairing";
    public const string Cnn = "Spectrogram CNN";
    public const string CnnCbam = "Spectrogram CNN + CBAM";
    public const string Raw = "Raw-waveform CNN";
    public const string Fusion = "Two-stream fusion (concat)";

    /// <summary>(label, group, model name), in order.</summary>
    public static readonly IReadOnlyList<(string Label, string Group, string Model)> All =
    [
        (Baseline, Runs.EarlierMethodsFolders.MfccGroup, ModelCatalog.Name(ModelKind.MfccAverage)),
        (MethodA, Runs.EarlierMethodsFolders.MfccGroup, ModelCatalog.Name(ModelKind.MfccFlatAutoencoder)),
        (MethodB, Runs.EarlierMethodsFolders.MfccGroup, ModelCatalog.Name(ModelKind.MfccSequentialAutoencoder)),
        (MethodC, Runs.EarlierMethodsFolders.MfccGroup, ModelCatalog.Name(ModelKind.MfccGreedyPairing)),
        (Cnn, Runs.EarlierMethodsFolders.StudyGroup, ModelCatalog.Name(ModelKind.Spec)),
        (CnnCbam, Runs.EarlierMethodsFolders.CbamGroup, ModelCatalog.Name(ModelKind.Spec)),
        (Raw, Runs.EarlierMethodsFolders.StudyGroup, ModelCatalog.Name(ModelKind.Raw)),
        (Fusion, Runs.EarlierMethodsFolders.StudyGroup, ModelCatalog.Name(ModelKind.Fusion)),
    ];
}
