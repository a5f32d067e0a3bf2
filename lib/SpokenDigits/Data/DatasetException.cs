namespace SpokenDigits.Data;

/// <summary>A dataset problem a user can fix: a missing folder, no matching files, unreadable recordings.</summary>
public sealed class DatasetException : Exception
{
    public DatasetException(string message, Exception? inner = null) : base(message, inner) { }
}
