using SpokenDigits.Runs;
using System.CommandLine;
using SpokenDigits.Cli;
using SpokenDigits;
using SpokenDigits.Tests.Data;

namespace SpokenDigits.Tests.Cli;

/// <summary>The exit codes of <see cref="ExitCodes"/> and what the user reads with each: parse errors from
/// System.CommandLine (2), bad input as one line (1), unexpected errors as a short line and the --verbose hint, or
/// with --verbose the stack trace (1), Ctrl+C (130).</summary>
public class ExitCodeTests
{
    [Theory]
    [InlineData]                                           // no command
    [InlineData("trian")]                                  // unknown command
    [InlineData("train", "--epoch", "3")]                  // unknown option
    [InlineData("train", "--epochs", "many")]              // not a number
    [InlineData("train", "--fusion", "sum")]               // not one of the fusions
    [InlineData("train", "--split", "speakerz")]           // a library parser's refusal
    [InlineData("report", "--resamples", "0")]
    [InlineData("predict", "a.wav")]                       // --run is required
    [InlineData("predict", "--run", "results/x")]          // no WAV file
    [InlineData("ablation", "--seeds", "0", "--report", "r")]
    [InlineData("kernel", "install", "--user", "--prefix", "/tmp/x")]
    [InlineData("completion", "fish")]
    [InlineData("run-notebook", "no-such-notebook.ipynb")]
    public void ParseErrorsExitWithTwo(params string[] args)
    {
        var outcome = CliRun.InProcess(args);
        Assert.Equal(ExitCodes.Usage, outcome.Code);
        Assert.NotEmpty(outcome.ErrorLines);
        Assert.Contains("Usage:", outcome.Output);   // the command's help follows the error
    }

    [Fact]
    public void AParseErrorNamesTheOptionAndTheProblem()
    {
        var outcome = CliRun.InProcess("train", "--remedies", "aux+magic");
        Assert.Equal(ExitCodes.Usage, outcome.Code);
        Assert.Contains(outcome.ErrorLines, l => l.StartsWith("--remedies", StringComparison.Ordinal) && l.Contains("'magic'"));
    }

    [Fact]
    public void UsageErrorsFoundByACommandExitWithTwoAndPointToItsHelp()
    {
        var outcome = CliRun.InProcess("bench", "--mirror", "mirror.py");
        Assert.Equal(ExitCodes.Usage, outcome.Code);
        Assert.Equal(["error: --mirror names the PyTorch mirror for --compare", "see 'spokendigits bench --help'"], outcome.ErrorLines);
    }

    [Fact]
    public void BenchRefusesAMissingDemoRunBeforeMeasuringAnything()
    {
        using var tmp = new TempFolder();
        var missing = tmp.Combine("no-such-run");
        var outcome = CliRun.InProcess("bench", "--demo-run", missing);
        Assert.Equal(ExitCodes.Usage, outcome.Code);
        Assert.Equal([$"error: --demo-run: run folder '{missing}' does not exist", "see 'spokendigits bench --help'"], outcome.ErrorLines);
        Assert.DoesNotContain("Feature extraction", outcome.Output);   // refused before any measurement
    }

    [Fact]
    public void BenchDemoOnlyWithDemoRunNoneIsAUsageError()
    {
        var outcome = CliRun.InProcess("bench", "--demo-only", "--demo-run", "none");
        Assert.Equal(ExitCodes.Usage, outcome.Code);
        Assert.Equal("error: --demo-only needs a run: --demo-run none measures nothing", outcome.ErrorLines[0]);
    }

    [Fact]
    public void BadInputIsOneLineNamingTheFolderAndExitsWithOne()
    {
        using var tmp = new TempFolder();
        var missing = tmp.Combine("no-such-run");
        var outcome = CliRun.InProcess("predict", "--run", missing, "a.wav");
        Assert.Equal(ExitCodes.Error, outcome.Code);
        var line = Assert.Single(outcome.ErrorLines);
        Assert.StartsWith("error: ", line);
        Assert.Contains(missing, line);
    }

    [Fact]
    public void AnUnreadableWavIsNamedWithItsProblem()
    {
        using var tmp = new TempFolder();
        var wav = tmp.Combine("7_broken.wav");
        File.WriteAllText(wav, "not a wav");
        var run = Path.Combine(ProjectPaths.TryFindRoot()!, "results", "notebooks", "runs", "official-seed42-e15");   // a committed run
        var outcome = CliRun.InProcess("predict", "--run", run, wav);
        Assert.Equal(ExitCodes.Error, outcome.Code);
        Assert.Equal(2, outcome.ErrorLines.Length);
        Assert.StartsWith($"skipped: {wav}: ", outcome.ErrorLines[0]);
        Assert.Equal("error: none of the 1 files could be read", outcome.ErrorLines[1]);
    }

    /// <summary>The real tree with one more command that fails as told, to see how failures are reported.</summary>
    static RootCommand Failing(Exception failure)
    {
        var root = SpokenDigitsCli.CreateRoot();
        var command = new Command("fail", "fails");
        command.SetAction(_ => Throw(failure));
        root.Subcommands.Add(command);
        return root;
    }

    static int Throw(Exception e) => throw e;

    [Fact]
    public void AnUnexpectedErrorIsAShortLineAndTheVerboseHint()
    {
        var outcome = CliRun.InProcess(Failing(new InvalidOperationException("the weights tensor is on another device")), "fail");
        Assert.Equal(ExitCodes.Error, outcome.Code);
        Assert.Equal(["unexpected error (InvalidOperationException): the weights tensor is on another device", FailureReport.VerboseHint],
            outcome.ErrorLines);
    }

    [Fact]
    public void VerboseShowsTheStackTraceOfAnUnexpectedError()
    {
        foreach (var args in new[] { new[] { "fail", "--verbose" }, ["--verbose", "fail"] })
        {
            var outcome = CliRun.InProcess(Failing(new InvalidOperationException("boom")), args);
            Assert.Equal(ExitCodes.Error, outcome.Code);
            Assert.Contains("System.InvalidOperationException: boom", outcome.Error);
            Assert.Contains(outcome.ErrorLines, l => l.TrimStart().StartsWith("at ", StringComparison.Ordinal) && l.Contains(nameof(Throw)));
        }
    }

    [Fact]
    public void AProgrammingErrorIsNotDisguisedAsBadInput()
    {
        var outcome = CliRun.InProcess(Failing(new ArgumentException("index must be below 3")), "fail");
        Assert.Equal(ExitCodes.Error, outcome.Code);
        Assert.StartsWith("unexpected error (ArgumentException)", outcome.ErrorLines[0]);
        Assert.Contains(FailureReport.VerboseHint, outcome.ErrorLines);
    }

    [Fact]
    public void CancellationExitsWith130()
    {
        var outcome = CliRun.InProcess(Failing(new OperationCanceledException()), "fail");
        Assert.Equal(ExitCodes.Cancelled, outcome.Code);
        Assert.Equal([FailureReport.CancelledMessage], outcome.ErrorLines);
    }

    [Fact]
    public void SuccessExitsWithZero()
    {
        var outcome = CliRun.InProcess("completion", "bash");
        Assert.Equal(ExitCodes.Success, outcome.Code);
        Assert.Equal("", outcome.Error);
    }
}
