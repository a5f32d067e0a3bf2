namespace SpokenDigits.Data;

/// <summary>One recording of a spoken digit on disk.</summary>
/// <param name="Digit">The spoken digit, 0–9 (the class label).</param>
/// <param name="Speaker">Speaker name or id as it appears in the file name.</param>
/// <param name="Take">Take (repetition) number.</param>
/// <param name="Path">Full path of the WAV file.</param>
public sealed record Recording(int Digit, string Speaker, int Take, string Path)
{
    /// <summary>Stable id, the file name without extension: <c>{digit}_{speaker}_{take}</c>.</summary>
    public string Id => $"{Digit}_{Speaker}_{Take}";
}
