namespace SpokenDigits.Data;

/// <summary>A corpus, split or download request that cannot be satisfied; the message says why and what to do.</summary>
public sealed class DatasetException : Exception
{
    public DatasetException(string message, Exception? inner = null)
        : base(message, inner)
    {
    }
}
