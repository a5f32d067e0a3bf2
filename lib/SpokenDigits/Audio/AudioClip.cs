namespace SpokenDigits.Audio;

/// <summary>Decoded audio: mono samples in [-1, 1] at <see cref="SampleRate"/> Hz.</summary>
/// <param name="Samples">Mono samples (multi-channel files are mixed down by averaging).</param>
/// <param name="SampleRate">Samples per second.</param>
/// <param name="Source">Where the audio came from (a file path), for error messages.</param>
public sealed record AudioClip(float[] Samples, int SampleRate, string Source)
{
    public double DurationSeconds => (double)Samples.Length / SampleRate;
}
