using NetArchTest.Rules;

namespace SpokenDigits.Tests.Architecture;

/// <summary>The compiled library keeps the flow: no type imports a later folder (README, Layout).</summary>
public class FlowTests
{
    static Types Library() => Types.InAssembly(typeof(global::SpokenDigits.Runs.RunFolder).Assembly);

    [Fact]
    public void NoTypeOfTheLibraryUsesALaterStepOfTheFlow()
    {
        var violations = Flow.Violations(Library, Flow.Library);
        Assert.True(violations.Count == 0, "imports against the flow:\n" + string.Join("\n", violations));
    }

    [Fact]
    public void EveryNamespaceOfTheLibraryHasItsPlaceInTheFlow()
    {
        var unplaced = Flow.Unplaced(Library, Flow.Library, "SpokenDigits");
        Assert.True(unplaced.Count == 0, "namespaces outside the flow (add them to Flow.Library): " + string.Join(", ", unplaced));
    }

    [Fact]
    public void EveryStepOfTheFlowHoldsTypes()
    {
        var namespaces = typeof(global::SpokenDigits.Runs.RunFolder).Assembly.GetTypes().Select(t => t.Namespace).OfType<string>().Distinct().ToList();
        var empty = Flow.Library.SelectMany(g => g).Where(step => !namespaces.Any(ns => ns == step || ns.StartsWith(step + ".", StringComparison.Ordinal))).ToList();
        Assert.True(empty.Count == 0, "steps with no types (a renamed folder?): " + string.Join(", ", empty));
    }
}
