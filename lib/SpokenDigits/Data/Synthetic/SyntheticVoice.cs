using System.Globalization;

namespace SpokenDigits.Data.Synthetic;

/// <summary>One synthetic speaker: an engine and one of its voices. <see cref="Speaker"/> is the speaker name its
/// recordings carry (<c>{digit}_{speaker}_{take}.wav</c>), so it never equals a corpus speaker.</summary>
/// <param name="Engine">The program that speaks.</param>
/// <param name="Voice">The engine's voice: an espeak-ng language with a <c>+variant</c>, a flite voice, a festival voice function.</param>
/// <param name="Speaker">Letters, digits and dashes, starting with <c>tts-</c>.</param>
public sealed record SyntheticVoice(SpeechEngine Engine, string Voice, string Speaker)
{
    /// <summary>The engine's arguments that speak <paramref name="text"/> into <paramref name="wavPath"/> at
    /// <paramref name="rate"/> times the voice's normal speaking rate (pitch shifted by <paramref name="pitch"/>, −1…1,
    /// where the engine has a pitch control). <paramref name="textFile"/> holds the text for festival, which reads a file.</summary>
    public IReadOnlyList<string> Arguments(string text, string textFile, string wavPath, double rate, double pitch)
    {
        string F(double v) => v.ToString("0.###", CultureInfo.InvariantCulture);
        return Engine switch
        {
            // espeak-ng: -s words per minute (175 normal), -p pitch 0–99 (50 normal)
            SpeechEngine.EspeakNg => ["-v", Voice, "-s", ((int)Math.Round(175 * rate)).ToString(CultureInfo.InvariantCulture),
                "-p", ((int)Math.Round(50 + 20 * pitch)).ToString(CultureInfo.InvariantCulture), "-w", wavPath, text],
            SpeechEngine.Flite => ["-voice", Voice, "--setf", $"duration_stretch={F(1 / rate)}", "-t", text, "-o", wavPath],
            SpeechEngine.Festival => ["-eval", $"({Voice})", "-eval", $"(Parameter.set 'Duration_Stretch {F(1 / rate)})", "-o", wavPath, textFile],
            _ => throw new ArgumentOutOfRangeException(nameof(Engine)),
        };
    }
}
