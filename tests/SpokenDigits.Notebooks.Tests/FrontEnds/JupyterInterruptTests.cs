using System.Diagnostics;
using System.Text.Json.Nodes;
using Xunit.Abstractions;

namespace SpokenDigits.Notebooks.Tests.FrontEnds;

/// <summary>
/// Jupyter's interrupt (the stop button in JupyterLab and VS Code: jupyter_client's <c>interrupt_kernel</c>) in both
/// kernels, driven by jupyter_client itself (<c>jupyter_interrupt.py</c>). What it measures is README's "interrupt"
/// column of the kernels table: the .NET Interactive kernel declares signal interrupts and its host takes SIGINT as a
/// shutdown; the project's kernel takes the interrupt as a message and ends the cell.
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
    public void Jupyter_interrupt_ends_the_cell_in_the_project_kernel_and_the_kernel_lives_on()
    {
        var result = Interrupt(JupyterKernels.Project, SleepingCell);
        Assert.Equal("message", Str(result, "interrupt_mode"));
        Assert.Equal("error", Str(result, "interrupted_cell"));
        Assert.True(result["seconds_to_end"]!.GetValue<double>() < 10, "the interrupted cell took more than 10 s to end");
        Assert.True(result["alive_after"]!.GetValue<bool>(), "the kernel process ended");
        Assert.NotEqual("no reply", Str(result, "next_cell"));
    }

    private JsonObject Interrupt(string kernel, string cell)
    {
        // Debian's Python, where jupyter-nbconvert's jupyter_client lives
        var psi = kernels.Command("/usr/bin/python3", kernels.Scratch("interrupt-" + kernel.TrimStart('.')),
            Path.Combine(RepositoryFiles.Root, "tests", "SpokenDigits.Notebooks.Tests", "FrontEnds", "jupyter_interrupt.py"), kernel, cell, "5");
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
