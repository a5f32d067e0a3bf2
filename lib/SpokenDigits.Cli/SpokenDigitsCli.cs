using System.CommandLine;
using System.CommandLine.Parsing;
using SpokenDigits.Cli.Commands;

namespace SpokenDigits.Cli;

/// <summary>The <c>spokendigits</c> command tree and its one way of running: System.CommandLine parses, prints help
/// and parse errors (exit code 2); the chosen command runs; an exception that ends it is reported by
/// <see cref="FailureReport"/>.</summary>
public static class SpokenDigitsCli
{
    /// <summary>The tool's name as users type it (the wrapper script <c>./spokendigits</c>).</summary>
    public const string Name = "spokendigits";

    public const string Description =
        "spokendigits: does fusing a raw-waveform CNN with a spectrogram CNN classify spoken digits better than either alone?";

    /// <summary>Every command, each option defined once with its description and default.</summary>
    public static RootCommand CreateRoot()
    {
        var root = new RootCommand(Description)
        {
            DownloadCommand.Create(),
            SynthesizeVoicesCommand.Create(),
            TrainCommand.Create(),
            RunNotebookCommand.Create(),
            BenchCommand.Create(),
            PredictCommand.Create(),
            DemoCommand.Create(),
            EvaluateCommand.Create(),
            RobustnessCommand.Create(),
            CompareCommand.Create(),
            CompareReportsCommand.Create(),
            ReportCommand.Create(),
            EarlierMethodsCommand.Create(),
            AblationCommand.Create(),
            ReproduceCommand.Create(),
            KernelCommand.Create(),
            CompletionCommand.Create(),
            HelpCommand.Create(),
        };
        root.Options.Add(new VerboseOption());
        HelpLayout.NameTool(root, Name);
        return root;
    }

    /// <summary>Parses <paramref name="args"/> and runs the command; returns the exit code (<see cref="ExitCodes"/>).</summary>
    /// <param name="root">The command tree (default <see cref="CreateRoot"/>).</param>
    /// <param name="output">Where help goes (default the console).</param>
    /// <param name="error">Where parse errors and failure reports go (default the console's error stream).</param>
    public static int Run(string[] args, RootCommand? root = null, TextWriter? output = null, TextWriter? error = null)
    {
        var configuration = new InvocationConfiguration
        {
            Output = output ?? Console.Out,
            Error = error ?? Console.Error,
            EnableDefaultExceptionHandler = false,   // FailureReport decides what the user sees
            ProcessTerminationTimeout = null,        // Ctrl+C is ConsoleCancellation's: stop after the current step
        };
        ParseResult? parse = null;
        try
        {
            parse = (root ?? CreateRoot()).Parse(args);
            if (parse.Errors.Count == 0) return parse.Invoke(configuration);
            parse.Invoke(configuration);   // the errors, then the command's help
            return ExitCodes.Usage;
        }
        catch (Exception e)
        {
            var command = string.Join(' ', new[] { Name }.Concat(parse is null ? [] : CommandPath(parse)));
            bool verbose = parse is null ? args.Contains("--verbose") : VerboseOption.IsOn(parse);
            return FailureReport.Write(e, verbose, command, configuration.Error);
        }
    }

    static IEnumerable<string> CommandPath(ParseResult parse)
    {
        var names = new List<string>();
        for (SymbolResult? r = parse.CommandResult; r is CommandResult { Parent: not null } c; r = c.Parent)
            names.Insert(0, c.Command.Name);
        return names;
    }
}
