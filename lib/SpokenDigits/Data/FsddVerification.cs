namespace SpokenDigits.Data;

/// <summary>What <see cref="FsddVerifier"/> found in a recordings folder.</summary>
/// <param name="Folder">The folder checked.</param>
/// <param name="FileCount">FSDD-named WAV files found.</param>
/// <param name="SpeakerCount">Distinct speakers among them.</param>
/// <param name="DigitCount">Distinct digits among them.</param>
/// <param name="DecodedCount">Files that decoded with the expected sample rate.</param>
/// <param name="Problems">Everything wrong, one line each (empty when valid).</param>
public sealed record FsddVerification(
    string Folder,
    int FileCount,
    int SpeakerCount,
    int DigitCount,
    int DecodedCount,
    IReadOnlyList<string> Problems)
{
    /// <summary>True when nothing is wrong.</summary>
    public bool IsValid => Problems.Count == 0;

    /// <summary>A multi-line description of the problems (at most <paramref name="maxLines"/> of them).</summary>
    public string Describe(int maxLines = 25)
    {
        if (IsValid)
            return $"'{Folder}' is a complete FSDD copy: {FileCount:N0} files, {SpeakerCount} speakers, {DigitCount} digits.";
        IEnumerable<string> lines = Problems.Take(maxLines).Select(p => "  - " + p);
        string more = Problems.Count > maxLines ? $"{Environment.NewLine}  … and {Problems.Count - maxLines} more" : "";
        return $"'{Folder}' is not a complete FSDD copy ({Problems.Count} problem(s)):{Environment.NewLine}{string.Join(Environment.NewLine, lines)}{more}";
    }
}
