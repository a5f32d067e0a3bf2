namespace SpokenDigits;

/// <summary>Finds the project's root folder (the one holding SpokenDigits.slnx).</summary>
public static class ProjectPaths
{
    public const string SolutionFile = "SpokenDigits.slnx";

    /// <summary>The nearest ancestor of <paramref name="start"/> (default: the current directory,
    /// then this assembly's folder) holding <see cref="SolutionFile"/>; null when there is none.</summary>
    public static string? TryFindRoot(string? start = null)
    {
        foreach (var origin in start is null
                     ? new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory }
                     : new[] { start })
        {
            for (var dir = new DirectoryInfo(origin); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, SolutionFile))) return dir.FullName;
        }
        return null;
    }

    /// <summary>The default results folder: &lt;root&gt;/results, or ./results outside the project.</summary>
    public static string ResultsFolder => Path.Combine(TryFindRoot() ?? Directory.GetCurrentDirectory(), "results");
}
