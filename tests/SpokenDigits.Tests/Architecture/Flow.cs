using System.Text.RegularExpressions;
using NetArchTest.Rules;

namespace SpokenDigits.Tests.Architecture;

/// <summary>The one-way flow of the library's folders (README, Layout): each step may use the steps before it,
/// never a later one; steps in the same group are peers that use neither each other nor anything later.</summary>
public static class Flow
{
    /// <summary>The library's namespaces in flow order (a namespace covers its sub-namespaces, e.g.
    /// SpokenDigits.Analysis.Ablation).</summary>
    public static readonly IReadOnlyList<IReadOnlyList<string>> Library =
    [
        ["SpokenDigits.Runtime"],
        ["SpokenDigits.Audio"],
        ["SpokenDigits.Features"],
        ["SpokenDigits.Data"],
        ["SpokenDigits.Models"],
        ["SpokenDigits.Training"],
        ["SpokenDigits.Evaluation"],
        ["SpokenDigits.Runs"],
        // the chart definitions (plotly JSON, static SVG/PNG): Analysis takes the fusion gain and model names from them
        ["SpokenDigits.Charts"],
        ["SpokenDigits.Analysis"],
        ["SpokenDigits.Rendering"],
        ["SpokenDigits.Experiments"],
        ["SpokenDigits.Inference", "SpokenDigits.Benchmarking"],
        // the notebooks' helpers, on top of everything (notebook 08 reloads trained runs through Inference)
        ["SpokenDigits.Interactive"],
    ];

    /// <summary>One import against the flow: <paramref name="Type"/>, in step <paramref name="Step"/>, uses a type of
    /// <paramref name="Uses"/>, a later step or a peer.</summary>
    public sealed record Violation(string Type, string Step, string Uses)
    {
        public override string ToString() => $"{Type} ({Step}) uses {Uses}, which comes later in the flow or is a peer";
    }

    /// <summary>Every import against <paramref name="flow"/> among <paramref name="types"/>: their type references,
    /// signatures and method bodies as compiled (not their using lines).</summary>
    public static IReadOnlyList<Violation> Violations(Func<Types> types, IReadOnlyList<IReadOnlyList<string>> flow)
    {
        var violations = new List<Violation>();
        for (int i = 0; i < flow.Count; i++)
            foreach (var step in flow[i])
            {
                var forbidden = flow[i].Where(peer => peer != step).Concat(flow.Skip(i + 1).SelectMany(g => g));
                foreach (var later in forbidden)
                {
                    var result = types().That().ResideInNamespaceMatching(Within(step)).ShouldNot().HaveDependencyOn(later).GetResult();
                    if (!result.IsSuccessful)
                        violations.AddRange(result.FailingTypeNames.Select(type => new Violation(type, step, later)));
                }
            }
        return violations;
    }

    /// <summary>The namespaces of <paramref name="types"/> under <paramref name="root"/> that no step of
    /// <paramref name="flow"/> covers (a new folder must be given its place in the flow).</summary>
    public static IReadOnlyList<string> Unplaced(Func<Types> types, IReadOnlyList<IReadOnlyList<string>> flow, string root)
    {
        var placed = flow.SelectMany(g => g).Select(Within).ToList();
        var result = types().That().ResideInNamespaceMatching(Within(root))
            .ShouldNot().ResideInNamespaceMatching(Within(root)).GetResult();   // every type under root, by name
        return (result.FailingTypeNames ?? [])
            .Select(NamespaceOf)
            .Where(ns => !placed.Any(step => Regex.IsMatch(ns, step)))
            .Distinct().Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>The namespace of a type named as Cecil names it (a nested type, "Outer/Inner", lives in Outer's).</summary>
    static string NamespaceOf(string typeName)
    {
        var outer = typeName.Split('/')[0];
        int dot = outer.LastIndexOf('.');
        return dot < 0 ? "" : outer[..dot];
    }

    static string Within(string step) => "^" + Regex.Escape(step) + @"(\..+)?$";
}
