namespace SpokenDigits.Data.Synthetic;

/// <summary>A local text-to-speech program from Debian that can speak the ten digit words.</summary>
public enum SpeechEngine
{
    /// <summary><c>espeak-ng</c> (formant synthesis; accents and voice variants).</summary>
    EspeakNg,
    /// <summary><c>flite</c> (CMU's small diphone and clustergen voices).</summary>
    Flite,
    /// <summary><c>festival</c>'s <c>text2wave</c> (a diphone voice and an HTS statistical voice).</summary>
    Festival,
}

/// <summary>Each engine's program and the Debian package that brings it.</summary>
public static class SpeechEngines
{
    public static string Program(SpeechEngine engine) => engine switch
    {
        SpeechEngine.EspeakNg => "espeak-ng",
        SpeechEngine.Flite => "flite",
        SpeechEngine.Festival => "text2wave",
        _ => throw new ArgumentOutOfRangeException(nameof(engine)),
    };

    public static string DebianPackages(SpeechEngine engine) => engine switch
    {
        SpeechEngine.EspeakNg => "espeak-ng",
        SpeechEngine.Flite => "flite",
        SpeechEngine.Festival => "festival festvox-kallpc16k festvox-us-slt-hts",
        _ => throw new ArgumentOutOfRangeException(nameof(engine)),
    };

    /// <summary>The folder on PATH holding the engine's program, or null.</summary>
    public static string? Find(SpeechEngine engine)
    {
        string program = Program(engine);
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
            if (File.Exists(Path.Combine(dir, program))) return Path.Combine(dir, program);
        return null;
    }
}
