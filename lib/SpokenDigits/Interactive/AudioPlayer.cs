using System.Net;

namespace SpokenDigits.Interactive;

/// <summary>
/// Audio to listen to in a notebook: 16-bit PCM mono WAV bytes, shown as
/// <c>&lt;audio controls src="data:audio/wav;base64,…"&gt;</c>.
/// </summary>
public sealed class AudioPlayer
{
    public AudioPlayer(byte[] wavBytes, string? caption = null)
    {
        WavBytes = wavBytes ?? throw new ArgumentNullException(nameof(wavBytes));
        Caption = caption;
    }

    /// <summary>A complete WAV file (RIFF/WAVE, PCM).</summary>
    public byte[] WavBytes { get; }

    public string? Caption { get; }

    /// <summary>Samples in [-1, 1] (clipped beyond) written as 16-bit PCM mono at <paramref name="sampleRate"/> Hz.</summary>
    public static AudioPlayer FromSamples(float[] samples, int sampleRate, string? caption = null) =>
        new(Pcm16Wav.Encode(samples, sampleRate), caption);

    public string DataUri => "data:audio/wav;base64," + Convert.ToBase64String(WavBytes);

    public string ToHtml()
    {
        string audio = $"<audio controls preload=\"auto\" src=\"{DataUri}\"></audio>";
        return Caption is null
            ? $"<div class=\"sd-audio\">{audio}</div>"
            : $"<div class=\"sd-audio\"><div style=\"font-size:90%;color:#555\">{WebUtility.HtmlEncode(Caption)}</div>{audio}</div>";
    }

    public override string ToString() => $"AudioPlayer({WavBytes.Length} bytes{(Caption is null ? "" : ", " + Caption)})";

    /// <summary>Minimal 16-bit PCM mono WAV writer (44-byte canonical header).</summary>
    private static class Pcm16Wav
    {
        public static byte[] Encode(float[] samples, int sampleRate)
        {
            ArgumentNullException.ThrowIfNull(samples);
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(sampleRate);
            const short channels = 1, bitsPerSample = 16;
            short blockAlign = channels * bitsPerSample / 8;
            int dataBytes = samples.Length * blockAlign;
            using var stream = new MemoryStream(44 + dataBytes);
            using (var w = new BinaryWriter(stream, System.Text.Encoding.ASCII, leaveOpen: true))
            {
                w.Write("RIFF"u8);
                w.Write(36 + dataBytes);
                w.Write("WAVE"u8);
                w.Write("fmt "u8);
                w.Write(16);
                w.Write((short)1); // PCM
                w.Write(channels);
                w.Write(sampleRate);
                w.Write(sampleRate * blockAlign);
                w.Write(blockAlign);
                w.Write(bitsPerSample);
                w.Write("data"u8);
                w.Write(dataBytes);
                foreach (float s in samples)
                {
                    float v = float.IsNaN(s) ? 0 : Math.Clamp(s, -1f, 1f);
                    w.Write((short)Math.Round(v * short.MaxValue));
                }
            }
            return stream.ToArray();
        }
    }
}
