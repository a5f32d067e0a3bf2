using System.Diagnostics;

namespace SpokenDigits.Cli.Reproduction;

/// <summary>This tool as a child process: the same CLI assembly under the same <c>dotnet</c> host.</summary>
public static class CliProcess
{
    /// <summary>The CLI assembly (SpokenDigits.Cli.dll).</summary>
    public static string Dll => typeof(CliProcess).Assembly.Location;

    /// <summary>The <c>dotnet</c> host running this process, or the one on PATH (e.g. under a test host).</summary>
    public static string Host =>
        Environment.ProcessPath is { } p && Path.GetFileNameWithoutExtension(p) == "dotnet" ? p : "dotnet";

    /// <summary>The shell command line that runs the CLI with <paramref name="arguments"/> (for batch scripts).</summary>
    public static string ShellCommand(IEnumerable<string> arguments) =>
        string.Join(' ', new[] { Host, Dll }.Concat(arguments).Select(Quote));

    public static string Quote(string s) =>
        s.Length > 0 && s.All(c => char.IsLetterOrDigit(c) || "-_./:=,+@%".Contains(c)) ? s : "'" + s.Replace("'", "'\\''") + "'";

    /// <summary>Runs the CLI with <paramref name="arguments"/> in <paramref name="workingDirectory"/>, its output appended to
    /// <paramref name="log"/> (or passed through when null); returns the exit code. Cancelling kills it (a run resumes from
    /// its last checkpoint).</summary>
    public static async Task<int> RunAsync(IReadOnlyList<string> arguments, string workingDirectory, string? log, CancellationToken cancellation)
    {
        var start = new ProcessStartInfo(Host) { WorkingDirectory = workingDirectory, UseShellExecute = false };
        start.ArgumentList.Add(Dll);
        foreach (var a in arguments) start.ArgumentList.Add(a);
        StreamWriter? writer = null;
        if (log is not null)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(log)!);
            writer = new StreamWriter(log, append: true) { AutoFlush = true };
            writer.WriteLine($"$ {ShellCommand(arguments)}");
            start.RedirectStandardOutput = start.RedirectStandardError = true;
        }
        using var process = Process.Start(start)!;
        var lockObject = new object();
        void Write(string? line) { if (line is not null) lock (lockObject) writer!.WriteLine(line); }
        if (writer is not null)
        {
            process.OutputDataReceived += (_, e) => Write(e.Data);
            process.ErrorDataReceived += (_, e) => Write(e.Data);
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
        }
        try { await process.WaitForExitAsync(cancellation); }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None);
            throw;
        }
        finally
        {
            if (writer is not null) { process.WaitForExit(); await writer.DisposeAsync(); }
        }
        return process.ExitCode;
    }
}
