namespace SpokenDigits.Audio;

/// <summary>Reads RIFF/WAVE files. (Contract; implemented in the audio work item.)</summary>
public static class WavReader
{
    /// <summary>Reads a WAV file into a mono clip; throws <see cref="WavFormatException"/> naming the file.</summary>
    public static AudioClip Read(string path) => throw new NotImplementedException();

    /// <summary>Reads WAV bytes from a stream; <paramref name="name"/> is used in error messages.</summary>
    public static AudioClip Read(Stream stream, string name) => throw new NotImplementedException();
}
