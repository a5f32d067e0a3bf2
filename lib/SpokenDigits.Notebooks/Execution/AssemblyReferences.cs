using System.Reflection;
using System.Runtime.InteropServices;
using System.Runtime.Loader;

namespace SpokenDigits.Notebooks;

/// <summary>
/// Loads assemblies that notebooks reference with #r "path" into the DEFAULT AssemblyLoadContext,
/// once per process, and resolves their dependencies (managed and native) from the folders of the
/// referenced assemblies.
/// </summary>
/// <remarks>
/// Why: Roslyn's InteractiveAssemblyLoader on .NET Core creates a new AssemblyLoadContext per #r'd
/// file. Assemblies already known to the default context win (it asks the default context first),
/// but anything only found beside the #r'd file would end up in a private context. A private copy of
/// Microsoft.DotNet.Interactive.Formatting would have its own static Formatter registry (formatters
/// registered by the library would be invisible to the engine), and a second copy of a library would
/// have distinct types. Loading into the default context up front makes every later lookup
/// (the script assemblies' references, the library's own dependencies) bind to the one loaded copy.
/// If an assembly with the same simple name is already loaded in the default context (e.g. the CLI
/// references SpokenDigits itself), or is on the host's trusted-platform-assembly list, that copy is
/// used instead of loading the file again; the #r'd file is still the compile-time reference.
/// </remarks>
public static class AssemblyReferences
{
    private static readonly object Gate = new();
    private static readonly List<string> ProbeDirectories = new();
    private static readonly Dictionary<string, Assembly> ByPath = new(StringComparer.Ordinal);
    private static bool _hooked;

    /// <summary>Folders searched for dependencies of #r'd assemblies.</summary>
    public static IReadOnlyList<string> Directories { get { lock (Gate) return ProbeDirectories.ToList(); } }

    /// <summary>Messages about reuse of already-loaded copies (for diagnostics).</summary>
    public static event Action<string>? Note;

    /// <summary>Loads (or finds) the assembly at <paramref name="path"/> in the default context.</summary>
    public static Assembly Load(string path)
    {
        path = Path.GetFullPath(path);
        lock (Gate)
        {
            Hook();
            if (ByPath.TryGetValue(path, out var known)) return known;
            var dir = Path.GetDirectoryName(path)!;
            if (!ProbeDirectories.Contains(dir)) ProbeDirectories.Add(dir);

            var name = AssemblyName.GetAssemblyName(path);
            var loaded = FindLoaded(name.Name!);
            if (loaded is null && IsTrustedPlatformAssembly(name.Name!))
            {
                loaded = AssemblyLoadContext.Default.LoadFromAssemblyName(name);
            }
            if (loaded is not null)
            {
                if (!string.Equals(loaded.GetName().Name, name.Name, StringComparison.Ordinal) &&
                    loaded == Assembly.GetEntryAssembly())
                    throw new FileLoadException(
                        $"Cannot load {path}: the host program's own assembly '{loaded.GetName().Name}' has the same name " +
                        $"(assembly names are case-insensitive), so '{name.Name}' would bind to the program instead. " +
                        "Give the host a different AssemblyName.");
                if (!string.Equals(loaded.Location, path, StringComparison.Ordinal))
                {
                    var sameVersion = loaded.GetName().Version == name.Version;
                    Note?.Invoke($"#r {path}: {name.Name} is already loaded from '{loaded.Location}'" +
                                 (sameVersion ? "; using that copy." : $" (version {loaded.GetName().Version}, file has {name.Version}); using the loaded copy."));
                }
            }
            else
            {
                loaded = AssemblyLoadContext.Default.LoadFromAssemblyPath(path);
            }
            ByPath[path] = loaded;
            return loaded;
        }
    }

    private static Assembly? FindLoaded(string simpleName) =>
        AssemblyLoadContext.Default.Assemblies.FirstOrDefault(a =>
            string.Equals(a.GetName().Name, simpleName, StringComparison.OrdinalIgnoreCase) && !a.IsDynamic);

    private static HashSet<string>? _tpa;

    private static bool IsTrustedPlatformAssembly(string simpleName)
    {
        _tpa ??= new HashSet<string>(
            ((AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") as string) ?? "")
                .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
                .Select(Path.GetFileNameWithoutExtension)!,
            StringComparer.OrdinalIgnoreCase);
        return _tpa.Contains(simpleName);
    }

    private static void Hook()
    {
        if (_hooked) return;
        _hooked = true;
        AssemblyLoadContext.Default.Resolving += ResolveManaged;
        AssemblyLoadContext.Default.ResolvingUnmanagedDll += ResolveNative;
    }

    private static Assembly? ResolveManaged(AssemblyLoadContext context, AssemblyName name)
    {
        if (name.Name is null) return null;
        string[] dirs;
        lock (Gate)
        {
            var loaded = FindLoaded(name.Name);
            if (loaded is not null) return loaded;
            dirs = ProbeDirectories.ToArray();
        }
        foreach (var dir in dirs)
        {
            foreach (var ext in new[] { ".dll", ".exe" })
            {
                var candidate = Path.Combine(dir, name.Name + ext);
                if (File.Exists(candidate))
                {
                    lock (Gate)
                    {
                        var again = FindLoaded(name.Name);
                        if (again is not null) return again;
                        var a = context.LoadFromAssemblyPath(candidate);
                        ByPath[candidate] = a;
                        return a;
                    }
                }
            }
        }
        return null;
    }

    private static IntPtr ResolveNative(Assembly requester, string libraryName)
    {
        string[] dirs;
        lock (Gate) dirs = ProbeDirectories.ToArray();
        var requesterDir = string.IsNullOrEmpty(requester.Location) ? null : Path.GetDirectoryName(requester.Location);
        foreach (var dir in (requesterDir is null ? dirs : dirs.Prepend(requesterDir)).Distinct())
        {
            foreach (var candidate in NativeCandidates(libraryName))
            {
                var path = Path.Combine(dir, candidate);
                if (File.Exists(path) && NativeLibrary.TryLoad(path, out var handle)) return handle;
            }
        }
        return IntPtr.Zero;
    }

    private static IEnumerable<string> NativeCandidates(string name)
    {
        yield return name;
        if (OperatingSystem.IsWindows()) { yield return name + ".dll"; yield break; }
        var ext = OperatingSystem.IsMacOS() ? ".dylib" : ".so";
        yield return name + ext;
        if (!name.StartsWith("lib", StringComparison.Ordinal)) yield return "lib" + name + ext;
    }
}
