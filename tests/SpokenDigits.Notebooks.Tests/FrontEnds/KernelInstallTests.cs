using SpokenDigits.Notebooks.Kernel;

namespace SpokenDigits.Notebooks.Tests.FrontEnds;

/// <summary><c>spokendigits kernel install</c> beside a real .NET Interactive installation.</summary>
[Collection(JupyterKernelsCollection.Name)]
public class KernelInstallTests(JupyterKernels kernels)
{
    [Fact]
    public void Never_overwrites_the_dotnet_interactive_kernelspec()
    {
        string theirs = Path.Combine(kernels.KernelsFolder, JupyterKernels.DotNetInteractive, "kernel.json");
        string before = File.ReadAllText(theirs);
        Assert.False(KernelSpec.IsOurs(theirs));

        var prefix = Path.GetDirectoryName(Path.GetDirectoryName(kernels.JupyterPath))!;   // <prefix>/share/jupyter
        var e = Assert.Throws<InvalidOperationException>(() => KernelSpec.Install(RepositoryFiles.CliDll, prefix, JupyterKernels.DotNetInteractive));
        Assert.Contains(theirs, e.Message);
        Assert.Equal(before, File.ReadAllText(theirs));

        // Our own kernelspec is ours to rewrite (install is re-run after the repository moves).
        string ours = Path.Combine(kernels.KernelsFolder, JupyterKernels.Project, "kernel.json");
        Assert.True(KernelSpec.IsOurs(ours));
        KernelSpec.Install(RepositoryFiles.CliDll, prefix, JupyterKernels.Project);
        Assert.True(KernelSpec.IsOurs(ours));
    }
}
