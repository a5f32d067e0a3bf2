using System.Diagnostics;
using System.Text.Json.Nodes;

namespace SpokenDigits.Notebooks.Tests.FrontEnds;

/// <summary>One event of the .NET Interactive protocol (a JSON line on the kernel's stdout).</summary>
internal sealed record InteractiveEvent(string EventType, string? CommandToken, JsonObject Event, TimeSpan At)
{
    public override string ToString() => $"{At.TotalSeconds:0.0}s {EventType} [{CommandToken}] {Event.ToJsonString()[..Math.Min(300, Event.ToJsonString().Length)]}";
}

/// <summary>
/// Talks to <c>dotnet interactive stdio</c> the way Polyglot Notebooks does: one JSON command envelope per line on
/// stdin (<c>{"token", "commandType", "command"}</c>), events back as JSON lines on stdout.
/// </summary>
internal sealed class InteractiveStdioClient : IDisposable
{
    private readonly Process _process;
    private readonly List<InteractiveEvent> _seen = new();
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private int _next;

    public InteractiveStdioClient(string workingDirectory)
    {
        _process = Process.Start(InteractiveTool.Start(workingDirectory, "stdio", "--default-kernel", "csharp"))!;
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginErrorReadLine();
        new Thread(ReadEvents) { IsBackground = true, Name = "dotnet-interactive stdout" }.Start();
    }

    /// <summary>Every event received so far, for failure messages.</summary>
    public string Transcript { get { lock (_seen) return string.Join("\n", _seen); } }

    /// <summary>Sends a command and returns its token.</summary>
    public string Send(string commandType, JsonObject command)
    {
        string token = $"t{Interlocked.Increment(ref _next)}";
        var envelope = new JsonObject { ["token"] = token, ["commandType"] = commandType, ["command"] = command };
        _process.StandardInput.WriteLine(envelope.ToJsonString());
        _process.StandardInput.Flush();
        return token;
    }

    public string SubmitCode(string code) => Send("SubmitCode", new JsonObject { ["code"] = code, ["targetKernelName"] = "csharp" });

    /// <summary>The Polyglot Notebooks stop button.</summary>
    public string Cancel() => Send("Cancel", new JsonObject());

    /// <summary>Events of <paramref name="token"/> up to and including its CommandSucceeded or CommandFailed; null on timeout.</summary>
    public List<InteractiveEvent>? WaitFor(string token, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            var events = Of(token);
            if (events.Count > 0 && events[^1].EventType is "CommandSucceeded" or "CommandFailed") return events;
            if (_process.HasExited) return null;
            Thread.Sleep(100);
        }
        return null;
    }

    /// <summary>The events of <paramref name="token"/> received so far.</summary>
    public List<InteractiveEvent> Of(string token)
    {
        lock (_seen) return _seen.Where(e => e.CommandToken == token).ToList();
    }

    /// <summary>Submits <paramref name="code"/> and waits for it; fails with the transcript unless it succeeds.</summary>
    public List<InteractiveEvent> Run(string code, TimeSpan timeout)
    {
        var events = WaitFor(SubmitCode(code), timeout) ?? throw new TimeoutException($"no reply within {timeout.TotalSeconds:0} s to: {code}\n{Transcript}");
        if (events[^1].EventType != "CommandSucceeded")
            throw new InvalidOperationException($"cell failed: {code}\n{events[^1].Event.ToJsonString()}");
        return events;
    }

    private void ReadEvents()
    {
        string? line;
        while ((line = _process.StandardOutput.ReadLine()) is not null)
        {
            JsonObject? envelope;
            try { envelope = JsonNode.Parse(line) as JsonObject; }
            catch (System.Text.Json.JsonException) { continue; }   // the host's log lines
            if (envelope?["eventType"] is not JsonValue type) continue;
            var e = new InteractiveEvent(type.GetValue<string>(), envelope["command"]?["token"]?.GetValue<string>(),
                envelope["event"] as JsonObject ?? new JsonObject(), _clock.Elapsed);
            lock (_seen) _seen.Add(e);
        }
    }

    public void Dispose()
    {
        try { _process.StandardInput.Close(); } catch (IOException) { }
        if (!_process.WaitForExit(5_000)) { _process.Kill(entireProcessTree: true); _process.WaitForExit(5_000); }
        _process.Dispose();
    }
}
