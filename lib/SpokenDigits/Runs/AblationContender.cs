using SpokenDigits.Evaluation;

namespace SpokenDigits.Runs;

/// <summary>What a row of the ablation is: one of the two single-branch models, the report's own fused model
/// (the baseline), or a further fused variant.</summary>
public enum ContenderKind { Single, Baseline, Variant }

/// <summary>One model's finished result for one seed.</summary>
public sealed record SeedModel(int Seed, ModelResult Model);

/// <summary>One held-out speaker's finished results (one per leave-one-speaker-out seed).</summary>
public sealed record LosoFold(string Speaker, IReadOnlyList<SeedModel> Runs);

/// <summary>One row of the ablation with its finished runs: on the official split (one per seed) and, where
/// trained, leave one speaker out. Failed and unfinished runs are not here (they are in the notes).</summary>
/// <param name="Name">"RawOnlyModel", "SpecOnlyModel", or a variant label such as "gated-aux+moddrop".</param>
public sealed record AblationContender(string Name, ContenderKind Kind, IReadOnlyList<SeedModel> Seeds, IReadOnlyList<LosoFold> Loso)
{
    public bool IsFused => Kind != ContenderKind.Single;

    public SeedModel? Seed(int seed) => Seeds.FirstOrDefault(s => s.Seed == seed);

    /// <summary>The name shown in tables: the baseline is marked as such.</summary>
    public string DisplayName => Kind == ContenderKind.Baseline ? $"{Name} (baseline)" : Name;
}
