using System.Text;
using System.Text.RegularExpressions;

namespace SpokenDigits.Notebooks;

/// <summary>Handles Polyglot magics (#!...) and #r directives before Roslyn sees a cell.</summary>
internal static partial class CellPreprocessor
{
    internal sealed class Result
    {
        public string Code = "";
        public List<string> References = new();   // full paths or assembly names
        public List<string> Notes = new();        // written to stderr
        public string? Error;                      // the cell must not run
        public bool Time;
    }

    private static readonly HashSet<string> CSharpKernels = new(StringComparer.OrdinalIgnoreCase) { "csharp", "c#", "cs" };

    private static readonly HashSet<string> OtherKernels = new(StringComparer.OrdinalIgnoreCase)
    {
        "fsharp", "f#", "fs", "pwsh", "powershell", "javascript", "js", "html", "markdown", "md", "sql", "kql",
        "python", "r", "mermaid", "http", "value", "vscode", "share", "connect", "set", "import", "include",
    };

    [GeneratedRegex("^\\s*#r\\s+\"(?<ref>[^\"]*)\"\\s*(//.*)?$")]
    private static partial Regex ReferenceDirective();

    [GeneratedRegex("^\\s*#i\\s+\"(?<src>[^\"]*)\"")]
    private static partial Regex SourceDirective();

    public static Result Process(string code, string baseDirectory)
    {
        var r = new Result();
        var lines = code.Replace("\r\n", "\n").Split('\n');
        var sb = new StringBuilder();
        for (int i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            var trimmed = line.Trim();
            string keep = line;
            if (trimmed.StartsWith("#!", StringComparison.Ordinal))
            {
                var word = trimmed[2..].Split((char[]?)null, 2, StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? "";
                keep = "";
                if (CSharpKernels.Contains(word)) { }
                else if (word.Equals("time", StringComparison.OrdinalIgnoreCase)) r.Time = true;
                else if (OtherKernels.Contains(word))
                {
                    r.Error = $"Line {i + 1}: '#!{word}' needs another kernel; this runner executes C# only (use a C# cell).";
                    return r;
                }
                else r.Notes.Add($"note: magic command '#!{word}' is not supported by this runner; skipped.");
            }
            else if (ReferenceDirective().Match(line) is { Success: true } m)
            {
                keep = "";
                var reference = m.Groups["ref"].Value.Trim();
                if (reference.StartsWith("nuget:", StringComparison.OrdinalIgnoreCase))
                {
                    r.Error = $"Line {i + 1}: #r \"{reference}\": NuGet references are not supported by this runner. " +
                              "Reference the built library instead, e.g. #r \"../lib/SpokenDigits/bin/Debug/net10.0/SpokenDigits.dll\" " +
                              "(its folder holds all its dependencies).";
                    return r;
                }
                r.References.Add(ResolveReference(reference, baseDirectory));
            }
            else if (SourceDirective().IsMatch(line))
            {
                keep = "";
                r.Notes.Add($"note: '{trimmed}' (package source) is ignored by this runner.");
            }
            sb.Append(keep);
            if (i < lines.Length - 1) sb.Append('\n');
        }
        r.Code = sb.ToString();
        return r;
    }

    private static string ResolveReference(string reference, string baseDirectory)
    {
        bool looksLikePath = reference.Contains('/') || reference.Contains('\\') ||
                             reference.EndsWith(".dll", StringComparison.OrdinalIgnoreCase) ||
                             reference.EndsWith(".exe", StringComparison.OrdinalIgnoreCase);
        if (!looksLikePath) return reference; // an assembly name
        var expanded = Environment.ExpandEnvironmentVariables(reference);
        return Path.GetFullPath(Path.IsPathRooted(expanded) ? expanded : Path.Combine(baseDirectory, expanded));
    }
}
