using System.Diagnostics;
using System.Text.Json;
using SpokenDigits.Cli;
using SpokenDigits.Tests.Data;

namespace SpokenDigits.Tests.Cli;

/// <summary>The CLI as users run it, in its own process: exit codes, Ctrl+C, and what it loads.</summary>
public class CliProcessTests
{
    static readonly TimeSpan Timeout = TimeSpan.FromSeconds(120);

    [Fact]
    public void ExitCodesReachTheShell()
    {
        Assert.Equal(ExitCodes.Success, CliRun.AsProcess(Timeout, "--help").Code);
        Assert.Equal(ExitCodes.Usage, CliRun.AsProcess(Timeout).Code);
        Assert.Equal(ExitCodes.Usage, CliRun.AsProcess(Timeout, "train", "--epochs", "many").Code);
        var missing = CliRun.AsProcess(Timeout, "evaluate", "--run", "/no/such/run", "--data", "/no/such/data");
        Assert.Equal(ExitCodes.Error, missing.Code);
        Assert.Equal(["error: run folder '/no/such/run' does not exist"], missing.ErrorLines);
    }

    [Fact]
    public void CtrlCStopsTrainingAfterTheCurrentStepWith130()
    {
        using var tmp = new TempFolder();
        var start = CliRun.StartInfo("train", "--data", SharedFsdd.RecordingsFolder, "--models", "raw", "--subset", "10", "--epochs", "200",
            "--threads", "1", "--out", tmp.Path, "--run", "cancelled");
        start.RedirectStandardInput = true;
        // A test host started from a background job (CI scripts, nohup, `cmd &`) has SIGINT ignored, and children
        // inherit that: start the CLI with SIGINT at its default, as a terminal does.
        start.ArgumentList.Insert(0, start.FileName);
        start.ArgumentList.Insert(0, "import os, signal, sys; signal.signal(signal.SIGINT, signal.SIG_DFL); os.execvp(sys.argv[1], sys.argv[1:])");
        start.ArgumentList.Insert(0, "-c");
        start.FileName = "/usr/bin/python3";
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        string? line;
        while ((line = process.StandardOutput.ReadLine()) is not null && !(line.Contains("epoch") && line.Contains("/200"))) { }
        Assert.NotNull(line);   // the first epoch is done: training has started
        using (var kill = Process.Start("kill", ["-INT", process.Id.ToString()])) kill.WaitForExit();
        _ = process.StandardOutput.ReadToEndAsync();
        if (!process.WaitForExit(Timeout))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail("train did not stop after SIGINT");
        }
        Assert.Equal(ExitCodes.Cancelled, process.ExitCode);
        Assert.Contains(FailureReport.CancelledMessage, error.Result);
    }

    /// <summary>run-notebook leaves the SpokenDigits library to the notebooks' own #r (see RunNotebookCommand): building
    /// the command tree with its defaults and validators must not load it.</summary>
    [Fact]
    public void RunNotebookDoesNotLoadTheLibraryItself()
    {
        using var tmp = new TempFolder();
        var notebook = tmp.Combine("probe.ipynb");
        File.WriteAllText(notebook, JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["cells"] = new[]
            {
                new Dictionary<string, object?>
                {
                    ["cell_type"] = "code", ["execution_count"] = null, ["id"] = "probe", ["metadata"] = new { }, ["outputs"] = Array.Empty<object>(),
                    ["source"] = new[] { "Console.WriteLine(\"loaded: \" + AppDomain.CurrentDomain.GetAssemblies().Any(a => a.GetName().Name == \"SpokenDigits\"));" },
                },
            },
            ["metadata"] = new { kernelspec = new { display_name = ".NET (C#)", language = "C#", name = ".net-csharp" } },
            ["nbformat"] = 4, ["nbformat_minor"] = 5,
        }));
        var outcome = CliRun.AsProcess(Timeout, "run-notebook", notebook, "--out", tmp.Combine("out"));
        Assert.Equal(ExitCodes.Success, outcome.Code);
        var executed = File.ReadAllText(tmp.Combine("out", "probe.ipynb"));
        Assert.Contains("loaded: False", executed);
    }
}
