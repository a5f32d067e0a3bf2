using System.Text.Json;

namespace SpokenDigits.Experiments.Plans;

/// <summary>Runs written once for many values: <see cref="Folder"/> and <see cref="Train"/> name variables in braces
/// (<c>{seed}</c>), and <see cref="For"/> gives each variable its values; every combination is one run, except those
/// matching an entry of <see cref="Except"/>. A value that is an object sets each of its properties as a variable.</summary>
/// <param name="Folder">The run folder, relative to the project root (<c>results/report-official/seed-{seed}</c>).</param>
/// <param name="Train">The <c>train</c> options of the run, without <c>--out</c> and <c>--run</c> (the folder gives them) and
/// without <c>--threads</c> unless the run needs a particular count (<c>reproduce --threads</c> gives it otherwise).</param>
/// <param name="CpuMinutes">The estimate of one run's CPU time before any run of this entry was measured.</param>
public sealed record RunTemplate(
    string Folder,
    string Train,
    IReadOnlyDictionary<string, IReadOnlyList<JsonElement>>? For = null,
    IReadOnlyList<IReadOnlyDictionary<string, JsonElement>>? Except = null,
    double? CpuMinutes = null)
{
    /// <summary>The default estimate of a run's CPU minutes when the plan gives none.</summary>
    public const double DefaultCpuMinutes = 10;

    public IEnumerable<PlannedRun> Expand(string experiment)
    {
        IEnumerable<Dictionary<string, string>> combinations = [new()];
        foreach (var (name, values) in For ?? new Dictionary<string, IReadOnlyList<JsonElement>>())
            combinations = combinations.SelectMany(c => values.Select(v => Set(c, name, v))).ToList();
        foreach (var values in combinations)
        {
            if (Except?.Any(x => x.All(kv => values.TryGetValue(kv.Key, out var v) && v == Text(kv.Value))) == true) continue;
            yield return new PlannedRun(experiment, Fill(Folder, values), Fill(Train, values).Split(' ', StringSplitOptions.RemoveEmptyEntries),
                CpuMinutes ?? DefaultCpuMinutes, this);
        }
    }

    /// <summary><paramref name="values"/> with <paramref name="name"/> set, or, for an object, with each of its properties set
    /// (variables that vary together, such as a speaker curve's training and test speakers).</summary>
    static Dictionary<string, string> Set(Dictionary<string, string> values, string name, JsonElement value)
    {
        var next = new Dictionary<string, string>(values);
        if (value.ValueKind == JsonValueKind.Object)
            foreach (var p in value.EnumerateObject()) next[p.Name] = Text(p.Value);
        else next[name] = Text(value);
        return next;
    }

    static string Text(JsonElement value) => value.ValueKind == JsonValueKind.String ? value.GetString()! : value.GetRawText();

    static string Fill(string text, IReadOnlyDictionary<string, string> values)
    {
        foreach (var (name, value) in values) text = text.Replace("{" + name + "}", value);
        int open = text.IndexOf('{');
        if (open >= 0) throw new ArgumentException($"'{text}' names a variable that 'for' does not give");
        return text;
    }
}

/// <summary>One training run of the plan: its folder (relative to the project root) and its <c>train</c> options.</summary>
public sealed record PlannedRun(string Experiment, string Folder, IReadOnlyList<string> Train, double CpuMinutes, RunTemplate Template)
{
    /// <summary>The whole <c>train</c> command line: the options, <c>--out</c> and <c>--run</c> from the folder, and
    /// <c>--threads</c> unless the options fix it.</summary>
    public IReadOnlyList<string> TrainArguments(string root, int threads, string? dataFolder)
    {
        var full = Path.GetFullPath(Path.Combine(root, Folder));
        var arguments = new List<string> { "train" };
        arguments.AddRange(Train);
        if (!Train.Contains("--threads")) arguments.AddRange(["--threads", threads.ToString()]);
        if (dataFolder is not null && !Train.Contains("--data")) arguments.AddRange(["--data", dataFolder]);
        arguments.AddRange(["--out", Path.GetDirectoryName(full)!, "--run", Path.GetFileName(full)]);
        return arguments;
    }

    /// <summary>The torch threads the run trains with under <c>reproduce --threads <paramref name="threads"/></c>.</summary>
    public int Threads(int threads)
    {
        int at = Train.ToList().IndexOf("--threads");
        return at >= 0 && at + 1 < Train.Count && int.TryParse(Train[at + 1], out var fixedCount) ? fixedCount : threads;
    }
}
