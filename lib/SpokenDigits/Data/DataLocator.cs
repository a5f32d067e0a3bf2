namespace SpokenDigits.Data;

/// <summary>
/// Finds the FSDD recordings folder. Order: an explicit path; else the <see cref="EnvironmentVariable"/>
/// environment variable; else <c>&lt;project root&gt;/data/fsdd/recordings</c>; else
/// <c>&lt;project root&gt;/../shared/datasets/fsdd/recordings</c>. The project root is the nearest ancestor of the
/// start directory (default: the current directory) that holds <see cref="SolutionFileName"/>.
/// An explicit path or environment value that names a folder holding <c>recordings/</c> (e.g. <c>data/fsdd</c>)
/// resolves to that <c>recordings/</c> subfolder.
/// </summary>
public static class DataLocator
{
    /// <summary>Environment variable naming the recordings folder.</summary>
    public const string EnvironmentVariable = "SPOKENDIGITS_DATA";

    /// <summary>The file that marks the project root.</summary>
    public const string SolutionFileName = "SpokenDigits.slnx";

    /// <summary>Returns the recordings folder (full path).</summary>
    /// <exception cref="DatasetException">None of the candidates exists; the message lists what was tried.</exception>
    public static string FindRecordings(string? explicitPath = null, string? startDirectory = null)
        => FindRecordings(explicitPath, startDirectory, Environment.GetEnvironmentVariable(EnvironmentVariable));

    /// <summary>As <see cref="FindRecordings(string?, string?)"/>, with the environment value passed in (for tests).</summary>
    internal static string FindRecordings(string? explicitPath, string? startDirectory, string? environmentValue)
    {
        if (!string.IsNullOrWhiteSpace(explicitPath))
            return Existing(explicitPath, "the path given (--data)");
        if (!string.IsNullOrWhiteSpace(environmentValue))
            return Existing(environmentValue, $"the {EnvironmentVariable} environment variable");

        var tried = new List<string>();
        string? root = FindProjectRoot(startDirectory);
        if (root is not null)
        {
            foreach (string candidate in ProjectCandidates(root))
            {
                if (Directory.Exists(candidate))
                    return candidate;
                tried.Add(candidate);
            }
        }

        string start = Path.GetFullPath(startDirectory ?? Directory.GetCurrentDirectory());
        string rootNote = root is null
            ? $"no {SolutionFileName} found in '{start}' or its ancestors"
            : $"tried {string.Join(", ", tried.Select(t => $"'{t}'"))}";
        throw new DatasetException(
            $"Cannot find the FSDD recordings: no --data path, {EnvironmentVariable} is not set, and {rootNote}. " +
            $"Pass --data <folder>, set {EnvironmentVariable}, or download FSDD into data/fsdd.");
    }

    /// <summary>The nearest ancestor of <paramref name="startDirectory"/> (inclusive) holding <see cref="SolutionFileName"/>, or null.</summary>
    public static string? FindProjectRoot(string? startDirectory = null)
    {
        var directory = new DirectoryInfo(Path.GetFullPath(startDirectory ?? Directory.GetCurrentDirectory()));
        for (; directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, SolutionFileName)))
                return directory.FullName;
        }

        return null;
    }

    /// <summary>Where <see cref="FsddDownloader"/> puts FSDD by default: <c>&lt;project root&gt;/data/fsdd</c>.</summary>
    /// <exception cref="DatasetException">No project root is found.</exception>
    public static string DefaultDownloadFolder(string? startDirectory = null)
    {
        string? root = FindProjectRoot(startDirectory)
            ?? throw new DatasetException($"No {SolutionFileName} found above '{Path.GetFullPath(startDirectory ?? Directory.GetCurrentDirectory())}'; give a target folder explicitly.");
        return Path.Combine(root, "data", "fsdd");
    }

    /// <summary>The test-only corpora beside the project that every report evaluates its runs on when they exist:
    /// <c>&lt;project root&gt;/../shared/datasets/speechcommands-digits</c> (437 clips of other speakers; never trained on).</summary>
    public static IReadOnlyList<string> DefaultTestCorpora(string? startDirectory = null)
    {
        if (FindProjectRoot(startDirectory) is not { } root) return [];
        var speechCommands = Path.GetFullPath(Path.Combine(root, "..", "shared", "datasets", "speechcommands-digits"));
        return Directory.Exists(speechCommands) ? [speechCommands] : [];
    }

    private static IEnumerable<string> ProjectCandidates(string root)
    {
        yield return Path.Combine(root, "data", "fsdd", "recordings");
        yield return Path.GetFullPath(Path.Combine(root, "..", "shared", "datasets", "fsdd", "recordings"));
    }

    private static string Existing(string path, string origin)
    {
        string full = Path.GetFullPath(path);
        if (!Directory.Exists(full))
            throw new DatasetException($"Recordings folder '{full}' from {origin} does not exist.");
        string nested = Path.Combine(full, "recordings");
        bool holdsWavs = Directory.EnumerateFiles(full, "*.wav").Any() || Directory.EnumerateFiles(full, "*.WAV").Any();
        return !holdsWavs && Directory.Exists(nested) ? nested : full;
    }
}
