using System.Text.Json;
using System.Text.Json.Serialization;
using SpokenDigits.Runs;

namespace SpokenDigits.Experiments.Plans;

/// <summary>The experiments behind every committed result, as data (<c>experiments/plan.json</c>): each experiment's
/// training runs with their <c>train</c> options, and the report steps that read them. Adding an experiment is adding
/// one entry to <see cref="Experiments"/>.</summary>
public sealed record PlanFile(IReadOnlyList<PlanExperiment> Experiments)
{
    /// <summary>The plan's default place in the project.</summary>
    public const string DefaultPath = "experiments/plan.json";

    static readonly JsonSerializerOptions Json = new(ResultsJson.Options)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    /// <summary>Reads and checks a plan; a bad plan is an <see cref="InvalidDataException"/> naming the file and the problem.</summary>
    public static PlanFile Load(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"{path}: no such plan file", path);
        PlanFile? plan;
        try { plan = JsonSerializer.Deserialize<PlanFile>(File.ReadAllText(path), Json); }
        catch (JsonException e) { throw new InvalidDataException($"{path}: not a valid plan ({e.Message})", e); }
        if (plan?.Experiments is not { Count: > 0 }) throw new InvalidDataException($"{path}: the plan lists no experiments");
        try { plan.Check(); }
        catch (ArgumentException e) { throw new InvalidDataException($"{path}: {e.Message}", e); }
        return plan;
    }

    public PlanExperiment Experiment(string name) =>
        Experiments.FirstOrDefault(e => e.Name == name)
        ?? throw new ArgumentException($"no experiment '{name}' in the plan; it has {string.Join(", ", Experiments.Select(e => e.Name))}");

    /// <summary>The experiments named (all when none), each after the experiments it needs.</summary>
    public IReadOnlyList<PlanExperiment> Select(IReadOnlyCollection<string> names)
    {
        var chosen = new List<PlanExperiment>();
        void Add(PlanExperiment e, int depth)
        {
            if (depth > Experiments.Count) throw new ArgumentException($"experiment '{e.Name}' needs itself (a cycle in 'needs')");
            foreach (var need in e.NeedsOrNone) Add(Experiment(need), depth + 1);
            if (!chosen.Contains(e)) chosen.Add(e);
        }
        foreach (var e in names.Count == 0 ? Experiments : names.Select(Experiment)) Add(e, 0);
        return chosen;
    }

    /// <summary>Every run of the plan, expanded.</summary>
    public IReadOnlyList<PlannedRun> Runs(IEnumerable<PlanExperiment>? experiments = null) =>
        (experiments ?? Experiments).SelectMany(e => e.Expand()).ToList();

    void Check()
    {
        foreach (var e in Experiments)
        {
            if (string.IsNullOrWhiteSpace(e.Name) || e.Name.Any(char.IsWhiteSpace)) throw new ArgumentException($"an experiment needs a name without spaces, got '{e.Name}'");
            if (Experiments.Count(x => x.Name == e.Name) > 1) throw new ArgumentException($"experiment '{e.Name}' is listed twice");
            foreach (var need in e.NeedsOrNone) Experiment(need);
            foreach (var step in e.ReportsOrNone)
                if (string.IsNullOrWhiteSpace(step.Command) || step.Outputs is not { Count: > 0 })
                    throw new ArgumentException($"experiment '{e.Name}': each report step needs a command and its outputs");
        }
        Select([]);
        var folders = Runs().GroupBy(r => r.Folder).FirstOrDefault(g => g.Count() > 1);
        if (folders is not null) throw new ArgumentException($"run folder {folders.Key} is made by more than one entry ({string.Join(", ", folders.Select(r => r.Experiment).Distinct())})");
    }
}

/// <summary>One experiment: a name (what <c>reproduce NAME</c> takes), its runs, its report steps, and the experiments whose
/// runs its reports also read (<see cref="Needs"/>).</summary>
public sealed record PlanExperiment(
    string Name,
    string? Description = null,
    IReadOnlyList<string>? Needs = null,
    IReadOnlyList<RunTemplate>? Runs = null,
    IReadOnlyList<ReportStep>? Reports = null)
{
    [JsonIgnore] public IReadOnlyList<string> NeedsOrNone => Needs ?? [];
    [JsonIgnore] public IReadOnlyList<RunTemplate> RunsOrNone => Runs ?? [];
    [JsonIgnore] public IReadOnlyList<ReportStep> ReportsOrNone => Reports ?? [];

    public IEnumerable<PlannedRun> Expand() => RunsOrNone.SelectMany(t => t.Expand(Name));
}

/// <summary>A step that reads runs and writes files: a <c>spokendigits</c> command line (run in the project root) and the
/// files it writes (a <c>*</c> in a file name matches any text).</summary>
public sealed record ReportStep(string Command, IReadOnlyList<string> Outputs)
{
    public IReadOnlyList<string> Arguments => Command.Split(' ', StringSplitOptions.RemoveEmptyEntries);
}
