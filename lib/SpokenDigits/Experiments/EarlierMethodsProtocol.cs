using SpokenDigits.Models;
using SpokenDigits.Runs;
using SpokenDigits.Training;

namespace SpokenDigits.Experiments;

/// <summary>The course's earlier methods on the fusion study's split and settings, over several model seeds: the four
/// MFCC methods (<c>&lt;root&gt;/mfcc/seed-N</c>) and the spectrogram CNN with CBAM (<c>&lt;root&gt;/cbam/seed-N</c>), each
/// group a <see cref="MultiSeedProtocol"/> (finished seeds are read back). The CNN without attention, the raw model and
/// the fused model come from the fusion study's report folder when it holds the same seeds
/// (<see cref="EarlierMethodsFolders.StudyGroup"/>), otherwise they are trained too, into <c>&lt;root&gt;/study/seed-N</c>.</summary>
public sealed class EarlierMethodsProtocol
{
    readonly ExperimentOptions _options;
    readonly IReadOnlyList<int> _seeds;
    readonly TrainingProgress _progress;

    public EarlierMethodsProtocol(ExperimentOptions options, IReadOnlyList<int> seeds, TrainingProgress? progress = null)
    {
        _options = options;
        _seeds = seeds;
        _progress = progress ?? TrainingProgress.Silent;
    }

    /// <summary>The groups' options: same data, split, features and training settings; only the models and the attention differ.</summary>
    public IReadOnlyList<(string Group, ExperimentOptions Options)> Groups(bool trainStudy) =>
    [
        (EarlierMethodsFolders.MfccGroup, _options with { Models = ModelCatalog.MfccMethods }),
        (EarlierMethodsFolders.CbamGroup, _options with
        {
            Models = [ModelKind.Spec],
            Architecture = _options.ArchitectureOrDefault with { SpecAttention = SpecAttention.Cbam },
        }),
        .. trainStudy ? [(EarlierMethodsFolders.StudyGroup, _options with { Models = ModelCatalog.All })] : Array.Empty<(string, ExperimentOptions)>(),
    ];

    /// <summary>Trains (or reads back) every group's seeds under <paramref name="folders"/>.</summary>
    public void Run(string command, EarlierMethodsFolders folders, CancellationToken cancellation = default)
    {
        bool trainStudy = !folders.StudyHasSeeds(_seeds);
        if (!trainStudy) _progress.Line($"The CNN without attention, the raw and the fused model: read from {folders.Study.Path}");
        foreach (var (group, options) in Groups(trainStudy))
        {
            _progress.Line($"=== {group}: {string.Join(", ", options.ModelsOrDefault.Select(ModelCatalog.Name))}, architecture {options.ArchitectureOrDefault}");
            new MultiSeedProtocol(options, _seeds, _progress).Run(command, folders.Group(group), cancellation);
        }
    }
}
