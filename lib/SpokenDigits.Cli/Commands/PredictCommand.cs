using SpokenDigits.Audio;
using SpokenDigits.Data;
using SpokenDigits.Inference;
using SpokenDigits.Runs;

namespace SpokenDigits.Cli.Commands;

/// <summary><c>spokendigits predict</c>: every model of a trained run on one or more WAV files.</summary>
public static class PredictCommand
{
    public const string Usage = """
        spokendigits predict --run results/<run> file.wav [more.wav ...] [--json]
          --run DIR            a run folder written by `spokendigits train`
          --json               print the predictions as JSON instead of tables
          Any sample rate, channel count and length is accepted (resampled, mixed to mono, centre fitted
          as in training). Unreadable files are listed and skipped; exit code 1 only when none could be read.
        """;

    public static int Run(string[] args)
    {
        var cl = new CommandLine(args, "json");
        var runFolder = cl.Get("run") ?? throw new UsageException("--run is required");
        bool json = cl.Flag("json");
        cl.RejectUnknown();
        var files = cl.Positionals;
        if (files.Count == 0) throw new UsageException("no WAV file given");

        using var predictor = Predictor.Load(runFolder);
        var predictions = new List<FilePrediction>();
        var skipped = new List<BadRecording>();
        foreach (var file in files)
        {
            try { predictions.Add(predictor.PredictFile(file)); }
            catch (WavFormatException e) { skipped.Add(new BadRecording(Path.GetFullPath(file), e.Problem)); }
        }

        if (json)
            Console.WriteLine(ResultsJson.Serialize(new { Run = predictor.Run.Path, Predictions = predictions, Skipped = skipped }));
        else
        {
            Console.WriteLine($"Run: {predictor.Run.Path} ({string.Join(", ", predictor.ModelNames)})");
            foreach (var u in predictor.Run.Unavailable) Console.WriteLine($"Not available: {u}");
            foreach (var p in predictions)
            {
                Console.WriteLine();
                Console.Write(PredictionTable.Text(p));
            }
        }
        foreach (var bad in skipped) Console.Error.WriteLine($"skipped: {bad}");
        if (predictions.Count == 0)
        {
            Console.Error.WriteLine($"error: none of the {files.Count} files could be read");
            return 1;
        }
        return 0;
    }
}
