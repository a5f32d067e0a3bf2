using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

[assembly: CollectionBehavior(DisableTestParallelization = true)]

namespace SpokenDigits.Notebooks.Tests;

internal sealed class TempDir : IDisposable
{
    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "nbtests-" + Guid.NewGuid().ToString("N")[..8]);
    public TempDir() => Directory.CreateDirectory(Path);
    public string File(string name) => System.IO.Path.Combine(Path, name);
    public void Dispose() { try { Directory.Delete(Path, true); } catch { } }
}

internal static class TestLibrary
{
    /// <summary>
    /// Compiles a tiny library (like SpokenDigits.dll) into dir/lib/, with a copy of
    /// Microsoft.DotNet.Interactive.Formatting.dll beside it, as in the real library's output folder.
    /// </summary>
    public static string Build(string dir, string assemblyName, string source)
    {
        var libDir = System.IO.Path.Combine(dir, "lib");
        Directory.CreateDirectory(libDir);
        var fmt = typeof(Microsoft.DotNet.Interactive.Formatting.Formatter).Assembly.Location;
        File.Copy(fmt, System.IO.Path.Combine(libDir, System.IO.Path.GetFileName(fmt)), overwrite: true);
        var fx = System.IO.Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        var refs = Directory.EnumerateFiles(fx, "*.dll")
            .Where(f => System.IO.Path.GetFileName(f) is var n && (n.StartsWith("System.") || n == "netstandard.dll") && !n.Contains(".Native"))
            .Select(f => (MetadataReference)MetadataReference.CreateFromFile(f))
            .Append(MetadataReference.CreateFromFile(fmt));
        var compilation = CSharpCompilation.Create(assemblyName,
            [CSharpSyntaxTree.ParseText(source)], refs,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var path = System.IO.Path.Combine(libDir, assemblyName + ".dll");
        var emit = compilation.Emit(path);
        Assert.True(emit.Success, string.Join("\n", emit.Diagnostics));
        return path;
    }
}
