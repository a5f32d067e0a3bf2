using System.CommandLine;
using Microsoft.Extensions.Hosting;
using SpokenDigits.Demo;
using SpokenDigits.Runs;

namespace SpokenDigits.Cli.Commands;

/// <summary><c>spokendigits demo</c>: the live "say a digit" page over a trained run (lib/SpokenDigits.Demo).</summary>
public static class DemoCommand
{
    public static Command Create()
    {
        var run = new Option<string?>("--run")
        {
            HelpName = "DIR", Description = "a run folder written by `spokendigits train` (default: the newest run under results/ with all three models and their weights)",
        };
        var port = new Option<int>("--port") { HelpName = "N", Description = "TCP port (0 picks a free one)", DefaultValueFactory = _ => DemoOptions.DefaultPort };
        var host = new Option<string>("--host")
        {
            HelpName = "ADDRESS",
            Description = "address to listen on: 127.0.0.1 serves this machine only; 0.0.0.0 serves the network too (browsers give a page " +
                          "the microphone only on localhost or https; other machines can still upload WAV files)",
            DefaultValueFactory = _ => DemoOptions.LocalHost,
        };
        var command = new Command("demo",
            "a local web page that records a spoken digit from the microphone (or takes a WAV file) and shows what each model of a run makes of it: " +
            "waveform with the detected word, log-mel spectrogram, every model's probabilities, the fused model's branch weights; " +
            $"also POST {DemoServer.PredictPath} with a WAV body answers JSON. Runs until Ctrl+C")
        {
            run, port, host,
        };
        command.SetAction((parse, cancellation) => Serve(parse.GetValue(run), parse.GetValue(host)!, parse.GetValue(port)));
        return command;
    }

    static async Task<int> Serve(string? runFolder, string host, int port)
    {
        var options = OptionValues.Bind("demo", () => new DemoOptions(host, port).Validated());
        var folder = DemoRun.Resolve(runFolder, ProjectPaths.ResultsFolder);
        SpokenDigits.Runtime.Nnpack.Apply();
        using var inference = LiveInference.Load(folder);
        await using var app = DemoServer.Build(inference, options);
        try { await app.StartAsync(); }
        catch (IOException e)
        {
            Console.Error.WriteLine($"error: cannot listen on {options.ListenUrl}: {e.Message.Split('\n')[0]} (choose another --port, or 0 for a free one)");
            return ExitCodes.Error;
        }
        var run = inference.Predictor.Run;
        Console.WriteLine($"Run: {run.Path} ({string.Join(", ", inference.Predictor.ModelNames)})");
        foreach (var u in run.Unavailable) Console.WriteLine($"Not available: {u}");
        if (!inference.RunFindsTheWord)
            Console.WriteLine("This run was trained before endpointing: its models hear each recording centre fitted; the demo's detector only says \"no speech heard\".");
        Console.WriteLine($"Demo: {DemoServer.Address(app)}  (Ctrl+C stops)");
        await app.WaitForShutdownAsync();
        return ExitCodes.Success;
    }
}
