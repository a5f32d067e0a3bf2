using System.Diagnostics;
using System.Runtime.InteropServices;

namespace SpokenDigits.Runs;

/// <summary>Where a result came from: the command, the commit and the machine.</summary>
public sealed record RunInfo(
    string Command,
    string? Commit,
    bool? WorkingTreeDirty,
    MachineInfo Machine,
    DateTimeOffset Started,
    DateTimeOffset? Finished)
{
    /// <summary>Describes the current process: its command line, the git commit of
    /// <paramref name="projectRoot"/> and this machine.</summary>
    public static RunInfo Capture(string command, string? projectRoot, int threads) =>
        new(command, Git(projectRoot, "rev-parse HEAD"), GitDirty(projectRoot), MachineInfo.Capture(threads), DateTimeOffset.Now, null);

    static bool? GitDirty(string? root) => Git(root, "status --porcelain --untracked-files=no") is { } s ? s.Length > 0 : null;

    static string? Git(string? root, string arguments)
    {
        if (root is null) return null;
        try
        {
            var info = new ProcessStartInfo("git", $"-C \"{root}\" {arguments}") { RedirectStandardOutput = true, RedirectStandardError = true };
            using var process = Process.Start(info)!;
            var output = process.StandardOutput.ReadToEnd().Trim();
            process.WaitForExit();
            return process.ExitCode == 0 ? output : null;
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            return null;
        }
    }
}

/// <summary>The machine a run was made on, in words a reader can compare.</summary>
public sealed record MachineInfo(string Os, string Cpu, int Cores, double MemoryGiB, string Runtime, string TorchSharp, int TorchThreads)
{
    public static MachineInfo Capture(int threads) => new(
        RuntimeInformation.OSDescription,
        CpuModel(),
        Environment.ProcessorCount,
        Math.Round(GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1024.0 * 1024 * 1024), 1),
        RuntimeInformation.FrameworkDescription,
        typeof(TorchSharp.torch).Assembly.GetName().Version?.ToString() ?? "?",
        threads);

    public override string ToString() => $"{Cpu}, {Cores} cores, {MemoryGiB} GiB, {Os}, {Runtime}, TorchSharp {TorchSharp}, {TorchThreads} torch threads";

    static string CpuModel()
    {
        try
        {
            var line = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal));
            if (line is not null) return line[(line.IndexOf(':') + 1)..].Trim();
        }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
        return RuntimeInformation.ProcessArchitecture.ToString();
    }
}
