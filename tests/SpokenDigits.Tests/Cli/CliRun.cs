using System.CommandLine;
using System.Diagnostics;
using SpokenDigits.Cli;

namespace SpokenDigits.Tests.Cli;

/// <summary>What one <c>spokendigits</c> command line gave: exit code, standard output, standard error.</summary>
internal sealed record CliOutcome(int Code, string Output, string Error)
{
    public string[] ErrorLines => Error.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToArray();
}

/// <summary>Runs the command line in this process (help, parse errors and failure reports are captured; the test
/// assembly runs its tests one at a time, so the console may be redirected too), or as the real program in its own process.</summary>
internal static class CliRun
{
    public static CliOutcome InProcess(params string[] args) => InProcess(SpokenDigitsCli.CreateRoot(), args);

    public static CliOutcome InProcess(RootCommand root, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var (consoleOut, consoleError) = (Console.Out, Console.Error);
        Console.SetOut(output);
        Console.SetError(error);
        try
        {
            int code = SpokenDigitsCli.Run(args, root, output, error);
            return new CliOutcome(code, output.ToString(), error.ToString());
        }
        finally
        {
            Console.SetOut(consoleOut);
            Console.SetError(consoleError);
        }
    }

    /// <summary>The CLI beside the test assembly (a project reference copies it with its runtime config).</summary>
    public static string Dll => Path.Combine(AppContext.BaseDirectory, "SpokenDigits.Cli.dll");

    public static ProcessStartInfo StartInfo(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Dll);
        foreach (var a in args) start.ArgumentList.Add(a);
        return start;
    }

    public static CliOutcome AsProcess(TimeSpan timeout, params string[] args)
    {
        using var process = Process.Start(StartInfo(args))!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"spokendigits {string.Join(' ', args)} did not finish in {timeout.TotalSeconds:0} s");
        }
        process.WaitForExit();
        return new CliOutcome(process.ExitCode, output.Result, error.Result);
    }
}
