using System.Diagnostics;

namespace SpokenDigits.Notebooks.Tests.FrontEnds;

/// <summary>
/// The .NET Interactive global tool (<c>dotnet tool install -g Microsoft.dotnet-interactive --version 1.0.712001</c>,
/// which .ci/run and ./run-tests install): the kernel Polyglot Notebooks runs and the notebooks' metadata name.
/// </summary>
internal static class InteractiveTool
{
    public const string PinnedVersion = "1.0.712001";

    /// <summary>The folder of global .NET tools, where <c>dotnet interactive</c> finds <c>dotnet-interactive</c>.</summary>
    public static string ToolsFolder => Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".dotnet", "tools");

    /// <summary>PATH with the tools folder added, for processes that run <c>dotnet interactive</c>.</summary>
    public static string SearchPath
    {
        get
        {
            string path = Environment.GetEnvironmentVariable("PATH") ?? "";
            return path.Split(Path.PathSeparator).Contains(ToolsFolder) ? path : path + Path.PathSeparator + ToolsFolder;
        }
    }

    /// <summary>The installed tool's version (from <c>dotnet tool list -g</c>); fails, naming the install command, when it is missing.</summary>
    public static string InstalledVersion()
    {
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { "tool", "list", "-g" }) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        string list = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        string? line = list.Split('\n').FirstOrDefault(l => l.StartsWith("microsoft.dotnet-interactive", StringComparison.OrdinalIgnoreCase));
        return line?.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]
            ?? throw new InvalidOperationException(
                $"the .NET Interactive tool is not installed: dotnet tool install -g Microsoft.dotnet-interactive --version {PinnedVersion}");
    }

    /// <summary>Starts <c>dotnet interactive</c> with <paramref name="args"/>, the tools folder on PATH.</summary>
    public static ProcessStartInfo Start(string workingDirectory, params string[] args)
    {
        var psi = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        psi.ArgumentList.Add("interactive");
        foreach (var a in args) psi.ArgumentList.Add(a);
        psi.Environment["PATH"] = SearchPath;
        psi.Environment["DOTNET_INTERACTIVE_CLI_TELEMETRY_OPTOUT"] = "1";
        return psi;
    }
}
