using SpokenDigits.Models;

namespace SpokenDigits.Training;

/// <summary>One fused model of the ablation: a fusion layer trained with a set of remedies.
/// Its <see cref="Label"/> ("gated-aux+moddrop") names its folder and its row in the tables.</summary>
public sealed record AblationVariant(FusionKind Fusion, FusionRemedies Remedies)
{
    /// <summary>The report's own fused model: concat fusion, no remedy.</summary>
    public static readonly AblationVariant Baseline = new(FusionKind.Concat, FusionRemedies.None);

    public string Label => $"{Fusion.ToString().ToLowerInvariant()}-{Remedies.Label}";

    public bool IsBaseline => this == Baseline;

    /// <summary>Parses "gated-aux+moddrop", "attention-none", "concat-two-stage", … (also with '/' for '-').</summary>
    public static AblationVariant Parse(string text)
    {
        var t = text.Trim().ToLowerInvariant().Replace('/', '-');
        int dash = t.IndexOf('-');
        if (dash <= 0) throw new ArgumentException($"ablation variant '{text}' should look like gated-aux+moddrop (fusion-remedies)");
        var fusion = t[..dash] switch
        {
            "concat" => FusionKind.Concat,
            "gated" => FusionKind.Gated,
            "attention" => FusionKind.Attention,
            var f => throw new ArgumentException($"unknown fusion '{f}' in ablation variant '{text}': use concat, gated or attention"),
        };
        return new AblationVariant(fusion, FusionRemedies.Parse(t[(dash + 1)..]));
    }

    /// <summary>Every fusion × every remedy list given.</summary>
    public static IReadOnlyList<AblationVariant> Grid(IEnumerable<FusionKind> fusions, IEnumerable<FusionRemedies> remedies) =>
        fusions.SelectMany(f => remedies.Select(r => new AblationVariant(f, r))).Distinct().ToList();
}
