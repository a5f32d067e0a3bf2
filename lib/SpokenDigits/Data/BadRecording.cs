namespace SpokenDigits.Data;

/// <summary>A recording that could not be used, and why.</summary>
public sealed record BadRecording(string Path, string Problem)
{
    public override string ToString() => $"{Path}: {Problem}";
}
