using SpokenDigits.Runtime;
using SpokenDigits.Runs;
using SpokenDigits.Training;

namespace SpokenDigits.Experiments;

/// <summary>The three trainings repeated over several model seeds on one fixed split: the split seed stays
/// (<see cref="ExperimentOptions.SplitSeed"/>, by default the first seed), only weight initialisation, dropout and
/// batch order change. Each seed's run is saved in <c>seed-&lt;n&gt;/</c> of the report folder as it finishes;
/// a seed whose finished run is already there with the same settings is read back instead of retrained.</summary>
public sealed class MultiSeedProtocol
{
    readonly ExperimentOptions _options;
    readonly TrainingProgress _progress;

    public MultiSeedProtocol(ExperimentOptions options, IReadOnlyList<int> seeds, TrainingProgress? progress = null)
    {
        if (seeds.Count == 0) throw new ArgumentException("at least one seed is needed");
        if (seeds.Distinct().Count() != seeds.Count) throw new ArgumentException("seeds must differ: " + string.Join(", ", seeds));
        _options = options;
        Seeds = seeds;
        _progress = progress ?? TrainingProgress.Silent;
    }

    public IReadOnlyList<int> Seeds { get; }

    /// <summary>The seed of the one split every run shares.</summary>
    public int SplitSeed => _options.SplitSeed ?? Seeds[0];

    /// <summary><paramref name="count"/> consecutive seeds from <paramref name="first"/>.</summary>
    public static IReadOnlyList<int> ConsecutiveSeeds(int count, int first = 42)
    {
        if (count < 1) throw new ArgumentException("the number of seeds must be at least 1");
        return Enumerable.Range(first, count).ToList();
    }

    /// <summary>The options of one seed's run.</summary>
    public ExperimentOptions OptionsFor(int seed) => _options with
    {
        Training = _options.TrainingOrDefault with { Seed = seed },
        SplitSeed = SplitSeed,
    };

    public IReadOnlyList<RunResults> Run(string command, ReportFolder folder, CancellationToken cancellation = default)
    {
        cancellation = AmbientCancellation.Or(cancellation);
        var results = new List<RunResults>();
        for (int i = 0; i < Seeds.Count; i++)
        {
            int seed = Seeds[i];
            var options = OptionsFor(seed);
            var runFolder = folder.Seed(seed);
            _progress.Line($"== Seed {seed} ({i + 1} of {Seeds.Count}), split seed {SplitSeed}: {runFolder.Path}");
            results.Add(ReuseOrRun(options, command, runFolder, _progress, cancellation));
        }
        return results;
    }

    /// <summary>Reads back a finished run of the same settings in <paramref name="runFolder"/>, or trains it.</summary>
    internal static RunResults ReuseOrRun(ExperimentOptions options, string command, RunFolder runFolder, TrainingProgress progress,
        CancellationToken cancellation)
    {
        if (File.Exists(Path.Combine(runFolder.Path, RunFolder.ResultsFile)))
        {
            try
            {
                var done = runFolder.Load();
                var wanted = options.TrainingOrDefault;
                // A run made without --threads saved the thread count it chose; any count answers a request without one.
                var saved = wanted.Threads is null ? done.Training with { Threads = null } : done.Training;
                if (done.Info.Finished is not null && saved == wanted && done.Split.Seed == options.SplitSeedOrDefault
                    && done.ArchitectureOrOriginal == options.ArchitectureOrDefault
                    && done.Models.Select(m => m.ModelName).SequenceEqual(options.ModelsOrDefault.Select(Models.ModelCatalog.Name)))
                {
                    progress.Line("   already finished: read back");
                    return done;
                }
            }
            catch (InvalidDataException) { }
        }
        return new Experiment(options, progress).Run(command, runFolder, cancellation);
    }
}
