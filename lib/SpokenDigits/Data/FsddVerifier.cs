using SpokenDigits.Audio;

namespace SpokenDigits.Data;

/// <summary>
/// Checks that a folder is a complete Free Spoken Digit Dataset v1.0.10 copy: exactly the
/// 6 speakers × 10 digits × 50 takes (3,000 files, takes 0–49), each decoding with <see cref="WavReader"/> at 8,000 Hz.
/// </summary>
public static class FsddVerifier
{
    /// <summary>The FSDD speakers.</summary>
    public static IReadOnlyList<string> Speakers { get; } = ["george", "jackson", "lucas", "nicolas", "theo", "yweweler"];

    /// <summary>Takes per speaker and digit.</summary>
    public const int TakesPerDigit = 50;

    /// <summary>Total files in a complete copy.</summary>
    public const int ExpectedFileCount = 6 * 10 * TakesPerDigit;

    /// <summary>Sample rate of every FSDD file.</summary>
    public const int SampleRate = 8_000;

    /// <summary>Most missing file names listed one by one; the rest are counted.</summary>
    private const int MaxMissingListed = 20;

    /// <summary>Checks <paramref name="recordingsFolder"/>; never throws for bad content (that goes into the problems).</summary>
    public static FsddVerification Verify(string recordingsFolder)
    {
        string folder = Path.GetFullPath(recordingsFolder);
        var problems = new List<string>();
        if (!Directory.Exists(folder))
            return new FsddVerification(folder, 0, 0, 0, 0, [$"folder '{folder}' does not exist"]);

        var present = new SortedDictionary<string, Recording>(StringComparer.Ordinal);
        foreach (string path in Directory.EnumerateFiles(folder).Order(StringComparer.Ordinal))
        {
            string name = Path.GetFileName(path);
            if (RecordingFileName.TryParse(name, path) is { } recording)
                present[name] = recording;
            else if (name.EndsWith(".wav", StringComparison.OrdinalIgnoreCase))
                problems.Add($"unexpected file {name} (not {RecordingFileName.Pattern})");
        }

        var expected = new HashSet<string>(ExpectedNames(), StringComparer.Ordinal);
        foreach (string name in present.Keys.Where(n => !expected.Contains(n)))
            problems.Add($"unexpected file {name} (not one of the 3,000 FSDD recordings)");

        List<string> missing = ExpectedNames().Where(n => !present.ContainsKey(n)).ToList();
        if (missing.Count > 0)
        {
            problems.Add($"missing {missing.Count:N0} of {ExpectedFileCount:N0} files");
            foreach (string speaker in Speakers.Where(s => !present.Values.Any(r => r.Speaker == s)))
                problems.Add($"missing speaker {speaker} (all {10 * TakesPerDigit} files)");
            problems.AddRange(missing.Take(MaxMissingListed).Select(n => $"missing {n}"));
            if (missing.Count > MaxMissingListed)
                problems.Add($"… and {missing.Count - MaxMissingListed:N0} more missing files");
        }

        int decoded = 0;
        foreach (Recording recording in present.Values)
        {
            try
            {
                AudioClip clip = WavReader.Read(recording.Path);
                if (clip.SampleRate != SampleRate)
                    problems.Add($"{Path.GetFileName(recording.Path)} is {clip.SampleRate} Hz, expected {SampleRate} Hz");
                else if (clip.Samples.Length == 0)
                    problems.Add($"{Path.GetFileName(recording.Path)} has no samples");
                else
                    decoded++;
            }
            catch (WavFormatException e)
            {
                problems.Add($"{Path.GetFileName(recording.Path)} does not decode: {e.Problem}");
            }
        }

        return new FsddVerification(
            folder,
            present.Count,
            present.Values.Select(r => r.Speaker).Distinct(StringComparer.Ordinal).Count(),
            present.Values.Select(r => r.Digit).Distinct().Count(),
            decoded,
            problems);
    }

    /// <summary>The 3,000 expected file names, in ordinal order.</summary>
    public static IEnumerable<string> ExpectedNames()
    {
        var names = new List<string>(ExpectedFileCount);
        for (int digit = 0; digit < 10; digit++)
            foreach (string speaker in Speakers)
                for (int take = 0; take < TakesPerDigit; take++)
                    names.Add($"{digit}_{speaker}_{take}.wav");
        names.Sort(StringComparer.Ordinal);
        return names;
    }
}
