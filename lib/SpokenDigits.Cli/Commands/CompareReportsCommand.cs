using System.CommandLine;
using SpokenDigits.Analysis;
using SpokenDigits.Models;
using SpokenDigits.Rendering;
using SpokenDigits.Runs;

namespace SpokenDigits.Cli.Commands;

/// <summary><c>spokendigits compare-reports</c>: two multi-seed reports that differ in one setting, model by model and
/// paired by seed, on the FSDD test part and on every test-only corpus both were evaluated on.</summary>
public static class CompareReportsCommand
{
    public static Command Create()
    {
        var baseline = new Argument<string>("BASELINE") { Description = "the report folder without the change (its seed-N runs)" };
        var changed = new Argument<string>("CHANGED") { Description = "the report folder with it" };
        var baselineLabel = new Option<string>("--baseline-label") { HelpName = "TEXT", Description = "what the baseline is called in the table", DefaultValueFactory = _ => "baseline" };
        var changedLabel = new Option<string>("--changed-label") { HelpName = "TEXT", Description = "what the change is called", DefaultValueFactory = _ => "changed" };
        var output = new Option<string?>("--out") { HelpName = "FILE", Description = "write the comparison there as Markdown too" };
        var pairs = new Option<string[]>("--pair")
        {
            HelpName = "BASE=CHANGED", Arity = ArgumentArity.ZeroOrMore, AllowMultipleArgumentsPerToken = false,
            Description = "set model BASE of the baseline report against model CHANGED of the other, e.g. spec=fusion (raw, spec, fusion or a class name; repeatable; default: every model both reports hold, each against itself)",
        }.CheckedBy(text => ParsePair(text));
        var resamples = ReportCommand.ResamplesOption();
        var command = new Command("compare-reports", "two multi-seed reports that differ in one setting, paired by seed: accuracy, difference with its bootstrap interval, McNemar")
            { baseline, changed, baselineLabel, changedLabel, pairs, resamples, output };
        command.SetAction(parse =>
        {
            foreach (var folder in new[] { parse.GetValue(baseline)!, parse.GetValue(changed)! })
                if (!Directory.Exists(folder)) throw new UsageException($"report folder '{Path.GetFullPath(folder)}' does not exist");
            var asked = parse.GetValue(pairs) is { Length: > 0 } given ? given.Select(ParsePair).ToList() : null;
            var rows = ReportPairComparison.Compute(new ReportFolder(parse.GetValue(baseline)!), new ReportFolder(parse.GetValue(changed)!),
                parse.GetValue(resamples), pairs: asked);
            var markdown = ReportPairMarkdown.Render(rows, parse.GetValue(baselineLabel)!, parse.GetValue(changedLabel)!, parse.CommandText());
            Console.WriteLine(markdown);
            if (parse.GetValue(output) is { } file)
            {
                Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(file))!);
                AtomicFile.WriteAllText(file, markdown);
                Console.WriteLine($"Wrote {Path.GetFullPath(file)}");
            }
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>"BASE=CHANGED" as the two models' class names.</summary>
    static (string Baseline, string Changed) ParsePair(string text)
    {
        var parts = text.Split('=');
        if (parts.Length != 2 || parts.Any(p => p.Trim().Length == 0))
            throw new ArgumentException($"'{text}' is not BASE=CHANGED (e.g. spec=fusion)");
        return (ModelCatalog.Name(ModelCatalog.Parse(parts[0])), ModelCatalog.Name(ModelCatalog.Parse(parts[1])));
    }
}
