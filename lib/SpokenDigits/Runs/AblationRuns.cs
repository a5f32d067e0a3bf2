using System.Globalization;
using SpokenDigits.Models;
using SpokenDigits.Training;

namespace SpokenDigits.Runs;

/// <summary>Every finished run an ablation report reads, gathered from a report folder: the two single-branch models and
/// the baseline from the report's own runs, each variant from <c>variants/&lt;label&gt;/</c>. A variant run that is
/// missing, unfinished, failed, unreadable or trained with other settings than its label says is left out, with a note.</summary>
/// <param name="Contenders">Raw-only, spectrogram-only, the baseline, then the variants in the manifest's order.</param>
/// <param name="Notes">What was left out and why, in plain sentences.</param>
/// <param name="First">The run whose settings head the report.</param>
/// <param name="LastFinished">When the last of the runs read finished: the time the ablation report's data is of.</param>
public sealed record AblationRuns(
    string Folder,
    AblationManifest? Manifest,
    ReportManifest? Report,
    IReadOnlyList<AblationContender> Contenders,
    IReadOnlyList<string> Notes,
    RunResults First,
    DateTimeOffset? LastFinished = null)
{
    const string FusionName = ModelNames.Fusion;

    public AblationContender? Contender(string name) => Contenders.FirstOrDefault(c => c.Name == name);

    /// <exception cref="FileNotFoundException">The folder holds no report run at all.</exception>
    public static AblationRuns Load(ReportFolder report)
    {
        if (!Directory.Exists(report.Path)) throw new FileNotFoundException($"no report folder {report.Path}", report.Path);
        var seedRuns = report.LoadSeedRuns();
        var folds = report.LoadLosoFolds();
        if (seedRuns.Count == 0 && folds.Count == 0)
            throw new FileNotFoundException($"{report.Path} holds no seed-<n>/{RunFolder.ResultsFile}: is it a report folder made by 'spokendigits report'?");
        var notes = new List<string>();
        var manifest = AblationFolder.LoadManifest(report);
        var first = seedRuns.Count > 0 ? seedRuns[0] : folds[0].Runs[0];
        var used = seedRuns.Concat(folds.SelectMany(f => f.Runs)).ToList();

        var contenders = new List<AblationContender>();
        foreach (var single in new[] { ModelNames.Raw, ModelNames.Spec })
            contenders.Add(new AblationContender(single, ContenderKind.Single, Finished(seedRuns, single), FinishedFolds(folds, single)));
        var baseline = BaselineOf(first);
        contenders.Add(new AblationContender(baseline.Label, ContenderKind.Baseline, Finished(seedRuns, FusionName), FinishedFolds(folds, FusionName)));

        var expectedSeeds = manifest?.Seeds ?? seedRuns.Select(r => r.Training.Seed).ToList();
        var official = manifest?.Variants ?? VariantsOnDisk(report);
        var loso = manifest?.LosoVariants ?? [];
        foreach (var label in official.Concat(loso).Distinct())
        {
            AblationVariant variant;
            try { variant = AblationVariant.Parse(label); }
            catch (ArgumentException e) { notes.Add($"Variant '{label}' left out: {e.Message}."); continue; }
            if (variant.Label == baseline.Label) continue;   // the report's own fused model
            var contender = LoadVariant(report, variant, official.Contains(label) ? expectedSeeds : [], notes, used);
            if (contender.Seeds.Count == 0 && contender.Loso.Count == 0)
                notes.Add($"Variant {variant.Label}: no finished run yet, so it is left out of every table.");
            else
                contenders.Add(contender);
        }
        return new AblationRuns(report.Path, manifest, report.LoadManifest(), contenders, notes, first, used.Max(r => r.Info.Finished));
    }

    /// <summary>The fusion and remedies the report's own fused model was trained with (concat-none by default).</summary>
    public static AblationVariant BaselineOf(RunResults run) =>
        new(run.ArchitectureOrOriginal.Fusion, run.Training.RemediesOrNone);

    /// <summary>The variant's usable runs, which are also added to <paramref name="used"/>.</summary>
    static AblationContender LoadVariant(ReportFolder report, AblationVariant variant, IReadOnlyList<int> expectedSeeds, List<string> notes, List<RunResults> used)
    {
        var folder = AblationFolder.Variant(report, variant);
        IReadOnlyList<RunResults> runs;
        IReadOnlyList<(string Speaker, IReadOnlyList<RunResults> Runs)> folds;
        try
        {
            runs = folder.LoadSeedRuns();
            folds = folder.LoadLosoFolds();
        }
        catch (InvalidDataException e)
        {
            notes.Add($"Variant {variant.Label}: a run could not be read ({e.Message}), so it is left out.");
            return new AblationContender(variant.Label, ContenderKind.Variant, [], []);
        }
        var usable = runs.Where(r => Usable(r, variant, $"seed {Int(r.Training.Seed)}", notes)).ToList();
        var seeds = Finished(usable, FusionName);
        var missing = expectedSeeds.Where(s => seeds.All(x => x.Seed != s)).ToList();
        if (missing.Count > 0 && seeds.Count > 0)
            notes.Add($"Variant {variant.Label}: seed{(missing.Count == 1 ? "" : "s")} {string.Join(", ", missing.Select(Int))} not finished; its official-split numbers use {Int(seeds.Count)} seed{(seeds.Count == 1 ? "" : "s")}.");
        var usableFolds = folds.Select(f => (f.Speaker, Runs: (IReadOnlyList<RunResults>)f.Runs
            .Where(r => Usable(r, variant, $"held-out speaker {f.Speaker}, seed {Int(r.Training.Seed)}", notes)).ToList())).ToList();
        used.AddRange(usable.Concat(usableFolds.SelectMany(f => f.Runs)));
        return new AblationContender(variant.Label, ContenderKind.Variant, seeds, FinishedFolds(usableFolds, FusionName));
    }

    /// <summary>A variant run counts when its fused model finished and was trained with the variant's fusion and remedies.</summary>
    static bool Usable(RunResults run, AblationVariant variant, string where, List<string> notes)
    {
        var model = run.Model(FusionName);
        if (model is null || !model.Succeeded)
        {
            notes.Add($"Variant {variant.Label}, {where}: " + (model?.Failure is { } f ? $"training failed ({f})" : "unfinished") + "; left out.");
            return false;
        }
        var trained = BaselineOf(run);
        if (trained.Label != variant.Label)
        {
            notes.Add($"Variant {variant.Label}, {where}: the run was trained as {trained.Label}; left out.");
            return false;
        }
        return true;
    }

    static IReadOnlyList<SeedModel> Finished(IEnumerable<RunResults> runs, string model) =>
        runs.Select(r => (r.Training.Seed, Model: r.Model(model))).Where(x => x.Model is { Succeeded: true })
            .Select(x => new SeedModel(x.Seed, x.Model!)).ToList();

    static IReadOnlyList<LosoFold> FinishedFolds(IEnumerable<(string Speaker, IReadOnlyList<RunResults> Runs)> folds, string model) =>
        folds.Select(f => new LosoFold(f.Speaker, Finished(f.Runs, model))).Where(f => f.Runs.Count > 0).ToList();

    static IReadOnlyList<string> VariantsOnDisk(ReportFolder report)
    {
        var root = Path.Combine(report.Path, AblationFolder.VariantsFolder);
        return Directory.Exists(root) ? Directory.GetDirectories(root).Select(d => Path.GetFileName(d)).Order(StringComparer.Ordinal).ToList() : [];
    }

    static string Int(int n) => n.ToString(CultureInfo.InvariantCulture);
}
