using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using NetArchTest.Rules;

namespace SpokenDigits.Tests.Architecture;

/// <summary>The flow rule itself, on small assemblies compiled here with Roslyn: it catches an import against the
/// flow wherever the compiled code holds it, and lets imports along the flow pass.</summary>
public class FlowRuleTests
{
    /// <summary>Compiles <paramref name="source"/> into a temporary assembly and runs the library's flow over it.</summary>
    static IReadOnlyList<Flow.Violation> ViolationsOf(string source)
    {
        var compilation = CSharpCompilation.Create("FlowProbe" + Guid.NewGuid().ToString("N"),
            [CSharpSyntaxTree.ParseText(source)],
            [MetadataReference.CreateFromFile(typeof(object).Assembly.Location),
             MetadataReference.CreateFromFile(Path.Combine(Path.GetDirectoryName(typeof(object).Assembly.Location)!, "System.Runtime.dll"))],
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        var folder = Directory.CreateTempSubdirectory("sd-flow");
        try
        {
            var path = Path.Combine(folder.FullName, compilation.AssemblyName + ".dll");
            var emitted = compilation.Emit(path);
            Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics));
            return Flow.Violations(() => Types.FromFile(path), Flow.Library);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    const string Store = """
        namespace SpokenDigits.Runs { public sealed class RunFolder { public void Save() { } } }
        namespace SpokenDigits.Runs.Ablation { public sealed class VariantFolder { } }
        namespace SpokenDigits.Interactive { public sealed class NotebookRuns { } }
        """;

    [Fact]
    public void AFieldOfALaterStepIsCaught()
    {
        var violations = ViolationsOf(Store + """
            namespace SpokenDigits.Training { public sealed class Trainer { public SpokenDigits.Runs.RunFolder? Output; } }
            """);
        var v = Assert.Single(violations);
        Assert.Equal(new Flow.Violation("SpokenDigits.Training.Trainer", "SpokenDigits.Training", "SpokenDigits.Runs"), v);
        Assert.Contains("SpokenDigits.Training.Trainer (SpokenDigits.Training) uses SpokenDigits.Runs", v.ToString());
    }

    [Fact]
    public void AUseInsideAMethodBodyIsCaught()
    {
        var violations = ViolationsOf(Store + """
            namespace SpokenDigits.Evaluation { public static class Evaluator { public static void Run() { new SpokenDigits.Runs.RunFolder().Save(); } } }
            """);
        Assert.Equal("SpokenDigits.Evaluation.Evaluator", Assert.Single(violations).Type);
    }

    [Fact]
    public void AUseInsideALambdaIsCaught()
    {
        var violations = ViolationsOf(Store + """
            namespace SpokenDigits.Data
            {
                public static class BatchLoader
                {
                    public static System.Func<object> Later(int n) => () => n > 0 ? new SpokenDigits.Runs.RunFolder() : new object();
                }
            }
            """);
        Assert.Contains(violations, v => v.Type.StartsWith("SpokenDigits.Data.BatchLoader", StringComparison.Ordinal) && v.Uses == "SpokenDigits.Runs");
        Assert.All(violations, v => Assert.Equal("SpokenDigits.Data", v.Step));
    }

    [Fact]
    public void ASubNamespaceOfALaterStepIsCaught()
    {
        var violations = ViolationsOf(Store + """
            namespace SpokenDigits.Models { public sealed class DigitClassifier { public object Folder() => new SpokenDigits.Runs.Ablation.VariantFolder(); } }
            """);
        Assert.Equal("SpokenDigits.Runs", Assert.Single(violations).Uses);
    }

    [Fact]
    public void APeerOnTopIsCaught()
    {
        var violations = ViolationsOf(Store + """
            namespace SpokenDigits.Inference { public sealed class TrainedRun { public SpokenDigits.Interactive.NotebookRuns? Notebook { get; set; } } }
            """);
        Assert.Equal(new Flow.Violation("SpokenDigits.Inference.TrainedRun", "SpokenDigits.Inference", "SpokenDigits.Interactive"), Assert.Single(violations));
    }

    [Fact]
    public void ImportsAlongTheFlowPass()
    {
        var violations = ViolationsOf(Store + """
            namespace SpokenDigits.Training { public sealed class EpochRecord { } }
            namespace SpokenDigits.Runs { public sealed class Checkpoint { public SpokenDigits.Training.EpochRecord? Last; } }
            namespace SpokenDigits.Inference { public sealed class TrainedRun { public SpokenDigits.Runs.RunFolder Folder { get; } = new(); } }
            """);
        Assert.Empty(violations);
    }

    [Fact]
    public void ANamespaceOutsideTheFlowIsReported()
    {
        var compilation = CSharpCompilation.Create("FlowProbeUnplaced",
            [CSharpSyntaxTree.ParseText("namespace SpokenDigits.Runs { public class A { } } namespace SpokenDigits.Reporting { public class B { } } namespace Other { public class C { } }")],
            [MetadataReference.CreateFromFile(typeof(object).Assembly.Location)],
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var folder = Directory.CreateTempSubdirectory("sd-flow");
        try
        {
            var path = Path.Combine(folder.FullName, "FlowProbeUnplaced.dll");
            Assert.True(compilation.Emit(path).Success);
            Assert.Equal(["SpokenDigits.Reporting"], Flow.Unplaced(() => Types.FromFile(path), Flow.Library, "SpokenDigits"));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
