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

    /// <summary>The options of <c>train</c>, defined once: the command and <see cref="ParseOptions"/> share them.</summary>
    sealed class Symbols
    {
        public readonly Option<string?> Data = new("--data")
        {
            HelpName = "PATH",
            Description = "recordings folder (default: $SPOKENDIGITS_DATA, data/fsdd/recordings, ../shared/datasets/fsdd/recordings; when none exists, FSDD is downloaded first)",
        };
        public readonly Option<string> Layout = new Option<string>("--layout") { HelpName = "L", Description = "auto | fsdd | audiomnist", DefaultValueFactory = _ => "auto" }
            .CheckedBy(text => ParseLayout(text)).Completing("auto", "fsdd", "audiomnist");
        public readonly Option<string> Split = new Option<string>("--split") { HelpName = "S", Description = "official | stratified | speakers:NAME[,NAME]", DefaultValueFactory = _ => "official" }
            .CheckedBy(text => SplitProtocol.Parse(text)).Completing("official", "stratified", "speakers:");
        public readonly Option<int?> SplitSeed = new("--split-seed")
        {
            HelpName = "N",
            Description = "seed of the train/validation draw alone (default: --seed); a report's seeds share one, the first seed, so its runs can be made one by one with this",
        };
        public readonly Option<string> Normalisation = new Option<string>("--normalisation")
        {
            HelpName = "N", Description = "per-utterance | dataset", DefaultValueFactory = _ => NormalisationLabel(new FeatureSettings().Normalisation),
        }.CheckedBy(text => ParseNormalisation(text)).Completing("per-utterance", "dataset");
        public readonly Option<string> Endpoint = new Option<string>("--endpoint")
        {
            HelpName = "on|off",
            Description = "find the spoken word before placing it in the window (off: centre-fit the whole recording, as runs made before endpointing did)",
            DefaultValueFactory = _ => new FeatureSettings().Endpoint.Enabled ? "on" : "off",
        }.CheckedBy(text => ParseOnOff(text)).Completing("on", "off");
        public readonly Option<int?> Subset = new("--subset") { HelpName = "N", Description = "keep only takes below N (quick runs)" };
        public readonly Option<string?> ExtraTrain = new("--extra-train")
        {
            HelpName = "DIR",
            Description = "add the recordings in DIR (FSDD layout, new speakers, e.g. from `synthesize-voices`) to the training part only; validation and test stay the corpus's own",
        };
        public readonly Option<bool> Quick = new("--quick") { Description = $"a fast smoke run: --epochs {TrainingOptions.QuickEpochs} --subset {QuickSubset}" };
        public readonly Option<bool> SkipBad = new("--skip-bad") { Description = "leave out unreadable recordings (listed) instead of stopping" };
        public readonly Option<string> OutRoot = new("--out") { HelpName = "DIR", Description = "results root", DefaultValueFactory = _ => ProjectPaths.ResultsFolder };
        public readonly Option<string?> RunName = new("--run") { HelpName = "NAME", Description = "run folder name (default <split>-<timestamp>, e.g. official-20260101-120000)" };
        public readonly Option<string?> Resume = new("--resume")
        {
            HelpName = "DIR",
            Description = "continue an interrupted run in DIR with its own saved options: finished models are kept, the interrupted one continues from its last epoch checkpoint (same final metrics as an uninterrupted run)",
        };
        public readonly TrainingOptions Training = new();

        public Command Command()
        {
            var command = new Command("train", "the three trainings (raw waveform, spectrogram, fused) on one split -> results/<run>/");
            command.Options.Add(Data);
            command.Options.Add(Layout);
            command.Options.Add(Split);
            Training.AddTo(command);
            foreach (var option in new Option[] { SplitSeed, Normalisation, Endpoint, Subset, ExtraTrain, Quick, SkipBad, OutRoot, RunName, Resume })
                command.Options.Add(option);
            return command;
        }

        /// <summary>The run's options as the command line gives them (<paramref name="dataFolder"/>: where the recordings
        /// are when <c>--data</c> is not given).</summary>
        public ExperimentOptions Options(ParseResult parse, Func<string?> dataFolder)
        {
            bool isQuick = parse.GetValue(Quick);
            return new ExperimentOptions(
                DataFolder: parse.GetValue(Data) ?? dataFolder(),
                Layout: ParseLayout(parse.GetValue(Layout)!),
                Split: SplitProtocol.Parse(parse.GetValue(Split)!),
                Features: new FeatureSettings(Normalisation: ParseNormalisation(parse.GetValue(Normalisation)!))
                {
                    Endpoint = ParseOnOff(parse.GetValue(Endpoint)!) ? new FeatureSettings().Endpoint : EndpointSettings.Off,
                },
                Training: Training.Settings(parse, isQuick),
                Models: Training.ModelKinds(parse),
                SkipBad: parse.GetValue(SkipBad),
                Subset: parse.GetValue(Subset) ?? (isQuick ? QuickSubset : null),
                Architecture: Training.Architecture(parse),
                SplitSeed: parse.GetValue(SplitSeed),
                ExtraTrainingData: parse.GetValue(ExtraTrain) is { } extra ? Path.GetFullPath(extra) : null);
        }
    }

    public static Command Create()
    {
        var symbols = new Symbols();
        var command = symbols.Command();
        command.SetAction(parse =>
        {
            SpokenDigits.Runtime.Nnpack.Apply();
            string commandText = parse.CommandText();
            if (parse.GetValue(symbols.Resume) is { } resumeFolder)
            {
                var given = command.Options.Where(o => o != symbols.Resume && parse.WasGiven(o)).Select(o => o.Name).ToList();
                if (given.Count > 0) throw new UsageException($"--resume continues a run with its own saved options; leave out {string.Join(", ", given)}");
                var existing = new RunFolder(resumeFolder);
                Console.WriteLine($"Resuming {existing.Path}");
                return Execute(new Experiment(existing.LoadOptions(), new TrainingProgress(Console.Out)), existing, commandText, resume: true);
            }
            var options = symbols.Options(parse, DownloadWhenMissing);
            var splitProtocol = options.SplitOrDefault;
            var name = parse.GetValue(symbols.RunName) ?? $"{splitProtocol.ToString().Replace(':', '-').Replace(',', '+')}-{DateTime.Now:yyyyMMdd-HHmmss}";
            var folder = new RunFolder(Path.Combine(parse.GetValue(symbols.OutRoot)!, name));
            Console.WriteLine($"Run folder: {folder.Path}");
            return Execute(new Experiment(options, new TrainingProgress(Console.Out)), folder, commandText, resume: false);
        });
        return command;
    }

    /// <summary>The options a <c>train</c> command line (without <c>train</c> itself) would run with, read by the same
    /// option definitions; the recordings folder stays null unless <c>--data</c> is given. Throws
    /// <see cref="UsageException"/> on a bad command line.</summary>
    public static ExperimentOptions ParseOptions(IReadOnlyList<string> arguments)
    {
        var symbols = new Symbols();
        var parse = symbols.Command().Parse(arguments.ToArray());
        if (parse.Errors.Count > 0) throw new UsageException(string.Join("; ", parse.Errors.Select(e => e.Message)));
        return symbols.Options(parse, () => null);
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

    internal static bool ParseOnOff(string text) => text.Trim().ToLowerInvariant() switch
    {
        "on" => true,
        "off" => false,
        _ => throw new ArgumentException($"expects on or off, got '{text}'"),
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
