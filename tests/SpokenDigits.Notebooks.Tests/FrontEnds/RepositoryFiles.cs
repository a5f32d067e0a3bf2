namespace SpokenDigits.Notebooks.Tests.FrontEnds;

/// <summary>Paths of the repository this test run belongs to, and of the builds ./run-tests makes before testing.</summary>
internal static class RepositoryFiles
{
    /// <summary>The repository root: the folder above this test assembly that holds SpokenDigits.slnx.</summary>
    public static string Root { get; } = FindRoot();

    public static string NotebooksFolder => Path.Combine(Root, "notebooks");

    /// <summary>The helper library the notebooks load with <c>#r</c>.</summary>
    public static string LibraryDll => Built(Path.Combine(Root, "lib", "SpokenDigits", "bin", "Debug", "net10.0", "SpokenDigits.dll"));

    /// <summary>The CLI whose <c>kernel</c> command is the project's own Jupyter kernel.</summary>
    public static string CliDll => Built(Path.Combine(Root, "lib", "SpokenDigits.Cli", "bin", "Debug", "net10.0", "SpokenDigits.Cli.dll"));

    private static string Built(string path) =>
        File.Exists(path) ? path : throw new FileNotFoundException($"{path} is not built: run ./run-tests (it builds SpokenDigits.slnx first)", path);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "SpokenDigits.slnx")))
                return dir.FullName;
        throw new InvalidOperationException($"no SpokenDigits.slnx above {AppContext.BaseDirectory}");
    }
}
