using System.CommandLine;

namespace SpokenDigits.Cli;

/// <summary><c>--verbose</c>, accepted by every command: an unexpected error is shown with its stack trace.</summary>
public sealed class VerboseOption : Option<bool>
{
    public VerboseOption() : base("--verbose")
    {
        Description = "show the stack trace of an unexpected error";
        Recursive = true;
    }

    /// <summary>Whether <c>--verbose</c> was given anywhere on the parsed command line.</summary>
    public static bool IsOn(ParseResult parse) =>
        parse.RootCommandResult.Command.Options.OfType<VerboseOption>().Any(o => parse.GetValue(o));
}
