using System.CommandLine;
using SpokenDigits.Inference;

namespace SpokenDigits.Cli.Commands;

/// <summary><c>spokendigits evaluate</c>: a trained run's models on another folder of labelled recordings.</summary>
public static class EvaluateCommand
{
    public static Command Create()
    {
        var run = new Option<string>("--run") { HelpName = "DIR", Required = true, Description = "a run folder written by `spokendigits train`" };
        var data = new Option<string>("--data") { HelpName = "DIR", Required = true, Description = "the recordings to evaluate on" };
        var layout = new Option<string>("--layout")
        {
            HelpName = "L",
            Description = "auto | fsdd | audiomnist | prefix (auto: fsdd, else audiomnist, else prefix); prefix: any .wav below DIR whose name starts with the digit (7_anything.wav, 7-foo.wav)",
            DefaultValueFactory = _ => "auto",
        }.CheckedBy(text => EvaluationRecordings.ParseLayout(text)).Completing("auto", "fsdd", "audiomnist", "prefix");
        var name = new Option<string?>("--name") { HelpName = "NAME", Description = "evaluation name (default: the data folder's name)" };
        name.AcceptLegalFileNamesOnly();
        name.Validators.Add(r => { if (r.GetValueOrDefault<string?>() is "." or "..") r.AddError("--name must be a plain folder name"); });
        var skipBad = new Option<bool>("--skip-bad") { Description = "leave out unreadable files (listed) instead of stopping" };
        var command = new Command("evaluate",
            "a trained run's models on another folder of labelled recordings; writes <run>/evaluations/<name>/evaluation.json, <Model>/predictions.json and summary.md")
        {
            run, data, layout, name, skipBad,
        };
        command.SetAction(parse =>
        {
            SpokenDigits.Runtime.Nnpack.Apply();
            var options = new EvaluationOptions(EvaluationRecordings.ParseLayout(parse.GetValue(layout)), parse.GetValue(name), parse.GetValue(skipBad), parse.CommandText());
            using var predictor = Predictor.Load(parse.GetValue(run)!);
            Console.WriteLine($"Run:  {predictor.Run.Path} ({string.Join(", ", predictor.ModelNames)})");
            var results = RunEvaluation.Evaluate(predictor, parse.GetValue(data)!, options);
            foreach (var bad in results.Skipped) Console.WriteLine($"Skipped: {bad}");
            foreach (var id in results.NoSpeechRecordings) Console.WriteLine($"No speech: {id}");
            Console.WriteLine($"Evaluation written to {RunEvaluation.FolderOf(predictor.Run, results.Name)}");
            Console.WriteLine();
            Console.WriteLine(RunEvaluation.Summary(results, predictor.Run.Name));
            return ExitCodes.Success;
        });
        return command;
    }
}
