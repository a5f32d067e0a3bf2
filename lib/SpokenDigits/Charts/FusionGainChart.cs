using SpokenDigits.Models;
using System.Text.Json.Nodes;
using SpokenDigits.Evaluation;
using static SpokenDigits.Charts.PlotlyFigure;

namespace SpokenDigits.Charts;

/// <summary>
/// What fusion buys per class: <c>gain[i] = fusionF1[i] − max(rawF1[i], specF1[i])</c>, the fusion model's F1
/// minus that of the better single-branch model for that class. Positive bars (green) mean fusion beats both
/// branches; negative bars (red) mean one branch alone did better.
/// </summary>
public static class FusionGainChart
{
    /// <summary>The per-class gains (see the class summary).</summary>
    public static double[] Gains(IReadOnlyList<double> fusionF1, IReadOnlyList<double> rawF1, IReadOnlyList<double> specF1)
    {
        if (rawF1.Count != fusionF1.Count || specF1.Count != fusionF1.Count)
            throw new ArgumentException($"F1 lists differ in length: fusion {fusionF1.Count}, raw {rawF1.Count}, spec {specF1.Count}");
        return Enumerable.Range(0, fusionF1.Count).Select(i => fusionF1[i] - Math.Max(rawF1[i], specF1[i])).ToArray();
    }

    /// <summary>From the three models' per-class F1 (all in the order of <paramref name="labels"/>).</summary>
    public static PlotlyChart PerClass(IReadOnlyList<string> labels, IReadOnlyList<double> fusionF1, IReadOnlyList<double> rawF1,
        IReadOnlyList<double> specF1, string title = "F1 gain of fusion over the better single branch")
    {
        if (labels.Count != fusionF1.Count)
            throw new ArgumentException($"{labels.Count} labels but {fusionF1.Count} F1 values");
        double[] gains = Gains(fusionF1, rawF1, specF1);
        string[] better = Enumerable.Range(0, labels.Count)
            .Select(i => rawF1[i] >= specF1[i] ? FormattableString.Invariant($"raw {rawF1[i]:0.000}") : FormattableString.Invariant($"spec {specF1[i]:0.000}")).ToArray();
        string[] hover = Enumerable.Range(0, labels.Count)
            .Select(i => FormattableString.Invariant($"digit {labels[i]}<br>fusion F1 {fusionF1[i]:0.000}<br>best branch: {better[i]}<br>gain {gains[i]:+0.000;−0.000;0.000}"))
            .ToArray();

        var bars = Trace("bar",
            ("name", "fusion − best branch"),
            ("x", labels.ToArray()),
            ("y", Rounded(gains, 4)),
            ("text", gains.Select(g => g.ToString("+0.000;−0.000;0.000", System.Globalization.CultureInfo.InvariantCulture)).ToArray()),
            ("textposition", "outside"),
            ("cliponaxis", false),
            ("hovertext", hover),
            ("hoverinfo", "text"),
            ("marker", Obj(("color", gains.Select(g => g >= 0 ? Positive : Negative).ToArray()))));

        double extent = Math.Max(0.05, gains.Select(Math.Abs).Where(double.IsFinite).DefaultIfEmpty(0).Max() * 1.3);
        var layout = BaseLayout(title, 420,
            ("showlegend", false),
            ("xaxis", Axis("digit", ("type", "category"))),
            ("yaxis", Axis("ΔF1 (fusion − max(raw, spec))", ("range", new[] { -extent, extent }),
                ("zeroline", true), ("zerolinecolor", "#222"), ("zerolinewidth", 2), ("tickformat", "+.2f"))));
        return Build([bars], layout);
    }

    /// <summary>
    /// From model results found by name (<see cref="ModelNames.Fusion"/>, <see cref="ModelNames.Raw"/>, <see cref="ModelNames.Spec"/> by default).
    /// Throws when one of the three is missing or has no test report.
    /// </summary>
    public static PlotlyChart PerClass(IReadOnlyList<ModelResult> results, string fusionModel = ModelNames.Fusion,
        string rawModel = ModelNames.Raw, string specModel = ModelNames.Spec, string title = "F1 gain of fusion over the better single branch")
    {
        ClassificationReport Find(string name) =>
            results.FirstOrDefault(r => r.ModelName == name)?.Test
            ?? throw new ArgumentException($"no test report for model '{name}' among: {string.Join(", ", results.Select(r => r.ModelName))}");
        var fusion = Find(fusionModel);
        var raw = Find(rawModel);
        var spec = Find(specModel);
        return PerClass(fusion.PerClass.Select(m => m.Label).ToArray(),
            fusion.PerClass.Select(m => m.F1).ToArray(), raw.PerClass.Select(m => m.F1).ToArray(),
            spec.PerClass.Select(m => m.F1).ToArray(), title);
    }
}
