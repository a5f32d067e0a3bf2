using System.Text.RegularExpressions;
using SpokenDigits.Data;

namespace SpokenDigits.Inference;

/// <summary>How <see cref="EvaluationRecordings.Discover"/> finds labelled recordings in a folder.</summary>
public enum EvaluationLayout
{
    /// <summary>FSDD or AudioMNIST when that layout covers every digit-named .wav file, else <see cref="DigitPrefix"/>.</summary>
    Auto,
    /// <summary><c>{digit}_{speaker}_{take}.wav</c> directly in the folder.</summary>
    Fsdd,
    /// <summary><c>{speaker}/{digit}_{speaker}_{take}.wav</c>.</summary>
    AudioMnist,
    /// <summary>Permissive: any <c>.wav</c> file in the folder or below whose name starts with the digit
    /// followed by a non-digit (<c>7_anything.wav</c>, <c>7-foo.wav</c>, <c>7.wav</c> are digit 7; <c>12.wav</c> is ignored).</summary>
    DigitPrefix,
}

/// <summary>Finds the labelled recordings of a folder for an evaluation.</summary>
public static partial class EvaluationRecordings
{
    [GeneratedRegex(@"^(?<digit>[0-9])(?![0-9]).*\.[Ww][Aa][Vv]$", RegexOptions.CultureInvariant)]
    private static partial Regex DigitPrefixRegex();

    /// <summary>Parses "auto", "fsdd", "audiomnist", "prefix" (or "digit-prefix", "permissive").</summary>
    public static EvaluationLayout ParseLayout(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        null or "" or "auto" => EvaluationLayout.Auto,
        "fsdd" => EvaluationLayout.Fsdd,
        "audiomnist" => EvaluationLayout.AudioMnist,
        "prefix" or "digit-prefix" or "digitprefix" or "permissive" => EvaluationLayout.DigitPrefix,
        _ => throw new ArgumentException($"unknown layout '{text}': use auto, fsdd, audiomnist or prefix"),
    };

    /// <summary>The recordings of <paramref name="folder"/> and the layout they were found in, sorted by digit then path.</summary>
    /// <exception cref="DatasetException">The folder does not exist or holds no recording in the layout.</exception>
    public static (IReadOnlyList<Recording> Recordings, EvaluationLayout Layout) Discover(string folder, EvaluationLayout layout = EvaluationLayout.Auto)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        string full = Path.GetFullPath(folder);
        if (!Directory.Exists(full)) throw new DatasetException($"recordings folder '{full}' does not exist");
        switch (layout)
        {
            case EvaluationLayout.Fsdd: return (RecordingCatalog.Discover(full, DatasetLayout.Fsdd), layout);
            case EvaluationLayout.AudioMnist: return (RecordingCatalog.Discover(full, DatasetLayout.AudioMnist), layout);
            case EvaluationLayout.DigitPrefix: return (FindDigitPrefix(full), layout);
        }
        // The strict layouts when they cover every digit-named file; else the permissive one, so that
        // a folder mixing 7_jackson_0.wav with 5-mine.wav (or a corrupt 4_x.wav) loses nothing silently.
        var prefixed = FindDigitPrefix(full, quiet: true);
        try
        {
            var recordings = RecordingCatalog.Discover(full, DatasetLayout.Auto);
            if (recordings.Count >= prefixed.Count)
            {
                bool flat = recordings.All(r => Path.GetDirectoryName(r.Path) == full);
                return (recordings, flat ? EvaluationLayout.Fsdd : EvaluationLayout.AudioMnist);
            }
        }
        catch (DatasetException) { }
        if (prefixed.Count > 0) return (prefixed, EvaluationLayout.DigitPrefix);
        throw new DatasetException($"recordings folder '{full}' holds no recordings: expected {RecordingFileName.Pattern} files (FSDD), " +
            $"{{speaker}}/{RecordingFileName.Pattern} (AudioMNIST), or .wav files whose name starts with the digit (e.g. 7_anything.wav)");
    }

    static List<Recording> FindDigitPrefix(string folder, bool quiet = false)
    {
        var found = new List<Recording>();
        var files = Directory.EnumerateFiles(folder, "*", new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true })
            .Order(StringComparer.Ordinal);
        foreach (var path in files)
        {
            var match = DigitPrefixRegex().Match(Path.GetFileName(path));
            if (!match.Success) continue;
            var relative = Path.GetRelativePath(folder, Path.GetDirectoryName(path)!);
            found.Add(new Recording(match.Groups["digit"].Value[0] - '0', relative == "." ? "" : relative.Replace('\\', '/'), found.Count, path));
        }
        if (found.Count == 0 && !quiet)
            throw new DatasetException($"recordings folder '{folder}' holds no .wav file whose name starts with a digit (e.g. 7_anything.wav)");
        return found.OrderBy(r => r.Digit).ThenBy(r => r.Path, StringComparer.Ordinal).ToList();
    }
}
