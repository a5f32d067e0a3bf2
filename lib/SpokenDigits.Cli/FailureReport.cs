using SpokenDigits.Audio;
using SpokenDigits.Data;

namespace SpokenDigits.Cli;

/// <summary>How an exception that ends a command reaches the user. Expected failures (bad input that the user can
/// fix: a missing folder or file, an unreadable WAV, a bad dataset, a wrong combination of options) are one line;
/// anything else is a programming error or an environment problem: a short line naming the exception and the
/// <c>--verbose</c> hint, or with <c>--verbose</c> the whole exception with its stack trace.</summary>
public static class FailureReport
{
    public const string VerboseHint = "(run again with --verbose for the stack trace)";

    public const string CancelledMessage = "cancelled: models finished before the interruption are saved in the run folder.";

    /// <summary>Writes the report of <paramref name="e"/> to <paramref name="error"/> and returns the exit code.</summary>
    /// <param name="command">The command's name for the help pointer of a usage error, e.g. "spokendigits train".</param>
    public static int Write(Exception e, bool verbose, string command, TextWriter error)
    {
        switch (e)
        {
            case OperationCanceledException:
                error.WriteLine(CancelledMessage);
                return ExitCodes.Cancelled;
            case UsageException:
                error.WriteLine($"error: {e.Message}");
                error.WriteLine($"see '{command} --help'");
                return ExitCodes.Usage;
            case var _ when IsBadInput(e):
                error.WriteLine($"error: {e.Message}");
                if (verbose) error.WriteLine(e);
                return ExitCodes.Error;
            default:
                if (verbose) error.WriteLine($"unexpected error: {e}");
                else
                {
                    error.WriteLine($"unexpected error ({e.GetType().Name}): {FirstLine(e.Message)}");
                    error.WriteLine(VerboseHint);
                }
                return ExitCodes.Error;
        }
    }

    /// <summary>The exceptions that report bad input, whose message names the file and the problem.</summary>
    public static bool IsBadInput(Exception e) =>
        e is DatasetException or WavFormatException or FileNotFoundException or DirectoryNotFoundException or InvalidDataException;

    static string FirstLine(string message) => message.Split('\n', 2)[0].TrimEnd('\r');
}
