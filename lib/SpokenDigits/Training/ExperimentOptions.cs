using SpokenDigits.Data;
using SpokenDigits.Features;
using SpokenDigits.Models;

namespace SpokenDigits.Training;

/// <summary>Everything that defines one run of the comparison.</summary>
/// <param name="DataFolder">Folder of recordings; null means found by <see cref="DataLocator"/>.</param>
/// <param name="Subset">Keep only this many recordings per (digit, speaker) before splitting (quick runs); null keeps all.</param>
/// <param name="SplitSeed">Seed of the split alone; null means <see cref="TrainingSettings.Seed"/> seeds the split too.
/// Set it to vary the model seed (initialisation, dropout, batch order) over one fixed split.</param>
/// <param name="Architecture">Raw front-end and fusion layer; null means <see cref="ModelSettings"/>' defaults.</param>
/// <param name="ExtraTrainingData">A folder of further recordings (FSDD layout, new speakers, e.g. synthetic voices) added to
/// the training part only, after the split (<see cref="ExtraTrainingRecordings"/>); null adds none.</param>
public sealed record ExperimentOptions(
    string? DataFolder = null,
    DatasetLayout Layout = DatasetLayout.Auto,
    SplitProtocol? Split = null,
    FeatureSettings? Features = null,
    TrainingSettings? Training = null,
    IReadOnlyList<ModelKind>? Models = null,
    bool SkipBad = false,
    int? Subset = null,
    int? SplitSeed = null,
    ModelSettings? Architecture = null,
    string? ExtraTrainingData = null)
{
    public ModelSettings ArchitectureOrDefault => Architecture ?? new ModelSettings();
    public SplitProtocol SplitOrDefault => Split ?? SplitProtocol.Official;
    public FeatureSettings FeaturesOrDefault => Features ?? new FeatureSettings();
    public TrainingSettings TrainingOrDefault => Training ?? new TrainingSettings();
    public IReadOnlyList<ModelKind> ModelsOrDefault => Models ?? ModelCatalog.All;
    public int SplitSeedOrDefault => SplitSeed ?? TrainingOrDefault.Seed;
}
