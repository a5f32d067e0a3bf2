using System.Text.Json.Nodes;
using SpokenDigits.Cli.Commands;
using SpokenDigits.Experiments.Plans;
using SpokenDigits.Runs;
using SpokenDigits.Tests.Data;

namespace SpokenDigits.Tests.Reproduce;

/// <summary>The committed plan against the committed results: every result folder comes from a plan entry, with the options
/// its run recorded.</summary>
public class PlanTests
{
    static string Results => Path.Combine(ProjectPlan.Root, "results");

    /// <summary>Every folder under results/ that holds a run (experiment.json or results.json), relative to the root.</summary>
    static IEnumerable<string> CommittedRunFolders() =>
        Directory.EnumerateFiles(Results, "*.json", SearchOption.AllDirectories)
            .Where(f => Path.GetFileName(f) is RunFolder.OptionsFile or RunFolder.ResultsFile)
            .Select(f => Path.GetRelativePath(ProjectPlan.Root, Path.GetDirectoryName(f)!))
            .Where(f => !f.Contains("/.reproduce"))
            .Distinct();

    /// <summary>A run folder a report step writes (the notebooks' own run): one of the step's outputs lies inside it.</summary>
    static bool MadeByAStep(PlanFile plan, string path) =>
        plan.Experiments.SelectMany(e => e.ReportsOrNone).SelectMany(s => s.Outputs).Any(o => o.StartsWith(path + "/", StringComparison.Ordinal));

    [Fact]
    public void EveryCommittedRunFolderIsARunOfThePlanOrWrittenByOneOfItsSteps()
    {
        var plan = ProjectPlan.Plan;
        var planned = plan.Runs().Select(r => r.Folder).ToHashSet();
        var runs = CommittedRunFolders().ToList();
        Assert.True(runs.Count >= 140, $"only {runs.Count} run folders found under {Results}");
        var orphans = runs.Where(f => !planned.Contains(f) && !MadeByAStep(plan, f)).ToList();
        Assert.True(orphans.Count == 0, "no plan entry makes " + string.Join(", ", orphans));
        // and every planned run is committed: the plan describes what is there, not a wish list
        var absent = planned.Where(f => !Directory.Exists(Path.Combine(ProjectPlan.Root, f))).ToList();
        Assert.True(absent.Count == 0, "planned but not committed: " + string.Join(", ", absent));
    }

    [Fact]
    public void EveryTopLevelResultFolderBelongsToAnExperiment()
    {
        var plan = ProjectPlan.Plan;
        var made = plan.Runs().Select(r => r.Folder)
            .Concat(plan.Experiments.SelectMany(e => e.ReportsOrNone).SelectMany(s => s.Outputs))
            .Select(p => p.Split('/')[1]).ToHashSet();
        var folders = Directory.GetDirectories(Results).Select(Path.GetFileName).Where(n => !n!.StartsWith('.')).ToList();
        Assert.All(folders, f => Assert.Contains(f, made));
    }

    /// <summary>Each planned run's options, read by train's own option definitions, are the options its folder recorded:
    /// seed, split, split seed, models, fusion, remedies, epochs, augmentation, speed and corruptions, endpointing, extra training recordings, threads.</summary>
    [Fact]
    public void EveryPlannedRunHasTheOptionsItsCommittedFolderRecorded()
    {
        var mismatches = new List<string>();
        foreach (var run in ProjectPlan.Plan.Runs())
        {
            var recorded = JsonNode.Parse(File.ReadAllText(Path.Combine(ProjectPlan.Root, run.Folder, RunFolder.OptionsFile)))!;
            var planned = TrainCommand.ParseOptions(run.Train.Concat(run.Train.Contains("--threads") ? [] : new[] { "--threads", "1" }).ToList());
            var training = recorded["training"]!;
            var t = planned.TrainingOrDefault;
            void Same(string what, object? want, object? have)
            {
                if (!Equals(want?.ToString(), have?.ToString())) mismatches.Add($"{run.Folder}: {what} recorded {have}, planned {want}");
            }
            Same("seed", t.Seed, training["seed"]);
            Same("epochs", t.Epochs, training["epochs"]);
            Same("threads", t.EffectiveThreads, training["effectiveThreads"]);
            Same("split", planned.SplitOrDefault.ToString(), Split(recorded["split"]));
            Same("split seed", planned.SplitSeedOrDefault, recorded["splitSeed"]?.GetValue<int>() ?? training["seed"]!.GetValue<int>());
            Same("models", string.Join(",", planned.ModelsOrDefault).ToLowerInvariant(), string.Join(",", (recorded["models"] ?? recorded["modelsOrDefault"])!.AsArray().Select(m => m!.GetValue<string>())));
            Same("subset", planned.Subset, recorded["subset"]);
            Same("extra training recordings", Path.GetFileName(planned.ExtraTrainingData), Path.GetFileName(recorded["extraTrainingData"]?.GetValue<string>()));
            Same("endpointing", planned.FeaturesOrDefault.Endpoint.Enabled, recorded["features"]?["endpoint"]?["enabled"]?.GetValue<bool>() ?? false);
            if (recorded["architecture"] is { } architecture)
            {
                Same("fusion", planned.ArchitectureOrDefault.Fusion.ToString().ToLowerInvariant(), architecture["fusion"]);
                Same("raw front end", planned.ArchitectureOrDefault.RawFrontEnd.ToString().ToLowerInvariant(), architecture["rawFrontEnd"]!.GetValue<string>().ToLowerInvariant());
            }
            else Same("raw front end (before it was recorded: the strided layer)", "stridedconv", planned.ArchitectureOrDefault.RawFrontEnd.ToString().ToLowerInvariant());
            if (training.AsObject().ContainsKey("remediesOrNone")) Same("remedies", t.RemediesOrNone.Label, training["remediesOrNone"]!["label"]);
            if (training.AsObject().ContainsKey("augmentation"))
            {
                Same("augmentation", t.Augmentation is not null, training["augmentation"] is not null);
                Same("speed", t.Augmentation?.PerturbsSpeed ?? false, training["augmentation"]?["perturbsSpeed"]?.GetValue<bool>() ?? false);
                Same("corruptions", t.Augmentation?.CorruptionsOrNone.Label ?? "none",
                    training["augmentation"]?["corruptionsOrNone"]?["label"]?.GetValue<string>() ?? "none");
            }
            else Same("augmentation (before it existed: none)", false, t.Augmentation is not null);
        }
        Assert.True(mismatches.Count == 0, string.Join("\n", mismatches));
    }

    static string Split(JsonNode? split) => split?["kind"]?.GetValue<string>() switch
    {
        "speakers" => "speakers:" + string.Join(",", split["testSpeakers"]!.AsArray().Select(s => s!.GetValue<string>())),
        { } kind => kind,
        null => "official",
    };

    [Fact]
    public void ThePlanCoversTheExperimentsReadmeNames()
    {
        var plan = ProjectPlan.Plan;
        // README's table of experiments (| `name` | what it makes | runs |) lists the plan's, in its order
        var readme = File.ReadAllLines(Path.Combine(ProjectPlan.Root, "README.md"));
        var table = readme.SkipWhile(l => !l.StartsWith("| Experiment | What it makes |", StringComparison.Ordinal)).Skip(2).TakeWhile(l => l.StartsWith('|'));
        var named = table.Select(l => System.Text.RegularExpressions.Regex.Match(l, @"^\| `([^`]+)` \|").Groups[1].Value).ToList();
        Assert.Equal(named, plan.Experiments.Select(e => e.Name));
        Assert.Contains("realworld", named);
        Assert.Equal(108, plan.Experiment("ablation").Expand().Count());   // 18 variants x 5 seeds + 3 x 6 folds
        Assert.Equal(14, plan.Experiment("speaker-curve").Expand().Count());
        Assert.Equal(["seeds", "loso", "ablation", "notebooks"], plan.Select(["notebooks"]).Select(e => e.Name));
    }

    [Fact]
    public void ABadPlanIsAnErrorNamingTheFileAndTheProblem()
    {
        using var tmp = new TempFolder();
        var file = tmp.Combine("plan.json");
        File.WriteAllText(file, """{ "experiments": [ { "name": "a", "runs": [ { "folder": "results/a/seed-{seed}", "train": "--seed {seed}" } ] } ] }""");
        var e = Assert.Throws<InvalidDataException>(() => PlanFile.Load(file));
        Assert.Equal($"{file}: 'results/a/seed-{{seed}}' names a variable that 'for' does not give", e.Message);
        File.WriteAllText(file, """{ "experiments": [ { "name": "a", "needs": ["b"] } ] }""");
        Assert.Equal($"{file}: no experiment 'b' in the plan; it has a", Assert.Throws<InvalidDataException>(() => PlanFile.Load(file)).Message);
        File.WriteAllText(file, """{ "experiments": [ { "name": "a", "run": [] } ] }""");
        Assert.StartsWith($"{file}: not a valid plan (", Assert.Throws<InvalidDataException>(() => PlanFile.Load(file)).Message);
    }
}
