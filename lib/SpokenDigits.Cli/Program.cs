using SpokenDigits.Audio;
using SpokenDigits.Cli;
using SpokenDigits.Cli.Commands;
using SpokenDigits.Data;

var commands = new Dictionary<string, (Func<string[], int> Run, string Usage)>
{
    ["download"] = (DownloadCommand.Run, DownloadCommand.Usage),
    ["train"] = (TrainCommand.Run, TrainCommand.Usage),
    ["run-notebook"] = (RunNotebookCommand.Run, RunNotebookCommand.Usage),
    ["bench"] = (BenchCommand.Run, BenchCommand.Usage),
    ["predict"] = (PredictCommand.Run, PredictCommand.Usage),
    ["evaluate"] = (EvaluateCommand.Run, EvaluateCommand.Usage),
    ["report"] = (ReportCommand.Run, ReportCommand.Usage),
    ["ablation"] = (AblationCommand.Run, AblationCommand.Usage),
    ["kernel"] = (KernelCommand.Run, KernelCommand.Usage),
};

if (args.Length == 0 || args[0] is "-h" or "--help" or "help")
{
    Console.WriteLine("spokendigits: does fusing a raw-waveform CNN with a spectrogram CNN classify spoken digits better than either alone?");
    Console.WriteLine();
    foreach (var (_, (_, usage)) in commands) Console.WriteLine(usage);
    return args.Length == 0 ? 2 : 0;
}

if (!commands.TryGetValue(args[0], out var command))
{
    Console.Error.WriteLine($"unknown command '{args[0]}'; commands: {string.Join(", ", commands.Keys)}");
    return 2;
}

if (args.Skip(1).Any(a => a is "-h" or "--help"))
{
    Console.WriteLine(command.Usage);
    return 0;
}

try
{
    return command.Run(args[1..]);
}
catch (UsageException e)
{
    Console.Error.WriteLine($"error: {e.Message}");
    Console.Error.WriteLine(command.Usage);
    return 2;
}
catch (Exception e) when (e is DatasetException or WavFormatException or ArgumentException or FileNotFoundException or InvalidDataException)
{
    Console.Error.WriteLine($"error: {e.Message}");
    return 1;
}
catch (OperationCanceledException)
{
    Console.Error.WriteLine("cancelled: models finished before the interruption are saved in the run folder.");
    return 130;
}
