using System.Text.Json;
using System.Text.Json.Nodes;

namespace SpokenDigits.Notebooks.Kernel;

/// <summary>Writes the kernelspec folder (kernel.json) that makes Jupyter list this kernel.</summary>
public static class KernelSpec
{
    public const string DefaultName = "spokendigits-csharp";
    public const string DisplayName = "C# (SpokenDigits)";

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
    public static JsonObject KernelJson(string cliDllPath, string dotnet = "dotnet") => new()
    {
        ["argv"] = new JsonArray(dotnet, Path.GetFullPath(cliDllPath), "kernel", "-f", "{connection_file}"),
        ["display_name"] = DisplayName,
        ["language"] = "csharp",
        ["interrupt_mode"] = "message",
        ["metadata"] = new JsonObject { ["debugger"] = false },
    };

    /// <summary>Writes &lt;kernels folder&gt;/&lt;name&gt;/kernel.json and returns that folder. A kernelspec of another kernel
    /// under that name (such as the .NET Interactive kernel's <c>.net-csharp</c>) is never overwritten.</summary>
    /// <exception cref="InvalidOperationException">the folder holds another kernel's kernel.json.</exception>
    public static string Install(string cliDllPath, string? prefix = null, string name = DefaultName, string dotnet = "dotnet")
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
            KernelJson(cliDllPath, dotnet).ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n");
        return dir;
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
