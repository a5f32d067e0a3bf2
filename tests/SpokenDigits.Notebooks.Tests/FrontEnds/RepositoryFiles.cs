namespace SpokenDigits.Notebooks.Tests.FrontEnds;

/// <summary>Paths of the repository this test run belongs to, and of the CLI and library builds (made by <see cref="CliBuild"/>
/// when first asked for).</summary>
internal static class RepositoryFiles
{
    /// <summary>The repository root: the folder above this test assembly that holds SpokenDigits.slnx.</summary>
    public static string Root { get; } = FindRoot();

    public static string NotebooksFolder => Path.Combine(Root, "notebooks");

    /// <summary>The helper library the notebooks load with <c>#r</c>.</summary>
    public static string LibraryDll => Built(Path.Combine(Root, "lib", "SpokenDigits", "bin", "Debug", "net10.0", "SpokenDigits.dll"));

    /// <summary>The CLI whose <c>kernel</c> command is the project's own Jupyter kernel.</summary>
    public static string CliDll => CliBuild.Dll;

    /// <summary>The FSDD recordings the tests train on: SPOKENDIGITS_DATA, else data/fsdd/recordings, else ../shared beside the repository.</summary>
    public static string Recordings
    {
        get
        {
            string? configured = Environment.GetEnvironmentVariable("SPOKENDIGITS_DATA");
            if (!string.IsNullOrEmpty(configured)) return configured;
            string local = Path.Combine(Root, "data", "fsdd", "recordings");
            return Directory.Exists(local) ? local : Path.GetFullPath(Path.Combine(Root, "..", "shared", "datasets", "fsdd", "recordings"));
        }
    }

    /// <summary>A file the CLI's build writes (the CLI references the library), after building it.</summary>
    private static string Built(string path)
    {
        _ = CliBuild.Dll;
        return File.Exists(path) ? path : throw new FileNotFoundException($"{path} is not written by the CLI's build", path);
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "SpokenDigits.slnx")))
                return dir.FullName;
        throw new InvalidOperationException($"no SpokenDigits.slnx above {AppContext.BaseDirectory}");
    }
}
