using System.CommandLine;
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
    public static Command Create()
    {
        var inputs = new Argument<string[]>("notebook.ipynb|folder")
        {
            Arity = ArgumentArity.OneOrMore, Description = "notebooks to run, or folders whose *.ipynb run in name order",
        };
        inputs.Validators.Add(r =>
        {
            foreach (var input in r.Tokens.Select(t => t.Value))
                if (!Directory.Exists(input) && !File.Exists(input)) r.AddError($"not found: {input}");
        });
        var parameters = new Option<string[]>("--parameter", "-p")
        {
            HelpName = "name=value", Description = "set a notebook parameter (repeatable)", Arity = ArgumentArity.OneOrMore,
        };
        parameters.Validators.Add(r =>
        {
            foreach (var p in r.Tokens.Select(t => t.Value))
                if (!p.Contains('=')) r.AddError($"-p needs name=value, got '{p}'");
        });
        var outDir = new Option<string>("--out", "-o")
        {
            HelpName = "DIR", Description = "folder of the executed notebooks (.ipynb and .html)", DefaultValueFactory = _ => Path.Combine("results", "notebooks"),
        };
        var quick = new Option<bool>("--quick") { Description = "the notebooks' smoke-run parameters (same as -p quick=true)" };
        var timeout = new Option<double?>("--timeout") { HelpName = "seconds", Description = "stop a cell that runs longer (default: no limit)" };
        var command = new Command("run-notebook", "executes notebooks headless -> results/notebooks/ (.ipynb with outputs, and .html)")
        {
            inputs, parameters, outDir, quick, timeout,
        };
        command.SetAction(parse =>
        {
            var values = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var kv in parse.GetValue(parameters) ?? [])
            {
                var eq = kv.IndexOf('=');
                values[kv[..eq].Trim()] = kv[(eq + 1)..];
            }
            if (parse.GetValue(quick)) values["quick"] = "true";
            var seconds = parse.GetValue(timeout);
            return RunAsync(parse.GetValue(inputs)!, values, parse.GetValue(outDir)!, seconds is { } s ? TimeSpan.FromSeconds(s) : null)
                .GetAwaiter().GetResult();
        });
        return command;
    }

    public static async Task<int> RunAsync(IReadOnlyList<string> inputs, IReadOnlyDictionary<string, string> parameters, string outDir, TimeSpan? timeout)
    {
        var notebooks = new List<string>();
        foreach (var input in inputs)
        {
            if (Directory.Exists(input))
                notebooks.AddRange(Directory.EnumerateFiles(input, "*.ipynb").OrderBy(p => Path.GetFileName(p), StringComparer.Ordinal));
            else if (File.Exists(input)) notebooks.Add(input);
            else throw new UsageException($"not found: {input}");
        }
        if (notebooks.Count == 0) throw new UsageException($"no .ipynb files in {string.Join(", ", inputs)}");

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
        return failures == 0 ? ExitCodes.Success : ExitCodes.Error;
    }

    private static string Shorten(string s) => s.Length <= 50 ? s : s[..47] + "...";
}
