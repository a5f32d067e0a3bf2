using System.CommandLine;
using SpokenDigits.Evaluation.Robustness;
using SpokenDigits.Inference;
using SpokenDigits.Runs;

namespace SpokenDigits.Cli.Commands;

/// <summary><c>spokendigits robustness</c>: every model of one or several runs on their FSDD test part under controlled
/// corruptions at graded severities, plus silence and noise-only recordings.</summary>
public static class RobustnessCommand
{
    public static Command Create()
    {
        var runs = new Option<string[]>("--run")
        {
            HelpName = "DIR", Arity = ArgumentArity.OneOrMore, AllowMultipleArgumentsPerToken = false,
            Description = "a run folder written by `spokendigits train`, or a report folder (its seed-<n>/ runs); repeat for several seeds of one configuration",
        };
        var seed = new Option<int>("--seed")
        {
            HelpName = "N", Description = "seed of every corrupted recording and probe (the same for every model and run)",
            DefaultValueFactory = _ => RobustnessOptions.DefaultSeed,
        };
        var outFolder = new Option<string?>("--out") { HelpName = "DIR", Description = "output folder (default results/robustness-<name of the first --run>)" };
        var only = new Option<string?>("--only")
        {
            HelpName = "LIST", Description = "comma list of corruptions to run (clean is always included): " + RobustnessConditions.FamilyList,
        }.CheckedBy(text => RobustnessConditions.OfFamilies(text));
        var recordings = new Option<int?>("--recordings") { HelpName = "N", Description = "only N test recordings, every digit in turn (quick runs)" };
        recordings.Validators.Add(r => { if (r.GetValueOrDefault<int?>() is < 2) r.AddError("--recordings must be at least 2"); });
        var probes = new Option<int>("--probes")
        {
            HelpName = "N", Description = "silence recordings and as many noise-only recordings for the \"no speech\" goal",
            DefaultValueFactory = _ => RobustnessOptions.DefaultProbes,
        };
        probes.Validators.Add(r => { if (r.GetValueOrDefault<int>() < 0) r.AddError("--probes cannot be negative"); });
        var part = new Option<string>("--part")
        {
            HelpName = "PART", Description = "the runs' split part to study: test, or validation (to choose a recipe by robustness without the test part; no goals are checked there)",
            DefaultValueFactory = _ => "test",
        }.CheckedBy(text => ParsePart(text));
        var variants = new Option<string[]>("--variant")
        {
            HelpName = "LABEL=DIR", Arity = ArgumentArity.ZeroOrMore, AllowMultipleArgumentsPerToken = false,
            Description = "a fused variant studied beside the runs: its runs (a report folder or run folders, one per model seed, seeds matching --run's) answer the same recordings as \"TwoStreamFusionModel (LABEL)\", each against the better single branch; repeatable",
        }.CheckedBy(text => ParseVariant(text));
        var data = new Option<string?>("--data") { HelpName = "PATH", Description = "recordings folder (default: the folder the first run was trained on, else as for train)" };
        var threads = TrainingOptions.CreateThreads();
        var resamples = ReportCommand.ResamplesOption();
        var from = new Option<string?>("--from") { HelpName = "DIR", Description = "only regenerate summary.md, robustness.html and figures from DIR/robustness.json" };
        var command = new Command("robustness",
            "every model of the runs on their FSDD test part under white and babble noise, reverberation, telephone band, gain, " +
            "placement in background noise and speed changes at graded severities, plus silence and noise-only recordings; " +
            "writes robustness.json, summary.md, robustness.html and figures/")
        {
            runs, seed, outFolder, only, recordings, probes, part, variants, data, threads, resamples, from,
        };
        command.SetAction(parse =>
        {
            if (parse.GetValue(from) is { } fromFolder)
            {
                var given = command.Options.Where(o => o != from && o != resamples && parse.WasGiven(o)).Select(o => o.Name).ToList();
                if (given.Count > 0) throw new UsageException($"--from only regenerates the summary (with --resamples); leave out {string.Join(", ", given)}");
                var folder = new RobustnessFolder(fromFolder);
                return Report(folder, RobustnessStudy.Report(folder.Load(), folder, parse.GetValue(resamples)));
            }
            var given_ = parse.GetValue(runs) ?? [];
            if (given_.Length == 0) throw new UsageException("--run DIR is required (or --from DIR)");
            SpokenDigits.Runtime.Nnpack.Apply();
            var threadCount = parse.GetValue(threads) ?? SpokenDigits.Runtime.TorchThreads.Choose().Threads;
            if (threadCount < 1) throw new UsageException("--threads must be at least 1");
            var options = new RobustnessOptions(
                Seed: parse.GetValue(seed),
                Conditions: parse.GetValue(only) is { } list ? RobustnessConditions.OfFamilies(list) : null,
                Recordings: parse.GetValue(recordings),
                Probes: parse.GetValue(probes),
                DataFolder: parse.GetValue(data),
                Command: parse.CommandText(),
                Threads: threadCount,
                Part: ParsePart(parse.GetValue(part)!),
                Variants: (parse.GetValue(variants) ?? []).Select(ParseVariant).ToList());
            var runFolders = RobustnessStudy.ExpandRuns(given_);
            var output = new RobustnessFolder(parse.GetValue(outFolder) ?? RobustnessFolder.Default(Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(given_[0]))), options.Part).Path);
            Console.WriteLine($"Output: {output.Path}");
            var results = RobustnessStudy.Run(runFolders, options, Console.Out, ConsoleCancellation.Token);
            return Report(output, RobustnessStudy.Save(results, output, parse.GetValue(resamples)));
        });
        return command;
    }

    /// <summary>"LABEL=DIR": the variant's label and its runs (DIR expanded as --run is).</summary>
    static RobustnessVariant ParseVariant(string text)
    {
        var equals = text.IndexOf('=');
        if (equals <= 0 || equals == text.Length - 1)
            throw new ArgumentException($"--variant: '{text}' is not LABEL=DIR (e.g. concat+aux+moddrop=results/realworld-variant)");
        try { return new RobustnessVariant(text[..equals].Trim(), RobustnessStudy.ExpandRuns([text[(equals + 1)..].Trim()])); }
        catch (InvalidDataException e) { throw new ArgumentException($"--variant: {e.Message}"); }
    }

    static SpokenDigits.Data.SplitPart ParsePart(string text) => text.Trim().ToLowerInvariant() switch
    {
        "test" => SpokenDigits.Data.SplitPart.Test,
        "validation" => SpokenDigits.Data.SplitPart.Validation,
        _ => throw new ArgumentException($"--part: '{text}' is not a part; use test or validation"),
    };

    static int Report(RobustnessFolder folder, (Analysis.Robustness.RobustnessSummary Summary, string? PngSkipped) written)
    {
        if (written.PngSkipped is { } note) Console.WriteLine(note);
        Console.WriteLine();
        foreach (var p in Analysis.Robustness.RobustnessDiscussion.Paragraphs(written.Summary)) Console.WriteLine(p);
        Console.WriteLine();
        Console.WriteLine($"Written: {folder.File(RobustnessFolder.ResultsFile)}, {folder.File(RobustnessFolder.SummaryFile)}, {folder.File(RobustnessFolder.HtmlFile)}, {folder.Figures}/");
        return ExitCodes.Success;
    }
}
