using System.CommandLine;
using SpokenDigits.Charts;
using SpokenDigits.Data;
using SpokenDigits.Training;
using SpokenDigits.Experiments;
using SpokenDigits.Rendering;
using SpokenDigits.Runs;

namespace SpokenDigits.Cli.Commands;

/// <summary><c>spokendigits report</c>: the three trainings over several seeds (and optionally leave one speaker out),
/// then a Markdown + HTML report with paired significance tests, read back from the saved runs.</summary>
public static class ReportCommand
{
    /// <summary>Model seeds of a report unless <c>--seeds</c> (or <c>--quick</c>) says otherwise.</summary>
    public const int DefaultSeeds = 5, QuickSeeds = 2;

    /// <summary>Bootstrap resamples of the paired tests (also of <c>ablation</c>).</summary>
    public const int DefaultResamples = 10000;

    public static Command Create()
    {
        var seeds = new Option<int>("--seeds")
        {
            HelpName = "N", Description = $"model seeds on one fixed split, from --first-seed on (--quick: {QuickSeeds})",
            DefaultValueFactory = _ => DefaultSeeds,
        };
        var firstSeed = new Option<int?>("--first-seed")
        {
            HelpName = "N", Description = "first model seed (default: --seed); the split seed is the first seed unless --split-seed",
        };
        var splitSeed = new Option<int?>("--split-seed") { HelpName = "N", Description = "seed of the shared split" };
        var loso = new Option<bool>("--loso") { Description = "also leave one speaker out (every speaker in turn is the test part)" };
        var losoSeeds = new Option<int>("--loso-seeds") { HelpName = "N", Description = "model seeds per held-out speaker", DefaultValueFactory = _ => 1 };
        var split = new Option<string>("--split")
        {
            HelpName = "S", Description = "official | stratified, for the multi-seed protocol", DefaultValueFactory = _ => "official",
        }.CheckedBy(text => SplitProtocol.Parse(text)).Completing("official", "stratified");
        var subset = new Option<int?>("--subset") { HelpName = "N", Description = "keep only takes below N (quick runs)" };
        var quick = new Option<bool>("--quick")
        {
            Description = $"a fast smoke run: --seeds {QuickSeeds} --epochs {TrainingOptions.QuickEpochs} --subset {TrainCommand.QuickSubset}",
        };
        var data = new Option<string?>("--data") { HelpName = "PATH", Description = "recordings folder (default: as for train)" };
        var skipBad = new Option<bool>("--skip-bad") { Description = "leave out unreadable recordings instead of stopping" };
        var resamples = ResamplesOption();
        var outFolder = new Option<string?>("--out")
        {
            HelpName = "DIR", Description = "report folder (default results/report-<timestamp>); finished seeds there are reused",
        };
        var cross = new Option<string[]>("--cross")
        {
            HelpName = "DIR",
            Description = "a test-only corpus to evaluate every seed run on, shown beside the FSDD test part (repeatable; default: ../shared/datasets/speechcommands-digits when it exists; none: no corpus). With --from: evaluates only the corpora given",
            AllowMultipleArgumentsPerToken = false,
        };
        var from = new Option<string?>("--from") { HelpName = "DIR", Description = "only regenerate the report from an existing report folder (no training)" };
        var training = new TrainingOptions();

        var command = new Command("report",
            "the three trainings over several seeds (and optionally leave one speaker out), then a Markdown + HTML report with paired significance tests");
        foreach (var option in new Option[] { seeds, firstSeed, splitSeed, loso, losoSeeds, split }) command.Options.Add(option);
        training.AddTo(command);
        foreach (var option in new Option[] { subset, quick, data, skipBad, resamples, outFolder, cross, from }) command.Options.Add(option);

        command.SetAction(parse =>
        {
            string commandText = parse.CommandText();
            int resampleCount = parse.GetValue(resamples);
            if (parse.GetValue(from) is { } fromFolder)
            {
                var given = command.Options.Where(o => o != from && o != resamples && o != cross && parse.WasGiven(o)).Select(o => o.Name).ToList();
                if (given.Count > 0) throw new UsageException($"--from only regenerates the report (with --resamples and --cross); leave out {string.Join(", ", given)}");
                var existing = new ReportFolder(fromFolder);
                EvaluateTestCorpora(existing, parse.WasGiven(cross) ? Corpora(parse.GetValue(cross)!) : []);
                return Write(existing, commandText, resampleCount);
            }

            bool isQuick = parse.GetValue(quick);
            var settings = training.Settings(parse, isQuick);
            int seedCount = isQuick && !parse.WasGiven(seeds) ? QuickSeeds : parse.GetValue(seeds);
            if (seedCount < 1) throw new UsageException("--seeds must be at least 1");
            int first = parse.GetValue(firstSeed) ?? settings.Seed;
            var seedList = MultiSeedProtocol.ConsecutiveSeeds(seedCount, first);
            bool withLoso = parse.GetValue(loso);
            if (parse.GetValue(losoSeeds) < 1) throw new UsageException("--loso-seeds must be at least 1");
            var losoSeedList = MultiSeedProtocol.ConsecutiveSeeds(parse.GetValue(losoSeeds), first);
            var splitProtocol = SplitProtocol.Parse(parse.GetValue(split)!);
            if (splitProtocol.Kind == "speakers") throw new UsageException("--split speakers:... is what --loso does for every speaker; use official or stratified");
            var options = new ExperimentOptions(
                DataFolder: parse.GetValue(data),
                Split: splitProtocol,
                Training: settings,
                Models: training.ModelKinds(parse),
                SkipBad: parse.GetValue(skipBad),
                Subset: parse.GetValue(subset) ?? (isQuick ? TrainCommand.QuickSubset : null),
                SplitSeed: parse.GetValue(splitSeed),
                Architecture: training.Architecture(parse));
            var folder = new ReportFolder(parse.GetValue(outFolder) ?? Path.Combine(ProjectPaths.ResultsFolder, $"report-{DateTime.Now:yyyyMMdd-HHmmss}"));

            var progress = new TrainingProgress(Console.Out);
            var multi = new MultiSeedProtocol(options, seedList, progress);
            Console.WriteLine($"Report folder: {folder.Path}");
            Console.WriteLine($"Seeds {string.Join(", ", seedList)} on split {splitProtocol} (split seed {multi.SplitSeed}){(withLoso ? $"; leave-one-speaker-out with seeds {string.Join(", ", losoSeedList)}" : "")}");
            folder.SaveManifest(new ReportManifest(commandText, seedList, multi.SplitSeed, splitProtocol.ToString(), withLoso, withLoso ? losoSeedList : [],
                settings.Epochs, options.Subset, DateTimeOffset.Now));
            var runs = multi.Run(commandText, folder, ConsoleCancellation.Token);
            bool ok = runs.All(r => r.Models.All(x => x.Succeeded));
            if (withLoso)
            {
                var folds = new SpeakerIndependentProtocol(options with { SplitSeed = multi.SplitSeed }, losoSeedList, progress).Run(commandText, folder, ConsoleCancellation.Token);
                ok &= folds.All(f => f.Runs.All(r => r.Models.All(x => x.Succeeded)));
            }
            EvaluateTestCorpora(folder, parse.WasGiven(cross) ? Corpora(parse.GetValue(cross)!) : DataLocator.DefaultTestCorpora());
            return Write(folder, commandText, resampleCount) == ExitCodes.Success && ok ? ExitCodes.Success : ExitCodes.Error;
        });
        return command;
    }

    /// <summary><c>--resamples</c>, at least 1.</summary>
    public static Option<int> ResamplesOption()
    {
        var option = new Option<int>("--resamples") { HelpName = "N", Description = "bootstrap resamples", DefaultValueFactory = _ => DefaultResamples };
        option.Validators.Add(r => { if (r.GetValueOrDefault<int>() < 1) r.AddError("--resamples must be at least 1"); });
        return option;
    }

    /// <summary>--cross values: folders, or nothing for "none".</summary>
    internal static IReadOnlyList<string> Corpora(string[] given) =>
        given.Length == 1 && given[0].Trim().ToLowerInvariant() == "none" ? [] : given;

    static void EvaluateTestCorpora(ReportFolder folder, IReadOnlyList<string> corpora)
    {
        if (corpora.Count == 0) return;
        Console.WriteLine($"Test-only corpora (never trained on): {string.Join(", ", corpora.Select(Path.GetFullPath))}");
        var made = Inference.TestCorpusEvaluation.EnsureEvaluated(folder, corpora, Console.Out, ConsoleCancellation.Token);
        if (made.Count == 0) Console.WriteLine("   every seed run already evaluated on them");
    }

    static int Write(ReportFolder folder, string command, int resamples)
    {
        var output = ReportGenerator.Generate(folder, command, resamples);
        Console.WriteLine();
        Console.WriteLine($"Report:  {output.Markdown}");
        Console.WriteLine($"         {output.Html}");
        Console.WriteLine($"Figures: {string.Join(", ", output.Figures.Select(Path.GetFileName))} in {Path.Combine(folder.Path, ReportFolder.FiguresFolder)}");
        var (pngs, skipped) = ChartPng.ConvertFolder(Path.Combine(folder.Path, ReportFolder.FiguresFolder));
        Console.WriteLine(skipped ?? $"PNG:     {pngs.Count} figures redrawn as PNG beside their SVG");
        Console.WriteLine($"Numbers: {output.Summary}");
        return 0;
    }
}
