using System.CommandLine;
using SpokenDigits.Audio;
using SpokenDigits.Data;
using SpokenDigits.Inference;
using SpokenDigits.Runs;

namespace SpokenDigits.Cli.Commands;

/// <summary><c>spokendigits predict</c>: every model of a trained run on one or more WAV files.</summary>
public static class PredictCommand
{
    public static Command Create()
    {
        var run = new Option<string>("--run") { HelpName = "DIR", Required = true, Description = "a run folder written by `spokendigits train`" };
        var json = new Option<bool>("--json") { Description = "print the predictions as JSON instead of tables" };
        var files = new Argument<string[]>("file.wav") { Arity = ArgumentArity.OneOrMore, Description = "the recordings to classify" };
        var command = new Command("predict",
            "each model's digit, probability and top-3 for WAV files of any sample rate, channel count and length " +
            "(resampled, mixed to mono, the word found and centred as in training); a file without a detected word is answered \"no speech\"; " +
            "unreadable files are listed and skipped. Exit code 0: a digit for at least one file; 3: every readable file was \"no speech\"; 1: no file could be read")
        {
            run, json, files,
        };
        command.SetAction(parse => Predict(parse.GetValue(run)!, parse.GetValue(files)!, parse.GetValue(json)));
        return command;
    }

    static int Predict(string runFolder, IReadOnlyList<string> files, bool json)
    {
        SpokenDigits.Runtime.Nnpack.Apply();
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
            return ExitCodes.Error;
        }
        return predictions.All(p => p.NoSpeech) ? ExitCodes.NoSpeech : ExitCodes.Success;
    }
}
