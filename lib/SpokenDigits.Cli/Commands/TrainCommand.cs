using System.CommandLine;
using SpokenDigits.Data;
using SpokenDigits.Features;
using SpokenDigits.Training;
using SpokenDigits.Experiments;
using SpokenDigits.Runs;

namespace SpokenDigits.Cli.Commands;

/// <summary><c>spokendigits train</c>: the three trainings on one split, written to results/&lt;run&gt;/.</summary>
public static class TrainCommand
{
    /// <summary>The takes kept by <c>--quick</c> unless <c>--subset</c> is given.</summary>
    public const int QuickSubset = 10;

    public static Command Create()
    {
        var data = new Option<string?>("--data")
        {
            HelpName = "PATH",
            Description = "recordings folder (default: $SPOKENDIGITS_DATA, data/fsdd/recordings, ../shared/datasets/fsdd/recordings; when none exists, FSDD is downloaded first)",
        };
        var layout = new Option<string>("--layout") { HelpName = "L", Description = "auto | fsdd | audiomnist", DefaultValueFactory = _ => "auto" }
            .CheckedBy(text => ParseLayout(text)).Completing("auto", "fsdd", "audiomnist");
        var split = new Option<string>("--split") { HelpName = "S", Description = "official | stratified | speakers:NAME[,NAME]", DefaultValueFactory = _ => "official" }
            .CheckedBy(text => SplitProtocol.Parse(text)).Completing("official", "stratified", "speakers:");
        var splitSeed = new Option<int?>("--split-seed")
        {
            HelpName = "N",
            Description = "seed of the train/validation draw alone (default: --seed); a report's seeds share one, the first seed, so its runs can be made one by one with this",
        };
        var normalisation = new Option<string>("--normalisation")
        {
            HelpName = "N", Description = "per-utterance | dataset", DefaultValueFactory = _ => NormalisationLabel(new FeatureSettings().Normalisation),
        }.CheckedBy(text => ParseNormalisation(text)).Completing("per-utterance", "dataset");
        var subset = new Option<int?>("--subset") { HelpName = "N", Description = "keep only takes below N (quick runs)" };
        var quick = new Option<bool>("--quick") { Description = $"a fast smoke run: --epochs {TrainingOptions.QuickEpochs} --subset {QuickSubset}" };
        var skipBad = new Option<bool>("--skip-bad") { Description = "leave out unreadable recordings (listed) instead of stopping" };
        var outRoot = new Option<string>("--out") { HelpName = "DIR", Description = "results root", DefaultValueFactory = _ => ProjectPaths.ResultsFolder };
        var runName = new Option<string?>("--run") { HelpName = "NAME", Description = "run folder name (default <split>-<timestamp>, e.g. official-20260101-120000)" };
        var resume = new Option<string?>("--resume")
        {
            HelpName = "DIR",
            Description = "continue an interrupted run in DIR with its own saved options: finished models are kept, the interrupted one continues from its last epoch checkpoint (same final metrics as an uninterrupted run)",
        };
        var training = new TrainingOptions();

        var command = new Command("train", "the three trainings (raw waveform, spectrogram, fused) on one split -> results/<run>/");
        command.Options.Add(data);
        command.Options.Add(layout);
        command.Options.Add(split);
        training.AddTo(command);
        foreach (var option in new Option[] { splitSeed, normalisation, subset, quick, skipBad, outRoot, runName, resume })
            command.Options.Add(option);

        command.SetAction(parse =>
        {
            SpokenDigits.Runtime.Nnpack.Apply();
            string commandText = parse.CommandText();
            if (parse.GetValue(resume) is { } resumeFolder)
            {
                var given = command.Options.Where(o => o != resume && parse.WasGiven(o)).Select(o => o.Name).ToList();
                if (given.Count > 0) throw new UsageException($"--resume continues a run with its own saved options; leave out {string.Join(", ", given)}");
                var existing = new RunFolder(resumeFolder);
                Console.WriteLine($"Resuming {existing.Path}");
                return Execute(new Experiment(existing.LoadOptions(), new TrainingProgress(Console.Out)), existing, commandText, resume: true);
            }
            bool isQuick = parse.GetValue(quick);
            var splitProtocol = SplitProtocol.Parse(parse.GetValue(split)!);
            var options = new ExperimentOptions(
                DataFolder: parse.GetValue(data) ?? DownloadWhenMissing(),
                Layout: ParseLayout(parse.GetValue(layout)!),
                Split: splitProtocol,
                Features: new FeatureSettings(Normalisation: ParseNormalisation(parse.GetValue(normalisation)!)),
                Training: training.Settings(parse, isQuick),
                Models: training.ModelKinds(parse),
                SkipBad: parse.GetValue(skipBad),
                Subset: parse.GetValue(subset) ?? (isQuick ? QuickSubset : null),
                Architecture: training.Architecture(parse),
                SplitSeed: parse.GetValue(splitSeed));
            var name = parse.GetValue(runName) ?? $"{splitProtocol.ToString().Replace(':', '-').Replace(',', '+')}-{DateTime.Now:yyyyMMdd-HHmmss}";
            var folder = new RunFolder(Path.Combine(parse.GetValue(outRoot)!, name));
            Console.WriteLine($"Run folder: {folder.Path}");
            return Execute(new Experiment(options, new TrainingProgress(Console.Out)), folder, commandText, resume: false);
        });
        return command;
    }

    static int Execute(Experiment experiment, RunFolder folder, string commandText, bool resume)
    {
        var results = experiment.Run(commandText, folder, ConsoleCancellation.Token, resume);
        Console.WriteLine();
        Console.WriteLine(File.ReadAllText(Path.Combine(folder.Path, RunFolder.SummaryFile)));
        return results.Models.All(r => r.Succeeded) ? ExitCodes.Success : ExitCodes.Error;
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

    internal static DatasetLayout ParseLayout(string text) => text.ToLowerInvariant() switch
    {
        "auto" => DatasetLayout.Auto,
        "fsdd" => DatasetLayout.Fsdd,
        "audiomnist" => DatasetLayout.AudioMnist,
        _ => throw new ArgumentException($"unknown layout '{text}': use auto, fsdd or audiomnist"),
    };

    static SpectrogramNormalisation ParseNormalisation(string text) => text.ToLowerInvariant() switch
    {
        "per-utterance" or "utterance" => SpectrogramNormalisation.PerUtterance,
        "dataset" or "dataset-statistics" => SpectrogramNormalisation.DatasetStatistics,
        _ => throw new ArgumentException($"unknown normalisation '{text}': use per-utterance or dataset"),
    };

    static string NormalisationLabel(SpectrogramNormalisation normalisation) =>
        normalisation == SpectrogramNormalisation.DatasetStatistics ? "dataset" : "per-utterance";
}
