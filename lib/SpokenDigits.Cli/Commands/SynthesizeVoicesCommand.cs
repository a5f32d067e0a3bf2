using System.CommandLine;
using SpokenDigits.Data.Synthetic;
using SpokenDigits.Runs;

namespace SpokenDigits.Cli.Commands;

/// <summary><c>spokendigits synthesize-voices</c>: synthetic speakers from Debian's speech engines as a corpus in FSDD's
/// layout, for <c>train --extra-train</c> (the audio counterpart of the course's "do synthetic samples reduce the need
/// for real data?").</summary>
public static class SynthesizeVoicesCommand
{
    /// <summary>The default folder, under the project root (data/ is never committed).</summary>
    public const string DefaultFolder = "data/synthetic-voices";

    public static Command Create()
    {
        var outFolder = new Option<string>("--out")
        {
            HelpName = "DIR", Description = $"where the recordings go; recordings already there are kept (default {DefaultFolder})",
            DefaultValueFactory = _ => Path.Combine(ProjectPaths.TryFindRoot() ?? Directory.GetCurrentDirectory(), DefaultFolder),
        };
        var engines = new Option<string>("--engines")
        {
            HelpName = "LIST", Description = "espeak-ng, flite, festival, comma-separated",
            DefaultValueFactory = _ => "espeak-ng,flite,festival",
        }.CheckedBy(text => ParseEngines(text));
        var rate = new Option<int>("--sample-rate") { HelpName = "HZ", Description = "the recordings' rate (FSDD's: 8000)", DefaultValueFactory = _ => 8000 };
        var command = new Command("synthesize-voices",
            "synthetic speakers (espeak-ng accents and variants, flite, festival) saying every digit word at three rates -> data/synthetic-voices/")
            { outFolder, engines, rate };
        command.SetAction(parse =>
        {
            if (parse.GetValue(rate) < 4000) throw new UsageException("--sample-rate must be at least 4000");
            var voices = SyntheticVoiceCatalog.Voices(ParseEngines(parse.GetValue(engines)!));
            Console.WriteLine($"Speaking {voices.Count} voices x 10 digits x {SyntheticVoiceCatalog.Takes.Count} takes into {parse.GetValue(outFolder)}");
            SyntheticCorpus.Write(parse.GetValue(outFolder)!, voices, parse.GetValue(rate), Console.Out, ConsoleCancellation.Token);
            return ExitCodes.Success;
        });
        return command;
    }

    static IReadOnlyList<SpeechEngine> ParseEngines(string text) =>
        text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(name => name.ToLowerInvariant() switch
        {
            "espeak-ng" or "espeak" => SpeechEngine.EspeakNg,
            "flite" => SpeechEngine.Flite,
            "festival" => SpeechEngine.Festival,
            _ => throw new ArgumentException($"unknown speech engine '{name}' (espeak-ng, flite, festival)"),
        }).Distinct().ToList() is { Count: > 0 } list ? list : throw new ArgumentException("--engines names no engine");
}
