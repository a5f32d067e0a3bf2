using SpokenDigits.Data;
using SpokenDigits.Runs;
using SpokenDigits.Training;

namespace SpokenDigits.Experiments;

/// <summary>Leave one speaker out: every speaker in turn is the whole test part (<see cref="Splits.LeaveOneSpeakerOut"/>),
/// the three models trained on the others, for each of a few model seeds (one by default). Runs are saved in
/// <c>loso/&lt;speaker&gt;/seed-&lt;n&gt;/</c> of the report folder.</summary>
public sealed class SpeakerIndependentProtocol
{
    readonly ExperimentOptions _options;
    readonly TrainingProgress _progress;

    public SpeakerIndependentProtocol(ExperimentOptions options, IReadOnlyList<int> seeds, TrainingProgress? progress = null)
    {
        if (seeds.Count == 0) throw new ArgumentException("at least one seed is needed");
        _options = options;
        Seeds = seeds;
        _progress = progress ?? TrainingProgress.Silent;
    }

    public IReadOnlyList<int> Seeds { get; }

    public int SplitSeed => _options.SplitSeed ?? Seeds[0];

    /// <summary>The speakers, in the order <see cref="Splits.LeaveOneSpeakerOut"/> holds them out.</summary>
    public IReadOnlyList<string> Speakers()
    {
        var recordings = RecordingCatalog.Discover(DataLocator.FindRecordings(_options.DataFolder), _options.Layout);
        if (_options.Subset is int maxTake) recordings = recordings.Where(r => r.Take < maxTake).ToList();
        return Splits.LeaveOneSpeakerOut(recordings, _options.TrainingOrDefault.ValidationFraction, SplitSeed)
            .Select(s => s.Test[0].Speaker).ToList();
    }

    /// <summary>The options of one fold and seed.</summary>
    public ExperimentOptions OptionsFor(string speaker, int seed) => _options with
    {
        Split = new SplitProtocol("speakers", [speaker]),
        Training = _options.TrainingOrDefault with { Seed = seed },
        SplitSeed = SplitSeed,
    };

    public IReadOnlyList<(string Speaker, IReadOnlyList<RunResults> Runs)> Run(string command, ReportFolder folder,
        CancellationToken cancellation = default)
    {
        var speakers = Speakers();
        var folds = new List<(string, IReadOnlyList<RunResults>)>();
        for (int i = 0; i < speakers.Count; i++)
        {
            var runs = new List<RunResults>();
            foreach (int seed in Seeds)
            {
                var runFolder = folder.Loso(speakers[i], seed);
                _progress.Line($"== Held-out speaker {speakers[i]} ({i + 1} of {speakers.Count}), seed {seed}: {runFolder.Path}");
                runs.Add(MultiSeedProtocol.ReuseOrRun(OptionsFor(speakers[i], seed), command, runFolder, _progress, cancellation));
            }
            folds.Add((speakers[i], runs));
        }
        return folds;
    }
}
