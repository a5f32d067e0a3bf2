namespace SpokenDigits.Data.Synthetic;

/// <summary>The synthetic speakers made from Debian's engines, and the takes each one speaks.</summary>
public static class SyntheticVoiceCatalog
{
    /// <summary>espeak-ng's English accents.</summary>
    public static readonly IReadOnlyList<string> EspeakAccents =
        ["en-us", "en-gb", "en-gb-scotland", "en-gb-x-rp", "en-gb-x-gbclan", "en-gb-x-gbcwmd", "en-029"];
    /// <summary>espeak-ng voice variants: two male, two female timbres.</summary>
    public static readonly IReadOnlyList<string> EspeakVariants = ["m1", "m3", "f2", "f4"];
    /// <summary>flite's built-in voices.</summary>
    public static readonly IReadOnlyList<string> FliteVoices = ["kal", "kal16", "awb", "rms", "slt"];
    /// <summary>festival's voices from festvox-kallpc16k and festvox-us-slt-hts.</summary>
    public static readonly IReadOnlyList<string> FestivalVoices = ["voice_kal_diphone", "voice_cmu_us_slt_arctic_hts"];

    /// <summary>The ten digit words, index = label.</summary>
    public static readonly IReadOnlyList<string> DigitWords = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"];

    /// <summary>Each take's (speaking rate, pitch) for every voice: slow and low, normal, fast and high.</summary>
    public static readonly IReadOnlyList<(double Rate, double Pitch)> Takes = [(0.85, -0.4), (1.0, 0.0), (1.2, 0.4)];

    /// <summary>Every voice of the engines given (all three by default): 28 espeak-ng, 5 flite, 2 festival.</summary>
    public static IReadOnlyList<SyntheticVoice> Voices(IEnumerable<SpeechEngine>? engines = null)
    {
        var wanted = (engines ?? Enum.GetValues<SpeechEngine>()).ToHashSet();
        var voices = new List<SyntheticVoice>();
        if (wanted.Contains(SpeechEngine.EspeakNg))
            foreach (var accent in EspeakAccents)
                foreach (var variant in EspeakVariants)
                    voices.Add(new SyntheticVoice(SpeechEngine.EspeakNg, $"{accent}+{variant}", $"tts-espeak-{accent}-{variant}"));
        if (wanted.Contains(SpeechEngine.Flite))
            voices.AddRange(FliteVoices.Select(v => new SyntheticVoice(SpeechEngine.Flite, v, $"tts-flite-{v}")));
        if (wanted.Contains(SpeechEngine.Festival))
            voices.AddRange(FestivalVoices.Select(v => new SyntheticVoice(SpeechEngine.Festival, v,
                "tts-festival-" + v["voice_".Length..].Replace('_', '-'))));
        return voices;
    }
}
