using SpokenDigits.Features;
using System.CommandLine;
using SpokenDigits.Analysis.EarlierMethods;
using SpokenDigits.Experiments;
using SpokenDigits.Rendering;
using SpokenDigits.Runs;
using SpokenDigits.Training;

namespace SpokenDigits.Cli.Commands;

/// <summary><c>spokendigits earlier-methods</c>: the course's earlier methods (four MFCC methods, the spectrogram CNN with
/// CBAM) over several seeds on the fusion study's split and settings, then the comparison beside the study's models and
/// the assignment's AudioMNIST numbers (<c>earlier-methods.md</c>).</summary>
public static class EarlierMethodsCommand
{
    public static Command Create()
    {
        var seeds = new Option<int>("--seeds") { HelpName = "N", Description = "model seeds on one fixed split, from --seed on", DefaultValueFactory = _ => ReportCommand.DefaultSeeds };
        var study = new Option<string>("--study")
        {
            HelpName = "DIR|none",
            Description = "a fusion study's report folder to read the CNN without attention, the raw and the fused model from instead of training them " +
                "into <out>/study (none, the default: train them, so every row comes from one code version and can be evaluated on the test-only corpora)",
            DefaultValueFactory = _ => "none",
        };
        var data = new Option<string?>("--data") { HelpName = "PATH", Description = "recordings folder (default: as for train)" };
        var layout = new Option<string>("--layout") { HelpName = "L", Description = "auto | fsdd | audiomnist", DefaultValueFactory = _ => "auto" }
            .CheckedBy(text => TrainCommand.ParseLayout(text)).Completing("auto", "fsdd", "audiomnist");
        var splitSeed = new Option<int?>("--split-seed") { HelpName = "N", Description = "seed of the shared split (default: the first seed), so seeds can be trained in separate processes" };
        var endpoint = new Option<string>("--endpoint")
        {
            HelpName = "on|off",
            Description = "find the spoken word before placing it in the window; off (the default) as the fusion study's runs in results/report-official were made, so every row shares one pipeline",
            DefaultValueFactory = _ => "off",
        }.CheckedBy(text => TrainCommand.ParseOnOff(text)).Completing("on", "off");
        var subset = new Option<int?>("--subset") { HelpName = "N", Description = "keep only takes below N (quick runs)" };
        var outFolder = new Option<string>("--out")
        {
            HelpName = "DIR", Description = "folder of the runs and earlier-methods.md; finished seeds there are reused",
            DefaultValueFactory = _ => Path.Combine(ProjectPaths.ResultsFolder, "earlier-methods"),
        };
        var fromOnly = new Option<bool>("--from-only") { Description = "only rewrite earlier-methods.md from the runs already there (no training; with --cross, evaluates what is missing)" };
        var cross = new Option<string[]>("--cross")
        {
            HelpName = "DIR",
            Description = "a test-only corpus to evaluate every run on, a column beside the FSDD test part (repeatable; default: ../shared/datasets/speechcommands-digits when it exists; none: no corpus)",
            AllowMultipleArgumentsPerToken = false,
        };
        var training = new TrainingOptions();

        var command = new Command("earlier-methods",
            "the course's earlier methods (MFCC baseline, autoencoder methods A/B/C, spectrogram CNN + CBAM) over several seeds beside the fusion study -> results/earlier-methods/");
        foreach (var option in new Option[] { seeds, splitSeed, study, data, layout, endpoint, subset }) command.Options.Add(option);
        training.AddTo(command);
        command.Options.Add(outFolder);
        command.Options.Add(cross);
        command.Options.Add(fromOnly);

        command.SetAction(parse =>
        {
            string commandText = parse.CommandText();
            var studyPath = parse.GetValue(study)!;
            var subsetValue = parse.GetValue(subset);
            var folders = new EarlierMethodsFolders(parse.GetValue(outFolder)!,
                studyPath.Equals("none", StringComparison.OrdinalIgnoreCase) || subsetValue is not null ? null : studyPath);
            if (!parse.GetValue(fromOnly))
            {
                var settings = training.Settings(parse, quick: false);
                if (parse.GetValue(seeds) < 1) throw new UsageException("--seeds must be at least 1");
                var seedList = MultiSeedProtocol.ConsecutiveSeeds(parse.GetValue(seeds), settings.Seed);
                var options = new ExperimentOptions(
                    DataFolder: parse.GetValue(data), Layout: TrainCommand.ParseLayout(parse.GetValue(layout)!), Training: settings,
                    Features: new FeatureSettings { Endpoint = TrainCommand.ParseOnOff(parse.GetValue(endpoint)!) ? new FeatureSettings().Endpoint : EndpointSettings.Off },
                    Subset: subsetValue, SplitSeed: parse.GetValue(splitSeed) ?? seedList[0], Architecture: training.Architecture(parse));
                Console.WriteLine($"Earlier methods: seeds {string.Join(", ", seedList)} (split seed {options.SplitSeed}) into {folders.Root}");
                new EarlierMethodsProtocol(options, seedList, new TrainingProgress(Console.Out)).Run(commandText, folders, ConsoleCancellation.Token);
            }
            var corpora = parse.WasGiven(cross) ? ReportCommand.Corpora(parse.GetValue(cross)!)
                : parse.GetValue(fromOnly) ? [] : Data.DataLocator.DefaultTestCorpora();
            if (corpora.Count > 0)
            {
                Console.WriteLine($"Test-only corpora (never trained on): {string.Join(", ", corpora.Select(Path.GetFullPath))}");
                Inference.TestCorpusEvaluation.EnsureEvaluated(folders.RunFolders().SelectMany(g => g.Runs).ToList(), corpora, Console.Out, ConsoleCancellation.Token);
            }
            var summary = EarlierMethodsSummary.Load(folders);
            if (summary.Rows.Count == 0) throw new UsageException($"{folders.Root} holds no finished runs of the earlier methods");
            Directory.CreateDirectory(folders.Root);
            AtomicFile.WriteAllText(folders.Markdown, EarlierMethodsMarkdown.Render(summary, commandText));
            Console.WriteLine(File.ReadAllText(folders.Markdown));
            Console.WriteLine($"Wrote {folders.Markdown}");
            return ExitCodes.Success;
        });
        return command;
    }
}
