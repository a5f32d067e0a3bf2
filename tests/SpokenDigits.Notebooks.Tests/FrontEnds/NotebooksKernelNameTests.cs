using System.Diagnostics;
using System.Text.Json.Nodes;
using SpokenDigits.Notebooks.Kernel;
using Xunit.Abstractions;

namespace SpokenDigits.Notebooks.Tests.FrontEnds;

/// <summary>
/// The notebooks' metadata name the kernelspec <c>.net-csharp</c> (.NET Interactive's). <c>spokendigits kernel install</c>
/// registers the project's kernel under that name too where no other kernel has it, so a notebook runs where only the
/// project's kernel is installed without a kernel chosen by hand; a <c>.net-csharp</c> that is not ours is left alone.
/// Each test has a Jupyter of its own (<see cref="JupyterKernels.CommandIn"/>): nothing outside a temporary folder is touched.
/// </summary>
public class NotebooksKernelNameTests(ITestOutputHelper output)
{
    [Fact]
    public void With_only_the_project_kernel_installed_nbconvert_runs_a_notebook_without_a_kernel_name()
    {
        using var root = new TempDir();
        string log = Install(root.Path);
        Assert.Contains($"installed kernelspec '{KernelSpec.NotebooksName}'", log);
        string alias = Path.Combine(root.Path, "data", "kernels", KernelSpec.NotebooksName, "kernel.json");
        Assert.True(KernelSpec.IsOurs(alias), $"{alias} does not start the project's kernel");
        Assert.Equal(KernelSpec.NotebooksDisplayName, JsonNode.Parse(File.ReadAllText(alias))!["display_name"]!.GetValue<string>());

        string notebook = "01-data.ipynb";
        string copy = QuickNotebook.CopyInto(Path.Combine(root.Path, "home"), notebook);
        Assert.Equal(KernelSpec.NotebooksName, Notebook.Load(copy).Metadata["kernelspec"]?["name"]?.GetValue<string>());
        string executed = Path.Combine(root.Path, "executed");
        // no --ExecutePreprocessor.kernel_name: nbconvert takes the kernel the notebook's metadata name
        var psi = JupyterKernels.CommandIn(root.Path, "jupyter", Path.GetDirectoryName(copy)!, "nbconvert", "--to", "notebook", "--execute",
            "--ExecutePreprocessor.timeout=600", "--output-dir", executed, copy);
        psi.Environment["SPOKENDIGITS_NOTEBOOK_RUNS"] = Path.Combine(root.Path, "runs");
        psi.Environment["SPOKENDIGITS_DATA"] = RepositoryFiles.Recordings;
        var clock = Stopwatch.StartNew();
        var (exit, stdout, stderr) = Run(psi, TimeSpan.FromMinutes(11));
        output.WriteLine($"{notebook}: exit {exit} after {clock.Elapsed.TotalSeconds:0} s");
        Assert.True(exit == 0, $"nbconvert --execute {notebook} failed (exit {exit}):\n{stdout}\n{Tail(stderr, 4000)}");

        var outputs = NotebookOutputs.Load(Path.Combine(executed, notebook));
        Assert.Empty(outputs.Cells.SelectMany(c => c.Errors));
        Assert.True(outputs.ChartsPerCell.Sum() > 0, "no chart: the cells did not run in a kernel that shows them");
        // it was our kernel that ran them: the runtime's language_info is the project kernel's
        Assert.Equal("csharp", Notebook.Load(Path.Combine(executed, notebook)).Metadata["language_info"]?["name"]?.GetValue<string>());
    }

    [Fact]
    public void A_net_csharp_kernelspec_that_is_not_ours_is_left_alone()
    {
        using var root = new TempDir();
        // another kernel under the notebooks' name, on JUPYTER_PATH (where .NET Interactive's `jupyter install --path` puts it)
        string theirs = Path.Combine(root.Path, "share", "jupyter", "kernels", KernelSpec.NotebooksName, "kernel.json");
        Directory.CreateDirectory(Path.GetDirectoryName(theirs)!);
        string spec = """{ "argv": ["dotnet", "interactive", "jupyter", "--default-kernel", "csharp", "{connection_file}"], "display_name": ".NET (C#)", "language": "C#" }""";
        File.WriteAllText(theirs, spec);
        // and an earlier copy of ours in the user folder, which would hide it
        string earlier = Path.Combine(root.Path, "data", "kernels", KernelSpec.NotebooksName, "kernel.json");
        Directory.CreateDirectory(Path.GetDirectoryName(earlier)!);
        File.WriteAllText(earlier, KernelSpec.KernelJson(RepositoryFiles.CliDll).ToJsonString());

        string log = Install(root.Path);
        Assert.Contains($"left kernelspec '{KernelSpec.NotebooksName}' in {Path.GetDirectoryName(theirs)} as it is", log);
        Assert.Contains("removed this kernel's earlier", log);
        Assert.Equal(spec, File.ReadAllText(theirs));
        Assert.False(File.Exists(earlier), "our earlier .net-csharp copy still hides the other kernel's");
        Assert.True(KernelSpec.IsOurs(Path.Combine(root.Path, "data", "kernels", KernelSpec.DefaultName, "kernel.json")));

        // the other kernel only in the very folder install writes to: still left alone
        Directory.Delete(Path.GetDirectoryName(theirs)!, recursive: true);
        Directory.CreateDirectory(Path.GetDirectoryName(earlier)!);
        File.WriteAllText(earlier, spec);
        log = Install(root.Path);
        Assert.Contains($"left kernelspec '{KernelSpec.NotebooksName}' in {Path.GetDirectoryName(earlier)} as it is", log);
        Assert.Equal(spec, File.ReadAllText(earlier));
    }

    /// <summary><c>spokendigits kernel install</c> (the user's folder: root/data/kernels); returns its output.</summary>
    private string Install(string root)
    {
        var psi = JupyterKernels.CommandIn(root, "dotnet", root, RepositoryFiles.CliDll, "kernel", "install");
        var (exit, stdout, stderr) = Run(psi, TimeSpan.FromMinutes(2));
        output.WriteLine(stdout);
        Assert.True(exit == 0, $"kernel install failed (exit {exit}):\n{stdout}\n{stderr}");
        return stdout;
    }

    private static (int Exit, string Stdout, string Stderr) Run(ProcessStartInfo psi, TimeSpan timeout)
    {
        using var p = Process.Start(psi)!;
        var stderr = p.StandardError.ReadToEndAsync();
        var stdout = p.StandardOutput.ReadToEndAsync();
        if (!p.WaitForExit(timeout))
        {
            p.Kill(entireProcessTree: true);
            return (-1, stdout.Result, stderr.Result + "\n(timed out)");
        }
        return (p.ExitCode, stdout.Result, stderr.Result);
    }

    private static string Tail(string text, int chars) => text.Length <= chars ? text : "…" + text[^chars..];
}
