using System.Diagnostics;
using SpokenDigits.Notebooks.Kernel;

namespace SpokenDigits.Notebooks.Tests.FrontEnds;

/// <summary>
/// A Jupyter data folder of its own (JUPYTER_PATH) with both kernels registered the way a user registers them:
/// the .NET Interactive kernel (<c>dotnet interactive jupyter install</c>: <c>.net-csharp</c>, the kernel the notebooks'
/// metadata name) and the project's own (<c>spokendigits kernel install</c>: <c>spokendigits-csharp</c>).
/// Nothing outside the folder is touched.
/// </summary>
public sealed class JupyterKernels : IDisposable
{
    public const string DotNetInteractive = ".net-csharp";
    public const string Project = KernelSpec.DefaultName;

    private readonly TempDir _dir = new();

    public JupyterKernels()
    {
        Assert.Equal(InteractiveTool.PinnedVersion, InteractiveTool.InstalledVersion());
        Directory.CreateDirectory(KernelsFolder);
        var install = InteractiveTool.Start(_dir.Path, "jupyter", "install", "--path", KernelsFolder);
        using (var p = Process.Start(install)!)
        {
            p.StandardInput.Close();
            string log = p.StandardOutput.ReadToEnd() + p.StandardError.ReadToEnd();
            Assert.True(p.WaitForExit(120_000) && p.ExitCode == 0, "dotnet interactive jupyter install failed: " + log);
        }
        Assert.True(File.Exists(Path.Combine(KernelsFolder, DotNetInteractive, "kernel.json")), "no .net-csharp kernelspec in " + KernelsFolder);
        KernelSpec.Install(RepositoryFiles.CliDll, prefix: _dir.Path, name: Project);
    }

    /// <summary>The folder to put on JUPYTER_PATH.</summary>
    public string JupyterPath => Path.Combine(_dir.Path, "share", "jupyter");   // as CommandIn sets it

    public string KernelsFolder => Path.Combine(JupyterPath, "kernels");

    public string Scratch(string name)
    {
        string path = Path.Combine(_dir.Path, name);
        Directory.CreateDirectory(path);
        return path;
    }

    /// <summary>A process start for a Jupyter command line that sees only these kernels.</summary>
    public ProcessStartInfo Jupyter(string workingDirectory, params string[] args) => Command("jupyter", workingDirectory, args);

    /// <summary>A process start for <paramref name="program"/> in an environment that sees only these kernels.</summary>
    public ProcessStartInfo Command(string program, string workingDirectory, params string[] args) =>
        CommandIn(_dir.Path, program, workingDirectory, args);

    /// <summary>
    /// A process start for <paramref name="program"/> whose Jupyter sees only the kernels under <paramref name="root"/>:
    /// JUPYTER_PATH root/share/jupyter, user data root/data (where <c>kernel install</c> writes by default), config
    /// root/config; besides those, only the system folders (/usr/share/jupyter: Debian's python3).
    /// </summary>
    public static ProcessStartInfo CommandIn(string root, string program, string workingDirectory, params string[] args)
    {
        var psi = new ProcessStartInfo(program)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in args) psi.ArgumentList.Add(a);
        psi.Environment["JUPYTER_PATH"] = Path.Combine(root, "share", "jupyter");
        psi.Environment["JUPYTER_DATA_DIR"] = Path.Combine(root, "data");   // no user kernelspecs, no user config
        psi.Environment["JUPYTER_CONFIG_DIR"] = Path.Combine(root, "config");
        psi.Environment["PATH"] = InteractiveTool.SearchPath;
        psi.Environment["DOTNET_INTERACTIVE_CLI_TELEMETRY_OPTOUT"] = "1";
        return psi;
    }

    public void Dispose() => _dir.Dispose();
}

[CollectionDefinition(Name)]
public sealed class JupyterKernelsCollection : ICollectionFixture<JupyterKernels>
{
    public const string Name = "Jupyter kernels";
}
