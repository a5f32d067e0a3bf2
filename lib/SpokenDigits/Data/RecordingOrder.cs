namespace SpokenDigits.Data;

/// <summary>The deterministic order of recordings: digit, speaker, take, path (ordinal string comparison).</summary>
public sealed class RecordingOrder : IComparer<Recording>
{
    /// <summary>The one instance.</summary>
    public static RecordingOrder Instance { get; } = new();

    /// <inheritdoc />
    public int Compare(Recording? x, Recording? y)
    {
        if (ReferenceEquals(x, y)) return 0;
        if (x is null) return -1;
        if (y is null) return 1;
        int c = x.Digit.CompareTo(y.Digit);
        if (c != 0) return c;
        c = string.CompareOrdinal(x.Speaker, y.Speaker);
        if (c != 0) return c;
        c = x.Take.CompareTo(y.Take);
        return c != 0 ? c : string.CompareOrdinal(x.Path, y.Path);
    }
}
