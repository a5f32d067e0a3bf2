using System.Diagnostics;

namespace SpokenDigits.Notebooks.Tests;

/// <summary>The CLI (whose <c>kernel</c> command is the project's Jupyter kernel) and, built with it, the helper library the
/// notebooks load with <c>#r</c>: built in place, in Debug, by <c>dotnet build lib/SpokenDigits.Cli</c> once per test run, so
/// a test that starts them depends on no earlier build step and no test order. Up to date, the build only checks (seconds).</summary>
internal static class CliBuild
{
    private static readonly Lazy<string> Built = new(Build, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>lib/SpokenDigits.Cli/bin/Debug/net10.0/SpokenDigits.Cli.dll, built now if this run has not yet.</summary>
    public static string Dll => Built.Value;

    private static string Build()
    {
        var root = FrontEnds.RepositoryFiles.Root;
        var project = Path.Combine(root, "lib", "SpokenDigits.Cli", "SpokenDigits.Cli.csproj");
        var psi = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = root, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        // no build servers: a compiler server or MSBuild node left running would hold the redirected output open
        foreach (var a in new[] { "build", project, "-c", "Debug", "--nologo", "--disable-build-servers", "-v", "q", "-clp:ErrorsOnly" })
            psi.ArgumentList.Add(a);
        // the test host's own MSBuild settings (set by `dotnet test`) are not the build's
        foreach (var name in psi.Environment.Keys.Where(k => k.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase)).ToList())
            psi.Environment.Remove(name);
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(psi)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(10)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"dotnet build {project} did not finish in 10 minutes");
        }
        process.WaitForExit();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"dotnet build {project} failed (exit {process.ExitCode}) after {clock.Elapsed.TotalSeconds:F0} s:\n{stdout.Result}\n{stderr.Result}");
        var dll = Path.Combine(root, "lib", "SpokenDigits.Cli", "bin", "Debug", "net10.0", "SpokenDigits.Cli.dll");
        if (!File.Exists(dll)) throw new FileNotFoundException($"dotnet build {project} succeeded but wrote no {dll}", dll);
        return dll;
    }
}
