using System.Text.Json.Serialization;
using SpokenDigits.Models;
using SpokenDigits.Data;
using SpokenDigits.Evaluation;
using SpokenDigits.Features;
using SpokenDigits.Training;

namespace SpokenDigits.Runs;

/// <summary>How many recordings each part of the split holds (the ids are in split.json); <paramref name="ExtraTrain"/> of
/// the training recordings came from <paramref name="ExtraTrainFolder"/> (<see cref="ExtraTrainingRecordings"/>).</summary>
public sealed record SplitSummary(string Protocol, int Seed, int Train, int Validation, int Test,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] int ExtraTrain = 0,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] string? ExtraTrainFolder = null)
{
    public static SplitSummary Of(DatasetSplit s, int extraTrain = 0, string? extraTrainFolder = null) =>
        new(s.Protocol, s.Seed, s.Train.Count, s.Validation.Count, s.Test.Count, extraTrain,
            extraTrainFolder is null ? null : System.IO.Path.GetFullPath(extraTrainFolder));
}

/// <summary>One run of the comparison: provenance, every setting, the split, and each model's result.</summary>
public sealed record RunResults(
    RunInfo Info,
    string DataFolder,
    FeatureSettings Features,
    TrainingSettings Training,
    SplitSummary Split,
    IReadOnlyList<BadRecording> Skipped,
    IReadOnlyList<ModelResult> Models,
    ModelSettings? Architecture = null)
{
    /// <summary>The architecture the models were built with; runs saved before it was recorded used
    /// <see cref="ModelSettings.Original"/>.</summary>
    [JsonIgnore] public ModelSettings ArchitectureOrOriginal => Architecture ?? ModelSettings.Original;

    public ModelResult? Model(string name) => Models.FirstOrDefault(m => m.ModelName == name);
}
