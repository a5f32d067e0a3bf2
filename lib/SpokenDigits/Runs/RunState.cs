using System.Text.Json;
using System.Text.Json.Nodes;

namespace SpokenDigits.Runs;

/// <summary>Where one run folder stands.</summary>
public enum RunState
{
    /// <summary>Nothing that can be continued: no folder, or no saved options.</summary>
    Missing,
    /// <summary>Options saved but the run never finished (killed, stopped, out of time): <c>train --resume</c> continues it.</summary>
    Interrupted,
    /// <summary><c>results.json</c> records a finish time: every model is done (a model whose loss turned NaN counts as
    /// done too, since training it again with the same seed fails the same way).</summary>
    Complete,
}

/// <summary>Reads a run folder's state from its files alone (no model is loaded), and its recorded start and finish.</summary>
public static class RunStatus
{
    public static RunState Of(string folder)
    {
        if (Finished(folder) is not null) return RunState.Complete;
        return File.Exists(Path.Combine(folder, RunFolder.OptionsFile)) ? RunState.Interrupted : RunState.Missing;
    }

    /// <summary>The start and finish recorded in results.json, and the torch threads the run used; null unless complete.</summary>
    public static (DateTimeOffset Started, DateTimeOffset Finished, int Threads)? Timing(string folder)
    {
        var info = Info(folder);
        if (info?["finished"] is not JsonValue finished) return null;
        var started = info["started"]!.GetValue<DateTimeOffset>();
        int threads = info["machine"]?["torchThreads"]?.GetValue<int>() ?? 1;
        return (started, finished.GetValue<DateTimeOffset>(), threads);
    }

    /// <summary>The finish time as written in results.json (its text), or null when the run is not complete.</summary>
    public static string? Finished(string folder) => Info(folder)?["finished"] is JsonValue v ? v.ToJsonString() : null;

    static JsonNode? Info(string folder)
    {
        var file = Path.Combine(folder, RunFolder.ResultsFile);
        if (!File.Exists(file)) return null;
        try { return JsonNode.Parse(File.ReadAllText(file))?["info"]; }
        catch (JsonException) { return null; }   // a results.json cut short by a crash is not a finished run
        catch (IOException) { return null; }
    }
}
