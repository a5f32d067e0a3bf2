using SpokenDigits.Inference;

namespace SpokenDigits.Cli.Commands;

/// <summary><c>spokendigits evaluate</c>: a trained run's models on another folder of labelled recordings.</summary>
public static class EvaluateCommand
{
    public const string Usage = """
        spokendigits evaluate --run results/<run> --data <folder> [options]
          --run DIR            a run folder written by `spokendigits train`
          --data DIR           the recordings to evaluate on
          --layout L           auto | fsdd | audiomnist | prefix (default auto: fsdd, else audiomnist, else prefix);
                               prefix: any .wav below DIR whose name starts with the digit (7_anything.wav, 7-foo.wav)
          --name NAME          evaluation name (default: the data folder's name)
          --skip-bad           leave out unreadable files (listed) instead of stopping
          Writes <run>/evaluations/<name>/evaluation.json, <Model>/predictions.json and summary.md.
        """;

    public static int Run(string[] args)
    {
        var cl = new CommandLine(args, "skip-bad");
        var runFolder = cl.Get("run") ?? throw new UsageException("--run is required");
        var data = cl.Get("data") ?? throw new UsageException("--data is required");
        EvaluationLayout layout;
        try { layout = EvaluationRecordings.ParseLayout(cl.Get("layout")); }
        catch (ArgumentException e) { throw new UsageException(e.Message); }
        var options = new EvaluationOptions(layout, cl.Get("name"), cl.Flag("skip-bad"), "spokendigits evaluate " + string.Join(' ', args));
        cl.RejectUnknown();
        if (cl.Positionals.Count > 0) throw new UsageException($"unexpected argument(s): {string.Join(' ', cl.Positionals)}");

        using var predictor = Predictor.Load(runFolder);
        Console.WriteLine($"Run:  {predictor.Run.Path} ({string.Join(", ", predictor.ModelNames)})");
        var results = RunEvaluation.Evaluate(predictor, data, options);
        foreach (var bad in results.Skipped) Console.WriteLine($"Skipped: {bad}");
        Console.WriteLine($"Evaluation written to {RunEvaluation.FolderOf(predictor.Run, results.Name)}");
        Console.WriteLine();
        Console.WriteLine(RunEvaluation.Summary(results, predictor.Run.Name));
        return 0;
    }
}
