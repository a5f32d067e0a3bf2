namespace SpokenDigits.Data;

/// <summary>Finds the recordings of a corpus on disk.</summary>
public static class RecordingCatalog
{
    /// <summary>
    /// Lists the recordings in <paramref name="folder"/>: FSDD layout (<c>{digit}_{speaker}_{take}.wav</c> directly
    /// in the folder) or AudioMNIST layout (<c>{speaker}/{digit}_{speaker}_{take}.wav</c>, where the subfolder name
    /// must equal the speaker in the file name). <see cref="DatasetLayout.Auto"/> picks FSDD when the folder itself
    /// holds matching files, else AudioMNIST. Files that do not match the pattern are ignored.
    /// </summary>
    /// <returns>Recordings sorted by digit, speaker, take, path (<see cref="RecordingOrder"/>).</returns>
    /// <exception cref="DatasetException">The folder does not exist or holds no matching files.</exception>
    public static IReadOnlyList<Recording> Discover(string folder, DatasetLayout layout = DatasetLayout.Auto)
    {
        ArgumentNullException.ThrowIfNull(folder);
        string full = Path.GetFullPath(folder);
        if (!Directory.Exists(full))
            throw new DatasetException(
                $"Recordings folder '{full}' does not exist; pass --data or set {DataLocator.EnvironmentVariable} to a folder of {RecordingFileName.Pattern} files (or download FSDD first).");

        List<Recording> found = layout switch
        {
            DatasetLayout.Fsdd => FindFsdd(full),
            DatasetLayout.AudioMnist => FindAudioMnist(full),
            _ => FindFsdd(full) is { Count: > 0 } flat ? flat : FindAudioMnist(full),
        };

        if (found.Count == 0)
            throw new DatasetException($"Recordings folder '{full}' holds no recordings: expected {Expected(layout)}{Hint(full)}.");

        found.Sort(RecordingOrder.Instance);
        return found;
    }

    private static List<Recording> FindFsdd(string folder)
    {
        var found = new List<Recording>();
        foreach (string path in Directory.EnumerateFiles(folder))
        {
            if (RecordingFileName.TryParse(Path.GetFileName(path), path) is { } recording)
                found.Add(recording);
        }

        return found;
    }

    private static List<Recording> FindAudioMnist(string folder)
    {
        var found = new List<Recording>();
        foreach (string speakerFolder in Directory.EnumerateDirectories(folder))
        {
            string speaker = Path.GetFileName(speakerFolder);
            foreach (string path in Directory.EnumerateFiles(speakerFolder))
            {
                if (RecordingFileName.TryParse(Path.GetFileName(path), path) is { } recording && recording.Speaker == speaker)
                    found.Add(recording);
            }
        }

        return found;
    }

    private static string Expected(DatasetLayout layout) => layout switch
    {
        DatasetLayout.Fsdd => $"files named {RecordingFileName.Pattern} (FSDD layout, digit 0-9)",
        DatasetLayout.AudioMnist => $"subfolders {{speaker}}/ holding {RecordingFileName.Pattern} (AudioMNIST layout, digit 0-9)",
        _ => $"files named {RecordingFileName.Pattern} (FSDD layout) or {{speaker}}/{RecordingFileName.Pattern} (AudioMNIST layout), digit 0-9",
    };

    private static string Hint(string folder)
    {
        string nested = Path.Combine(folder, "recordings");
        return Directory.Exists(nested) ? $" (did you mean '{nested}'?)" : "";
    }
}
