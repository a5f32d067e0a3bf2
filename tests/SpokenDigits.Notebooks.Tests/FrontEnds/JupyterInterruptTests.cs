using System.Diagnostics;
using System.Text.Json.Nodes;
using Xunit.Abstractions;

namespace SpokenDigits.Notebooks.Tests.FrontEnds;

/// <summary>
/// Jupyter's interrupt (the stop button in JupyterLab and VS Code: jupyter_client's <c>interrupt_kernel</c>) in both
/// kernels, driven by jupyter_client itself (<c>jupyter_interrupt.py</c>). What it measures is README's "interrupt"
/// column of the kernels table: the .NET Interactive kernel declares signal interrupts and its host takes SIGINT as a
/// shutdown; the project's kernel takes the interrupt as a message, ends the cell and keeps the session.
/// </summary>
[Collection(JupyterKernelsCollection.Name)]
public class JupyterInterruptTests(JupyterKernels kernels, ITestOutputHelper output)
{
    private const string SleepingCell = "System.Threading.Thread.Sleep(60000);";

    [Fact]
    public void Jupyter_interrupt_ends_the_NET_Interactive_kernel_process()
    {
        var result = Interrupt(JupyterKernels.DotNetInteractive, SleepingCell);
        Assert.Equal("signal", Str(result, "interrupt_mode"));
        Assert.Equal("kernel died", Str(result, "interrupted_cell"));
        Assert.False(result["alive_after"]!.GetValue<bool>());
    }

    [Fact]
    public void Jupyter_interrupt_ends_the_cell_in_the_project_kernel_and_keeps_the_session()
    {
        var result = Interrupt(JupyterKernels.Project, SleepingCell);
        Assert.Equal("message", Str(result, "interrupt_mode"));
        Assert.Equal("error", Str(result, "interrupted_cell"));
        Assert.True(result["seconds_to_end"]!.GetValue<double>() < 10, "the interrupted cell took more than 10 s to end");
        Assert.True(result["alive_after"]!.GetValue<bool>(), "the kernel process ended");
        Assert.Equal("ok", Str(result, "next_cell")); // keep + 1: the session went on, with the variable from before
    }

    [Fact]
    public void Jupyter_interrupt_stops_a_training_cell_in_the_project_kernel_at_its_next_batch()
    {
        string folder = kernels.Scratch("interrupt-training");
        string ended = Path.Combine(folder, "training-ended.txt");
        string cell = $"#r \"{RepositoryFiles.LibraryDll}\"\nusing SpokenDigits.Interactive;\nusing SpokenDigits.Models;\n"
            + TrainingCell.Code(Path.Combine(folder, "runs"), ended);
        var result = Interrupt(JupyterKernels.Project, cell, secondsBeforeInterrupt: 20);
        Assert.Equal("error", Str(result, "interrupted_cell"));
        Assert.StartsWith("OperationCanceledException: The cell was interrupted.", Str(result, "interrupted_error"));
        Assert.DoesNotContain("background", Str(result, "interrupted_error"));   // stopped, not abandoned
        Assert.True(result["seconds_to_end"]!.GetValue<double>() < NotebookSession.StopGrace.TotalSeconds + 1,
            "the training cell did not stop within the grace period: the library did not see the cell's cancellation");
        Assert.True(File.Exists(ended), "the training call never returned");
        Assert.Equal("ok", Str(result, "next_cell"));
    }

    private JsonObject Interrupt(string kernel, string cell, int secondsBeforeInterrupt = 5)
    {
        // Debian's Python, where jupyter-nbconvert's jupyter_client lives
        var psi = kernels.Command("/usr/bin/python3", kernels.Scratch("interrupt-" + kernel.TrimStart('.')),
            Path.Combine(RepositoryFiles.Root, "tests", "SpokenDigits.Notebooks.Tests", "FrontEnds", "jupyter_interrupt.py"), kernel, cell,
            secondsBeforeInterrupt.ToString(System.Globalization.CultureInfo.InvariantCulture));
        using var p = Process.Start(psi)!;
        var stderr = p.StandardError.ReadToEndAsync();
        string stdout = p.StandardOutput.ReadToEnd();
        Assert.True(p.WaitForExit(300_000), $"jupyter_interrupt.py did not finish for {kernel}");
        string last = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).LastOrDefault() ?? "";
        output.WriteLine(last);
        Assert.True(p.ExitCode == 0 && last.StartsWith('{'), $"jupyter_interrupt.py failed for {kernel}:\n{stdout}\n{stderr.Result}");
        return (JsonObject)JsonNode.Parse(last)!;
    }

    private static string? Str(JsonObject o, string name) => o[name]?.GetValue<string>();
}
