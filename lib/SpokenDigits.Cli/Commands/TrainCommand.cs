using SpokenDigits.Data;
using SpokenDigits.Features;
using SpokenDigits.Training;
using SpokenDigits.Experiments;
using SpokenDigits.Runs;

namespace SpokenDigits.Cli.Commands;

/// <summary><c>spokendigits train</c>: the three trainings on one split, written to results/&lt;run&gt;/.</summary>
public static class TrainCommand
{
    public const string Usage = """
        spokendigits train [options]
          --data PATH          recordings folder (default: $SPOKENDIGITS_DATA, data/fsdd/recordings,
                               ../shared/datasets/fsdd/recordings; when none exists, FSDD is downloaded first)
          --layout L           auto | fsdd | audiomnist (default auto)
          --split S            official | stratified | speakers:NAME[,NAME] (default official)
          --models M           comma list of raw, spec, fusion (default all three)
          --epochs N           (default 15)      --batch-size N (default 64)
          --lr X               (default 0.002)   --weight-decay X (default 0.0001)
          --seed N             (default 42)      --validation X (default 0.1)
          --split-seed N       seed of the train/validation draw alone (default: --seed); a report's seeds
                               share one, the first seed, so its runs can be made one by one with this
          --threads N          torch threads (default: one per core that no other process keeps busy at
                               the start; the count chosen is saved with the run)
          --normalisation N    per-utterance | dataset (default per-utterance)
          --subset N           keep only takes below N (quick runs)
          --quick              a fast smoke run: --epochs 2 --subset 10
        """ + TrainingOptions.ModelUsage + """
          --skip-bad           leave out unreadable recordings (listed) instead of stopping
          --out DIR            results root (default results/)
          --run NAME           run folder name (default official-<timestamp> etc.)
          --resume DIR         continue an interrupted run in DIR with its own saved options:
                               finished models are kept, the interrupted one continues from its
                               last epoch checkpoint (same final metrics as an uninterrupted run)
        """;

    public static int Run(string[] args)
    {
        var cl = new CommandLine(args, "quick", "skip-bad");
        if (cl.Get("resume") is { } resumeFolder)
        {
            cl.RejectUnknown();
            var existing = new RunFolder(resumeFolder);
            Console.WriteLine($"Resuming {existing.Path}");
            return Execute(new Experiment(existing.LoadOptions(), new TrainingProgress(Console.Out)), existing, args, resume: true);
        }
        bool quick = cl.Flag("quick");
        var training = TrainingOptions.Settings(cl, quick);
        var features = new FeatureSettings(Normalisation: ParseNormalisation(cl.Get("normalisation")));
        var split = SplitProtocol.Parse(cl.Get("split") ?? "official");
        var options = new ExperimentOptions(
            DataFolder: cl.Get("data") ?? DownloadWhenMissing(),
            Layout: ParseLayout(cl.Get("layout")),
            Split: split,
            Features: features,
            Training: training,
            Models: TrainingOptions.Models(cl),
            SkipBad: cl.Flag("skip-bad"),
            Subset: cl.Int("subset") ?? (quick ? 10 : null),
            Architecture: TrainingOptions.Architecture(cl),
            SplitSeed: cl.Int("split-seed"));
        var runName = cl.Get("run") ?? $"{split.ToString().Replace(':', '-').Replace(',', '+')}-{DateTime.Now:yyyyMMdd-HHmmss}";
        var root = cl.Get("out") ?? ProjectPaths.ResultsFolder;
        cl.RejectUnknown();

        var folder = new RunFolder(Path.Combine(root, runName));
        Console.WriteLine($"Run folder: {folder.Path}");
        return Execute(new Experiment(options, new TrainingProgress(Console.Out)), folder, args, resume: false);
    }

    static int Execute(Experiment experiment, RunFolder folder, string[] args, bool resume)
    {
        var results = experiment.Run(string.Join(' ', new[] { "spokendigits", "train" }.Concat(args)), folder, ConsoleCancellation.Token, resume);
        Console.WriteLine();
        Console.WriteLine(File.ReadAllText(Path.Combine(folder.Path, RunFolder.SummaryFile)));
        return results.Models.All(r => r.Succeeded) ? 0 : 1;
    }

    /// <summary>On a fresh machine with no recordings anywhere, fetches FSDD into data/fsdd first,
    /// so that <c>./spokendigits train</c> alone does all the set-up.</summary>
    static string? DownloadWhenMissing()
    {
        try
        {
            DataLocator.FindRecordings();
            return null;
        }
        catch (DatasetException)
        {
            Console.WriteLine("No FSDD recordings found locally: downloading them into data/fsdd first (./spokendigits download).");
            return FsddDownloader.DownloadAsync(cancellationToken: ConsoleCancellation.Token).GetAwaiter().GetResult().RecordingsFolder;
        }
    }

    static DatasetLayout ParseLayout(string? text) => text?.ToLowerInvariant() switch
    {
        null or "auto" => DatasetLayout.Auto,
        "fsdd" => DatasetLayout.Fsdd,
        "audiomnist" => DatasetLayout.AudioMnist,
        _ => throw new UsageException($"unknown layout '{text}': use auto, fsdd or audiomnist"),
    };

    static SpectrogramNormalisation ParseNormalisation(string? text) => text?.ToLowerInvariant() switch
    {
        null or "per-utterance" or "utterance" => SpectrogramNormalisation.PerUtterance,
        "dataset" or "dataset-statistics" => SpectrogramNormalisation.DatasetStatistics,
        _ => throw new UsageException($"unknown normalisation '{text}': use per-utterance or dataset"),
    };
}
