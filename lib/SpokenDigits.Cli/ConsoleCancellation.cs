namespace SpokenDigits.Cli;

/// <summary>Ctrl+C cancels the current work cleanly (finished models are already saved); a second
/// Ctrl+C ends the process at once.</summary>
public static class ConsoleCancellation
{
    static readonly CancellationTokenSource Source = new();

    static ConsoleCancellation()
    {
        Console.CancelKeyPress += (_, e) =>
        {
            if (Source.IsCancellationRequested) return;
            Console.Error.WriteLine("Stopping after the current step (Ctrl+C again to stop now)...");
            e.Cancel = true;
            Source.Cancel();
        };
    }

    public static CancellationToken Token => Source.Token;
}
