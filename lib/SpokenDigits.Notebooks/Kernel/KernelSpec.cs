using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SpokenDigits.Notebooks.Kernel;

/// <summary>Writes the kernelspec folder (kernel.json) that makes Jupyter list this kernel.</summary>
public static class KernelSpec
{
    public const string DefaultName = "spokendigits-csharp";
    public const string DisplayName = "C# (SpokenDigits)";

    /// <summary>The kernelspec name the notebooks' metadata ask for: the .NET Interactive (Polyglot) kernel's.</summary>
    public const string NotebooksName = ".net-csharp";

    /// <summary>The display name of this kernel when it is registered under <see cref="NotebooksName"/>.</summary>
    public const string NotebooksDisplayName = "C# (SpokenDigits, as .net-csharp)";

    /// <summary>
    /// The kernels folder: &lt;prefix&gt;/share/jupyter/kernels with a prefix, else the user's Jupyter data
    /// folder ($JUPYTER_DATA_DIR, else ~/.local/share/jupyter on Linux ($XDG_DATA_HOME/jupyter when set),
    /// ~/Library/Jupyter on macOS, %APPDATA%\jupyter on Windows) + /kernels.
    /// </summary>
    public static string KernelsDirectory(string? prefix)
    {
        if (!string.IsNullOrEmpty(prefix)) return Path.Combine(Path.GetFullPath(prefix), "share", "jupyter", "kernels");
        var data = Environment.GetEnvironmentVariable("JUPYTER_DATA_DIR");
        if (string.IsNullOrEmpty(data))
        {
            var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
            if (OperatingSystem.IsWindows()) data = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.ApplicationData), "jupyter");
            else if (OperatingSystem.IsMacOS()) data = Path.Combine(home, "Library", "Jupyter");
            else
            {
                var xdg = Environment.GetEnvironmentVariable("XDG_DATA_HOME");
                data = Path.Combine(string.IsNullOrEmpty(xdg) ? Path.Combine(home, ".local", "share") : xdg, "jupyter");
            }
        }
        return Path.Combine(data, "kernels");
    }

    /// <summary>kernel.json: argv runs `dotnet &lt;cliDll&gt; kernel -f {connection_file}`; interrupts arrive as interrupt_request messages.</summary>
    public static JsonObject KernelJson(string cliDllPath, string dotnet = "dotnet", string displayName = DisplayName) => new()
    {
        ["argv"] = new JsonArray(dotnet, Path.GetFullPath(cliDllPath), "kernel", "-f", "{connection_file}"),
        ["display_name"] = displayName,
        ["language"] = "csharp",
        ["interrupt_mode"] = "message",
        ["metadata"] = new JsonObject { ["debugger"] = false },
    };

    /// <summary>Writes &lt;kernels folder&gt;/&lt;name&gt;/kernel.json and returns that folder. A kernelspec of another kernel
    /// under that name (such as the .NET Interactive kernel's <c>.net-csharp</c>) is never overwritten.</summary>
    /// <exception cref="InvalidOperationException">the folder holds another kernel's kernel.json.</exception>
    public static string Install(string cliDllPath, string? prefix = null, string name = DefaultName, string dotnet = "dotnet",
        string displayName = DisplayName)
    {
        if (string.IsNullOrWhiteSpace(name) || name.IndexOfAny(['/', '\\', ' ']) >= 0 || name is "." or "..")
            throw new ArgumentException($"'{name}' is not a valid kernel name (letters, digits, '-', '_', '.').");
        var dir = Path.Combine(KernelsDirectory(prefix), name);
        var existing = Path.Combine(dir, "kernel.json");
        if (File.Exists(existing) && !IsOurs(existing))
            throw new InvalidOperationException(
                $"{existing} belongs to another kernel (for example .NET Interactive's '{name}'); it is left as it is. " +
                "Install under another name (--name).");
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, "kernel.json"),
            KernelJson(cliDllPath, dotnet, displayName).ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n");
        return dir;
    }

    /// <summary>
    /// Registers this kernel under <see cref="NotebooksName"/> as well, so that a notebook asking for <c>.net-csharp</c>
    /// opens (and <c>jupyter nbconvert --execute</c> runs) without a kernel chosen by hand where .NET Interactive is not
    /// installed. Where Jupyter finds a <c>.net-csharp</c> that is not ours in any of <paramref name="searched"/> (default:
    /// <see cref="SearchedKernelsDirectories"/>), nothing is written, and a copy of ours in the target folder, which would
    /// shadow it, is removed: the notebooks then open with the .NET Interactive kernel they were written in.
    /// </summary>
    public static NotebooksAlias InstallNotebooksAlias(string cliDllPath, string? prefix = null, IEnumerable<string>? searched = null)
    {
        string target = Path.Combine(KernelsDirectory(prefix), NotebooksName);
        string? other = (searched ?? SearchedKernelsDirectories(prefix))
            .Select(dir => Path.Combine(dir, NotebooksName, "kernel.json"))
            .FirstOrDefault(json => File.Exists(json) && !IsOurs(json));
        if (other is null)
            return new NotebooksAlias(Install(cliDllPath, prefix, NotebooksName, displayName: NotebooksDisplayName), null, false);
        bool removed = false;
        string ours = Path.Combine(target, "kernel.json");
        if (File.Exists(ours) && IsOurs(ours))
        {
            Directory.Delete(target, recursive: true);
            removed = true;
        }
        return new NotebooksAlias(null, Path.GetDirectoryName(other), removed);
    }

    /// <summary>The outcome of <see cref="InstallNotebooksAlias"/>: the folder written, or the other kernel's folder left
    /// in place (and whether our earlier copy was removed in its favour).</summary>
    public sealed record NotebooksAlias(string? Installed, string? OtherKernel, bool RemovedOurs);

    /// <summary>
    /// The kernels folders Jupyter looks in: its own list (<c>jupyter --paths --json</c>, data folders + /kernels) when
    /// Jupyter is on PATH, together with $JUPYTER_PATH, the user's data folder, <paramref name="prefix"/>'s and the system
    /// folders (/usr/local/share/jupyter, /usr/share/jupyter).
    /// </summary>
    public static IReadOnlyList<string> SearchedKernelsDirectories(string? prefix = null)
    {
        var data = new List<string>();
        foreach (var entry in (Environment.GetEnvironmentVariable("JUPYTER_PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
            data.Add(entry);
        data.AddRange(JupyterDataPaths());
        var kernels = data.Select(d => Path.Combine(d, "kernels")).ToList();
        kernels.Add(KernelsDirectory(null));
        if (!string.IsNullOrEmpty(prefix)) kernels.Add(KernelsDirectory(prefix));
        if (!OperatingSystem.IsWindows())
            kernels.AddRange(["/usr/local/share/jupyter/kernels", "/usr/share/jupyter/kernels"]);
        return kernels.Select(Path.GetFullPath).Distinct().ToList();
    }

    /// <summary>Jupyter's data folders as it reports them, or none when it is not installed (or does not answer in 20 s).</summary>
    private static IEnumerable<string> JupyterDataPaths()
    {
        var psi = new ProcessStartInfo("jupyter") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        psi.ArgumentList.Add("--paths");
        psi.ArgumentList.Add("--json");
        try
        {
            using var p = Process.Start(psi);
            if (p is null) return [];
            var stdout = p.StandardOutput.ReadToEndAsync();
            _ = p.StandardError.ReadToEndAsync();
            if (!p.WaitForExit(20_000)) { p.Kill(entireProcessTree: true); return []; }
            return p.ExitCode == 0 && JsonNode.Parse(stdout.Result)?["data"] is JsonArray paths
                ? paths.Select(x => x?.GetValue<string>()).OfType<string>().ToList()
                : [];
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or JsonException or InvalidOperationException)
        {
            return [];   // no jupyter on PATH: the fixed folders above
        }
    }

    /// <summary>Whether <paramref name="kernelJson"/> starts this kernel (argv runs a SpokenDigits.Cli.dll's <c>kernel</c> command).</summary>
    public static bool IsOurs(string kernelJson)
    {
        try
        {
            var argv = JsonNode.Parse(File.ReadAllText(kernelJson))?["argv"]?.AsArray().Select(a => a?.GetValue<string>() ?? "").ToList();
            return argv is not null && argv.Contains("kernel") &&
                   argv.Any(a => Path.GetFileName(a).Equals("SpokenDigits.Cli.dll", StringComparison.OrdinalIgnoreCase));
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException)
        {
            return false;   // unreadable: not provably ours, so not ours to overwrite
        }
    }
}
