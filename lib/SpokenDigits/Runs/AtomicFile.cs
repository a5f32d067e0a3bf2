namespace SpokenDigits.Runs;

/// <summary>Writes files so that a crash mid-write leaves the previous version intact: the content
/// goes to a temporary file in the same folder, which is then renamed over the target.</summary>
public static class AtomicFile
{
    public static void WriteAllText(string path, string content) =>
        Write(path, temp => File.WriteAllText(temp, content));

    public static void WriteAllBytes(string path, byte[] content) =>
        Write(path, temp => File.WriteAllBytes(temp, content));

    /// <summary>Lets <paramref name="writeTo"/> fill a temporary path, then moves it into place.</summary>
    public static void Write(string path, Action<string> writeTo)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(folder);
        var temp = Path.Combine(folder, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        try
        {
            writeTo(temp);
            File.Move(temp, path, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
    }
}
