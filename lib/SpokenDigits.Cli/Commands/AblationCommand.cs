using System.CommandLine;
using SpokenDigits.Charts;
using SpokenDigits.Training;
using SpokenDigits.Experiments;
using SpokenDigits.Rendering.Ablation;
using SpokenDigits.Runs;

namespace SpokenDigits.Cli.Commands;

/// <summary><c>spokendigits ablation</c>: fusion variants × remedies on the split, seeds and settings of an
/// existing report, then one table that compares them with the single branches.</summary>
public static class AblationCommand
{
    public const string DefaultLosoVariants = "gated-aux+moddrop";

    public const string DefaultRemedies = "none,aux,moddrop,two-stage,branch-lr,aux+moddrop";

    public static Command Create()
    {
        var report = new Option<string>("--report")
        {
            HelpName = "DIR", Required = true,
            Description = "a report folder made by 'spokendigits report' (its seeds, split and settings are reused; its runs give the raw-only, spectrogram-only and concat baseline models)",
        };
        var fusions = new Option<string>("--fusions") { HelpName = "F", Description = "comma list of concat, gated, attention", DefaultValueFactory = _ => "concat,gated,attention" }
            .CheckedBy(text => Parse(text, TrainingOptions.ParseFusion));
        var remedies = new Option<string>("--remedies")
        {
            HelpName = "R", Description = "comma list of remedy sets: none, aux, moddrop, two-stage, branch-lr or '+' combinations",
            DefaultValueFactory = _ => DefaultRemedies,
        }.CheckedBy(text => Parse(text, FusionRemedies.Parse));
        var variants = new Option<string?>("--variants") { HelpName = "V", Description = "instead of --fusions × --remedies: an explicit comma list such as gated-aux+moddrop" }
            .CheckedBy(text => Parse(text, AblationVariant.Parse));
        var seeds = new Option<int?>("--seeds") { HelpName = "N", Description = "the report's first N seeds (default all of them)" };
        seeds.Validators.Add(r => { if (r.GetValueOrDefault<int?>() < 1) r.AddError("--seeds must be at least 1"); });
        var losoVariants = new Option<string>("--loso-variants")
        {
            HelpName = "V", Description = "variants also trained leave-one-speaker-out, when the report has that protocol ('none' for no fold training)",
            DefaultValueFactory = _ => DefaultLosoVariants,
        }.CheckedBy(text => LosoVariants(text));
        var threads = TrainingOptions.CreateThreads();
        var resamples = ReportCommand.ResamplesOption();
        var goals = new Option<string?>("--goals")
        {
            HelpName = "FILE",
            Description = "the study's own goals, a JSON list such as [{\"measure\": \"bestFusionAccuracy\", \"target\": 0.995}], kept in the ablation manifest and checked in the report (without: none, or those the manifest already has)",
        };
        goals.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<string?>() is { } path)
                try { StudyGoals.Load(path); }
                catch (Exception e) when (e is IOException or InvalidDataException) { r.AddError($"--goals: {e.Message}"); }
        });
        var fromOnly = new Option<bool>("--from-only")
        {
            Description = "only regenerate the ablation report from the runs already there (with --variants, --seeds, --loso-variants: over those; runs not finished are listed as left out, never trained)",
        };

        var command = new Command("ablation",
            "fusion variants × remedies on the split, seeds and settings of an existing report; writes ablation.md, ablation.html, ablation.json and figures/ablation-*.svg into the report folder")
        {
            report, fusions, remedies, variants, seeds, losoVariants, goals, threads, resamples, fromOnly,
        };

        command.SetAction(parse =>
        {
            string commandText = parse.CommandText();
            var folder = new ReportFolder(parse.GetValue(report)!);
            int resampleCount = parse.GetValue(resamples);
            var goalList = parse.GetValue(goals) is { } goalsFile ? StudyGoals.Load(goalsFile) : null;
            if (parse.GetValue(fromOnly))
            {
                var given = new Option[] { fusions, remedies, threads }.Where(parse.WasGiven).Select(o => o.Name).ToList();
                if (given.Count > 0) throw new UsageException($"--from-only trains nothing; leave out {string.Join(", ", given)}");
                // --variants / --seeds / --loso-variants here only change which finished runs the report covers
                AblationManifestEdits.Narrow(folder, commandText,
                    parse.GetValue(variants) is { } only ? Parse(only, AblationVariant.Parse) : null,
                    parse.GetValue(seeds),
                    parse.WasGiven(losoVariants) ? LosoVariants(parse.GetValue(losoVariants)!) : null, goalList);
                return Write(folder, commandText, resampleCount);
            }
            var manifest = folder.LoadManifest() ?? throw new UsageException($"{folder.Path} is not a report folder (no {ReportFolder.ManifestFile})");
            var seedList = manifest.Seeds.Take(parse.GetValue(seeds) ?? manifest.Seeds.Count).ToList();
            if (seedList.Count == 0) throw new UsageException($"{folder.Path}: the report has no seeds");
            var variantList = parse.GetValue(variants) is { } list
                ? Parse(list, AblationVariant.Parse)
                : AblationVariant.Grid(Parse(parse.GetValue(fusions)!, TrainingOptions.ParseFusion), Parse(parse.GetValue(remedies)!, FusionRemedies.Parse));
            var losoList = manifest.Loso ? LosoVariants(parse.GetValue(losoVariants)!) : [];

            var options = folder.Seed(seedList[0]).LoadOptions();
            options = options with { Training = options.TrainingOrDefault with { Threads = parse.GetValue(threads) } };
            Console.WriteLine($"Ablation on {folder.Path}: {variantList.Count} variants × seeds {string.Join(", ", seedList)}" +
                              (losoList.Count > 0 ? $"; leave one speaker out: {string.Join(", ", losoList.Select(v => v.Label))}" : ""));
            AblationManifestEdits.Begin(folder, commandText, seedList, variantList, losoList, manifest.LosoSeeds,
                goalList ?? AblationFolder.LoadManifest(folder)?.Goals);
            new AblationProtocol(options, new TrainingProgress(Console.Out))
                .Run(commandText, folder, seedList, variantList, losoList, manifest.LosoSeeds, ConsoleCancellation.Token);
            return Write(folder, commandText, resampleCount);
        });
        return command;
    }

    static int Write(ReportFolder report, string command, int resamples)
    {
        var output = AblationReportGenerator.Generate(report, command, resamples);
        Console.WriteLine();
        Console.WriteLine($"Ablation: {output.Markdown}");
        Console.WriteLine($"          {output.Html}");
        Console.WriteLine($"Numbers:  {output.Summary}");
        var (pngs, skipped) = ChartPng.ConvertFolder(Path.Combine(report.Path, ReportFolder.FiguresFolder));
        Console.WriteLine(skipped ?? $"PNG:      {pngs.Count} figures redrawn as PNG beside their SVG");
        return ExitCodes.Success;
    }

    /// <summary>--loso-variants: a comma list of variants, or "none".</summary>
    static List<AblationVariant> LosoVariants(string text) =>
        text.Trim() == "none" ? [] : Parse(text, AblationVariant.Parse);

    static List<T> Parse<T>(string list, Func<string, T> parse) =>
        list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(parse).Distinct().ToList();
}
