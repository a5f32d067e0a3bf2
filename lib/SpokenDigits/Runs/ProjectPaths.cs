using SpokenDigits.Data;

namespace SpokenDigits.Runs;

/// <summary>Folders of the project a command or notebook runs in.</summary>
public static class ProjectPaths
{
    /// <summary>The project root (the folder holding SpokenDigits.slnx) above the current directory,
    /// else above this assembly's folder; null when neither lies inside the project.</summary>
    public static string? TryFindRoot() =>
        DataLocator.FindProjectRoot() ?? DataLocator.FindProjectRoot(AppContext.BaseDirectory);

    /// <summary>The default results folder: &lt;root&gt;/results, or ./results outside the project.</summary>
    public static string ResultsFolder => Path.Combine(TryFindRoot() ?? Directory.GetCurrentDirectory(), "results");
}
