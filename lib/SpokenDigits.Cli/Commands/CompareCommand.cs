using System.CommandLine;
using SpokenDigits.Analysis;
using SpokenDigits.Data;
using SpokenDigits.Runs;

namespace SpokenDigits.Cli.Commands;

/// <summary><c>spokendigits compare</c>: runs that differ in their settings side by side (an ablation of the augmentation,
/// say), each on the FSDD test part and on the test-only corpora, in a Markdown table.</summary>
public static class CompareCommand
{
    public static Command Create()
    {
        var runs = new Argument<string[]>("RUN") { Description = "run folders written by `spokendigits train`, in the order of the table", Arity = ArgumentArity.OneOrMore };
        var cross = new Option<string[]>("--cross")
        {
            HelpName = "DIR",
            Description = "a test-only corpus to evaluate each run on first (repeatable; default: ../shared/datasets/speechcommands-digits when it exists; none: only what is already evaluated)",
            AllowMultipleArgumentsPerToken = false,
        };
        var against = new Option<string?>("--against") { HelpName = "RUN", Description = "the run (folder name) every other is compared with, in accuracy points" };
        var output = new Option<string?>("--out") { HelpName = "FILE", Description = "write the table there as Markdown too (e.g. results/<study>/comparison.md)" };
        var command = new Command("compare", "runs side by side: validation, FSDD test and test-only corpus accuracy of every model") { runs, cross, against, output };
        command.SetAction(parse =>
        {
            SpokenDigits.Runtime.Nnpack.Apply();
            var folders = parse.GetValue(runs)!.Select(r => new RunFolder(r)).ToList();
            foreach (var f in folders)
                if (!File.Exists(Path.Combine(f.Path, RunFolder.ResultsFile))) throw new UsageException($"{f.Path} holds no {RunFolder.ResultsFile}: is it a finished run folder?");
            var given = parse.GetValue(cross);
            IReadOnlyList<string> corpora = given is { Length: > 0 } ? (given is ["none"] ? [] : given) : DataLocator.DefaultTestCorpora();
            Inference.TestCorpusEvaluation.EnsureEvaluated(folders, corpora, Console.Out, ConsoleCancellation.Token);
            var reference = parse.GetValue(against);
            if (reference is not null && folders.All(f => Path.GetFileName(f.Path) != reference))
                throw new UsageException($"--against {reference}: no such run among the runs given");
            var markdown = RunComparisonTable.Table(RunComparisonTable.Rows(folders), reference).ToMarkdown()
                + $"Command: `{parse.CommandText()}`" + Environment.NewLine;
            Console.WriteLine(markdown);
            if (parse.GetValue(output) is { } file)
            {
                AtomicFile.WriteAllText(file, markdown);
                Console.WriteLine($"Written to {file}");
            }
            return ExitCodes.Success;
        });
        return command;
    }
}
