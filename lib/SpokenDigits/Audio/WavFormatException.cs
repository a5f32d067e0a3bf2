namespace SpokenDigits.Audio;

/// <summary>A WAV file that cannot be read: names the file and the problem.</summary>
public sealed class WavFormatException : Exception
{
    public WavFormatException(string filePath, string problem, Exception? inner = null)
        : base($"{filePath}: {problem}", inner)
    {
        FilePath = filePath;
        Problem = problem;
    }

    public string FilePath { get; }
    public string Problem { get; }
}
