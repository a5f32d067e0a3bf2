using System.Diagnostics;
using System.Text.Json;
using SpokenDigits.Audio;

namespace SpokenDigits.Data.Synthetic;

/// <summary>What a synthetic corpus folder holds, saved beside its recordings as <see cref="SyntheticCorpus.ManifestFile"/>.</summary>
/// <param name="SampleRate">The recordings' rate (the engines' output is resampled to it).</param>
/// <param name="Engines">Each engine used and the version it reported.</param>
/// <param name="Voices">Every synthetic speaker.</param>
/// <param name="Takes">Each take's (rate, pitch), by take number.</param>
/// <param name="Recordings">How many recordings the folder holds.</param>
public sealed record SyntheticCorpusManifest(int SampleRate, IReadOnlyDictionary<string, string> Engines, IReadOnlyList<SyntheticVoice> Voices,
    IReadOnlyList<double[]> Takes, int Recordings);

/// <summary>Makes a corpus of synthetic speakers in FSDD's layout (<c>{digit}_{speaker}_{take}.wav</c>, mono 16-bit):
/// every voice speaks every digit word once per take, through the local engine, resampled to the corpus rate by
/// <see cref="Resampler"/>. Nothing else is changed (no trimming, no level change): endpointing and the waveform
/// augmentation treat these recordings like any other. Recordings already there are kept, so an interrupted run resumes.</summary>
public static class SyntheticCorpus
{
    public const string ManifestFile = "voices.json";

    /// <exception cref="DatasetException">An engine is missing or fails; the message names the voice, the word and the engine's error.</exception>
    public static SyntheticCorpusManifest Write(string folder, IReadOnlyList<SyntheticVoice> voices, int sampleRate = 8000,
        TextWriter? log = null, CancellationToken cancellation = default)
    {
        var engines = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var engine in voices.Select(v => v.Engine).Distinct())
        {
            var program = SpeechEngines.Find(engine) ?? throw new DatasetException(
                $"{SpeechEngines.Program(engine)} is not installed (apt-get install {SpeechEngines.DebianPackages(engine)}); it speaks the {engine} voices");
            engines[SpeechEngines.Program(engine)] = Version(program, engine);
        }
        Directory.CreateDirectory(folder);
        var jobs = (from voice in voices
                    from digit in Enumerable.Range(0, 10)
                    from take in Enumerable.Range(0, SyntheticVoiceCatalog.Takes.Count)
                    select (voice, digit, take)).ToList();
        int made = 0;
        Parallel.ForEach(jobs, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = cancellation }, job =>
        {
            var path = Path.Combine(folder, $"{job.digit}_{job.voice.Speaker}_{job.take}.wav");
            if (File.Exists(path)) return;
            var clip = Speak(job.voice, SyntheticVoiceCatalog.DigitWords[job.digit], SyntheticVoiceCatalog.Takes[job.take]);
            var samples = Resampler.Resample(clip.Samples, clip.SampleRate, sampleRate);
            var partial = path + ".partial";
            WavWriter.Write(partial, samples, sampleRate);
            File.Move(partial, path, overwrite: true);
            if (Interlocked.Increment(ref made) % 100 == 0) log?.WriteLine($"   {made} of {jobs.Count} recordings spoken");
        });
        var manifest = new SyntheticCorpusManifest(sampleRate, engines, voices,
            SyntheticVoiceCatalog.Takes.Select(t => new[] { t.Rate, t.Pitch }).ToList(), jobs.Count);
        File.WriteAllText(Path.Combine(folder, ManifestFile), JsonSerializer.Serialize(manifest, ManifestJson));
        log?.WriteLine($"{jobs.Count} recordings of {voices.Count} synthetic speakers in {Path.GetFullPath(folder)} ({made} new)");
        return manifest;
    }

    static readonly JsonSerializerOptions ManifestJson = new()
    {
        WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    /// <summary>One digit word spoken by one voice at one take's rate and pitch, as the engine wrote it.</summary>
    public static AudioClip Speak(SyntheticVoice voice, string word, (double Rate, double Pitch) take)
    {
        var scratch = Directory.CreateTempSubdirectory("spokendigits-tts-");
        try
        {
            var wav = Path.Combine(scratch.FullName, "word.wav");
            var text = Path.Combine(scratch.FullName, "word.txt");
            File.WriteAllText(text, word + "\n");
            var (exit, error) = Run(SpeechEngines.Program(voice.Engine), voice.Arguments(word, text, wav, take.Rate, take.Pitch));
            if (exit != 0 || !File.Exists(wav) || new FileInfo(wav).Length <= 44)
                throw new DatasetException($"{SpeechEngines.Program(voice.Engine)} could not speak '{word}' as {voice.Voice} " +
                    $"(exit code {exit}): {error.Trim()}");
            var clip = WavReader.Read(wav);
            if (clip.Samples.Length == 0 || clip.Samples.All(s => s == 0))
                throw new DatasetException($"{SpeechEngines.Program(voice.Engine)} spoke '{word}' as {voice.Voice} into silence");
            return clip with { Source = $"{voice.Speaker}: {word}" };
        }
        finally { scratch.Delete(recursive: true); }
    }

    static string Version(string program, SpeechEngine engine)
    {
        var (_, output) = Run(engine == SpeechEngine.Festival ? Path.Combine(Path.GetDirectoryName(program)!, "festival") : program, ["--version"], stdout: true);
        return output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .FirstOrDefault(l => l.Contains("version", StringComparison.OrdinalIgnoreCase) || l.Contains("Speech", StringComparison.Ordinal)) ?? output.Trim();
    }

    static (int Exit, string Output) Run(string program, IReadOnlyList<string> arguments, bool stdout = false)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in arguments) start.ArgumentList.Add(a);
        using var process = Process.Start(start) ?? throw new DatasetException($"could not start {program}");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        return (process.ExitCode, stdout ? output.Result + error.Result : error.Result);
    }
}
