using System.Diagnostics;
using SpokenDigits.Runs;

namespace SpokenDigits.Tests.Cli;

/// <summary>The <c>./spokendigits</c> wrapper: builds the CLI only when a source is newer than it.</summary>
public class WrapperTests
{
    [Fact]
    public void Runs_without_building_when_nothing_changed()
    {
        string root = ProjectPaths.TryFindRoot() ?? throw new InvalidOperationException("no repository root above the test assembly");
        string dll = Path.Combine(root, "lib", "SpokenDigits.Cli", "bin", "Debug", "net10.0", "SpokenDigits.Cli.dll");
        Run(root);                                   // builds if a source changed since ./run-tests built
        DateTime checkedAt = File.GetLastWriteTimeUtc(dll);
        string help = Run(root);
        Assert.Contains("spokendigits", help);
        Assert.Equal(checkedAt, File.GetLastWriteTimeUtc(dll));   // a build (or its touch) would have moved it
    }

    private static string Run(string root)
    {
        var psi = new ProcessStartInfo(Path.Combine(root, "spokendigits")) { RedirectStandardOutput = true, RedirectStandardError = true };
        psi.ArgumentList.Add("--help");
        using var p = Process.Start(psi)!;
        var stderr = p.StandardError.ReadToEndAsync();
        string stdout = p.StandardOutput.ReadToEnd();
        Assert.True(p.WaitForExit(300_000), "./spokendigits --help did not finish");
        Assert.True(p.ExitCode == 0, $"./spokendigits --help failed: {stderr.Result}");
        return stdout;
    }
}
