using System.Globalization;
using SpokenDigits.Notebooks;

namespace SpokenDigits.Cli.Commands;

/// <summary>
/// run-notebook &lt;notebook.ipynb|folder&gt;... [-p name=value]... [--out results/notebooks] [--quick] [--timeout seconds]
/// </summary>
/// <remarks>
/// This path must not touch SpokenDigits library types before a notebook's #r loads the library:
/// the engine then reuses the one copy (see AssemblyReferences), and the CLI never loads a second one.
/// </remarks>
public static class RunNotebookCommand
{
    public const string Usage =
        "usage: run-notebook <notebook.ipynb|folder>... [-p name=value]... [--out results/notebooks] [--quick] [--timeout seconds]";

    public static int Run(string[] args) => RunAsync(args).GetAwaiter().GetResult();

    public static async Task<int> RunAsync(string[] args)
    {
        // accept being called with or without the command name
        if (args.Length > 0 && args[0] == "run-notebook") args = args[1..];
        var inputs = new List<string>();
        var parameters = new Dictionary<string, string>(StringComparer.Ordinal);
        var outDir = Path.Combine("results", "notebooks");
        TimeSpan? timeout = null;
        for (int i = 0; i < args.Length; i++)
        {
            var a = args[i];
            switch (a)
            {
                case "-h" or "--help":
                    Console.WriteLine(Usage);
                    return 0;
                case "-p" or "--parameter":
                    if (i + 1 >= args.Length || !args[i + 1].Contains('=')) return Fail("-p needs name=value");
                    var kv = args[++i];
                    var eq = kv.IndexOf('=');
                    parameters[kv[..eq].Trim()] = kv[(eq + 1)..];
                    break;
                case "--out" or "-o":
                    if (i + 1 >= args.Length) return Fail("--out needs a folder");
                    outDir = args[++i];
                    break;
                case "--quick":
                    parameters["quick"] = "true";
                    break;
                case "--timeout":
                    if (i + 1 >= args.Length || !double.TryParse(args[i + 1], NumberStyles.Float, CultureInfo.InvariantCulture, out var secs))
                        return Fail("--timeout needs seconds");
                    timeout = TimeSpan.FromSeconds(secs);
                    i++;
                    break;
                default:
                    if (a.StartsWith('-')) return Fail($"unknown option {a}");
                    inputs.Add(a);
                    break;
            }
        }
        if (inputs.Count == 0) return Fail("no notebook given");

        var notebooks = new List<string>();
        foreach (var input in inputs)
        {
            if (Directory.Exists(input))
                notebooks.AddRange(Directory.EnumerateFiles(input, "*.ipynb").OrderBy(p => Path.GetFileName(p), StringComparer.Ordinal));
            else if (File.Exists(input)) notebooks.Add(input);
            else return Fail($"not found: {input}");
        }
        if (notebooks.Count == 0) return Fail("no .ipynb files found");

        int failures = 0;
        foreach (var path in notebooks)
        {
            Console.WriteLine($"== {path}");
            NotebookRunResult result;
            try
            {
                result = await NotebookRunner.RunAsync(path, new NotebookRunOptions
                {
                    OutputDirectory = outDir,
                    Parameters = new Dictionary<string, string>(parameters, StringComparer.Ordinal),
                    CellTimeout = timeout,
                    Progress = p =>
                    {
                        if (p.Stage == CellStage.Starting)
                            Console.Write($"  cell {p.Number}/{p.Count} [{p.CellIndex}] {Shorten(p.FirstLine)} ... ");
                        else
                            Console.WriteLine($"{(p.Success ? "ok" : "FAILED")} ({p.Elapsed.TotalSeconds:0.0}s)");
                    },
                });
            }
            catch (Exception e) when (e is ArgumentException or FormatException or IOException or System.Text.Json.JsonException)
            {
                Console.Error.WriteLine($"{Path.GetFileName(path)}: {e.Message}");
                failures++;
                continue;
            }
            if (result.Success)
                Console.WriteLine($"  {result.Message} -> {result.OutputNotebookPath}");
            else
            {
                failures++;
                Console.Error.WriteLine($"  {result.Message}");
                foreach (var line in result.Error?.Traceback.Take(12) ?? [])
                    Console.Error.WriteLine("    " + line);
                Console.Error.WriteLine($"  partial notebook: {result.OutputNotebookPath}");
            }
        }
        if (notebooks.Count > 1)
            Console.WriteLine(failures == 0 ? $"all {notebooks.Count} notebooks ran" : $"{failures} of {notebooks.Count} notebooks failed");
        return failures == 0 ? 0 : 1;
    }

    private static string Shorten(string s) => s.Length <= 50 ? s : s[..47] + "...";

    private static int Fail(string message)
    {
        Console.Error.WriteLine("run-notebook: " + message);
        Console.Error.WriteLine(Usage);
        return 2;
    }
}
