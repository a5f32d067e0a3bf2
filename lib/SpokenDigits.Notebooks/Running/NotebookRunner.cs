using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis.CSharp;

namespace SpokenDigits.Notebooks;

public sealed class NotebookRunOptions
{
    /// <summary>-p name=value overrides, injected after the cell tagged "parameters".</summary>
    public Dictionary<string, string> Parameters { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Where the executed .ipynb and .html go (relative: to the current directory).</summary>
    public string OutputDirectory { get; set; } = Path.Combine("results", "notebooks");

    public bool WriteHtml { get; set; } = true;

    public TimeSpan? CellTimeout { get; set; }

    /// <summary>Called before and after each code cell.</summary>
    public Action<CellProgress>? Progress { get; set; }

    /// <summary>Receives every output as it is produced (e.g. to echo streams live).</summary>
    public IOutputSink? LiveOutput { get; set; }
}

public enum CellStage { Starting, Finished }

/// <summary>Progress of one code cell: <see cref="Number"/> of <see cref="Count"/> code cells.</summary>
public sealed record CellProgress(
    string NotebookName, int CellIndex, int Number, int Count, string FirstLine, CellStage Stage,
    TimeSpan Elapsed, bool Success);

public sealed class NotebookRunResult
{
    public bool Success { get; init; }
    public string NotebookName { get; init; } = "";
    public string? SourcePath { get; init; }
    public string? OutputNotebookPath { get; init; }
    public string? HtmlPath { get; init; }
    /// <summary>The executed (possibly partial) notebook.</summary>
    public Notebook Notebook { get; init; } = new();
    /// <summary>Index in <see cref="Notebook"/>.Cells of the failing cell.</summary>
    public int? FailedCellIndex { get; init; }
    public string? FailedCellFirstLine { get; init; }
    public ErrorOutput? Error { get; init; }
    public TimeSpan Elapsed { get; init; }
    /// <summary>One line: "X.ipynb: ok" or "X.ipynb failed at cell 4 (`var y = ...`): ename: evalue".</summary>
    public string Message { get; init; } = "";
}

/// <summary>Executes whole notebooks headlessly (papermill-like) and writes them with their outputs.</summary>
public static partial class NotebookRunner
{
    public const string ParametersTag = "parameters";
    public const string InjectedParametersTag = "injected-parameters";

    public static async Task<NotebookRunResult> RunAsync(string notebookPath, NotebookRunOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        var full = Path.GetFullPath(notebookPath);
        var nb = Notebook.Load(full);
        return await RunAsync(nb, Path.GetDirectoryName(full)!, Path.GetFileNameWithoutExtension(full), options, cancellationToken, full)
            .ConfigureAwait(false);
    }

    /// <summary>Runs <paramref name="source"/> (not modified) with relative #r paths resolved against <paramref name="baseDirectory"/>.</summary>
    public static async Task<NotebookRunResult> RunAsync(Notebook source, string baseDirectory, string name,
        NotebookRunOptions? options = null, CancellationToken cancellationToken = default, string? sourcePath = null)
    {
        options ??= new NotebookRunOptions();
        var sw = Stopwatch.StartNew();
        var nb = source.Clone();
        var fileName = name + ".ipynb";
        if (nb.NbFormatMinor < 5) nb.NbFormatMinor = 5;
        nb.EnsureCellIds();

        // papermill: drop a previous injection, clear outputs, inject after the parameters cell
        nb.Cells.RemoveAll(c => c.HasTag(InjectedParametersTag));
        foreach (var c in nb.Cells.Where(c => c.CellType == CellType.Code)) { c.Outputs.Clear(); c.ExecutionCount = null; }
        NotebookCell? injected = null;
        if (options.Parameters.Count > 0)
        {
            foreach (var key in options.Parameters.Keys)
                if (!SyntaxFacts.IsValidIdentifier(key))
                    throw new ArgumentException($"Parameter name '{key}' is not a C# identifier.");
            injected = NotebookBuilder.CodeCell("// injected parameters", InjectedParametersTag);
            var at = nb.Cells.FindIndex(c => c.CellType == CellType.Code && c.HasTag(ParametersTag));
            nb.Cells.Insert(at < 0 ? 0 : at + 1, injected);
            nb.EnsureCellIds();
        }

        var codeCells = nb.Cells.Where(c => c.CellType == CellType.Code).ToList();
        int? failedIndex = null;
        ErrorOutput? error = null;
        using (var session = new NotebookSession(new NotebookSessionOptions { BaseDirectory = baseDirectory, CellTimeout = options.CellTimeout }))
        {
            for (int n = 0; n < codeCells.Count; n++)
            {
                var cell = codeCells[n];
                var index = nb.Cells.IndexOf(cell);
                if (cell == injected) cell.Source = BuildParameterCode(session, options.Parameters);
                options.Progress?.Invoke(new CellProgress(fileName, index, n + 1, codeCells.Count, cell.FirstLine, CellStage.Starting, TimeSpan.Zero, true));

                CellExecutionResult result;
                var kernel = cell.KernelName;
                if (kernel is not null && !kernel.Equals("csharp", StringComparison.OrdinalIgnoreCase) && !kernel.Equals("C#", StringComparison.OrdinalIgnoreCase))
                {
                    var msg = $"Cell {index} is a '{kernel}' cell; this runner executes C# cells only.";
                    var err = new ErrorOutput("NotSupportedException", msg, [msg]);
                    result = new CellExecutionResult { ExecutionCount = n + 1, Error = err, Outputs = [err] };
                }
                else
                {
                    result = await session.ExecuteAsync(cell.Source, options.LiveOutput, cancellationToken, $"Cell {index}").ConfigureAwait(false);
                }
                cell.ExecutionCount = result.ExecutionCount;
                cell.Outputs.AddRange(result.Outputs.Select(OutputSanitizer.ForNotebook));
                options.Progress?.Invoke(new CellProgress(fileName, index, n + 1, codeCells.Count, cell.FirstLine, CellStage.Finished, result.Elapsed, result.Success));
                if (!result.Success)
                {
                    failedIndex = index; error = result.Error;
                    break;
                }
            }
        }

        string? outIpynb = null, outHtml = null;
        if (!string.IsNullOrEmpty(options.OutputDirectory))
        {
            var dir = Path.GetFullPath(options.OutputDirectory);
            Directory.CreateDirectory(dir);
            outIpynb = Path.Combine(dir, fileName);
            nb.Save(outIpynb);
            if (options.WriteHtml)
            {
                outHtml = Path.Combine(dir, name + ".html");
                File.WriteAllText(outHtml, HtmlExporter.Export(nb, name));
            }
        }

        var failedCell = failedIndex is int fi ? nb.Cells[fi] : null;
        return new NotebookRunResult
        {
            Success = error is null,
            NotebookName = fileName,
            SourcePath = sourcePath,
            OutputNotebookPath = outIpynb,
            HtmlPath = outHtml,
            Notebook = nb,
            FailedCellIndex = failedIndex,
            FailedCellFirstLine = failedCell?.FirstLine,
            Error = error,
            Elapsed = sw.Elapsed,
            Message = error is null
                ? $"{fileName}: ok ({sw.Elapsed.TotalSeconds:0.0}s)"
                : $"{fileName} failed at cell {failedIndex} (`{failedCell?.FirstLine}`): {error.EName}: {error.EValue}",
        };
    }

    /// <summary>
    /// C# for the injected-parameters cell: assignments typed by the existing variable (int, long, double,
    /// float, decimal, bool, string) or, for a new name, a declaration typed by the value (int → double → bool → string).
    /// </summary>
    public static string BuildParameterCode(NotebookSession? session, IReadOnlyDictionary<string, string> parameters)
    {
        var lines = new List<string> { "// Parameters injected by the runner (-p name=value)" };
        foreach (var (name, raw) in parameters)
        {
            Type? type = null;
            bool exists = session is not null && session.TryGetVariable(name, out _, out type);
            if (exists && type is not null)
                lines.Add($"{name} = {LiteralFor(type, raw, name)};");
            else
                lines.Add($"var {name} = {InferLiteral(raw)};");
        }
        return string.Join("\n", lines);
    }

    private static string LiteralFor(Type type, string raw, string name)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        var ci = CultureInfo.InvariantCulture;
        try
        {
            if (t == typeof(string)) return SymbolDisplay.FormatLiteral(raw, quote: true);
            if (t == typeof(bool)) return ParseBool(raw) ? "true" : "false";
            if (t == typeof(int)) return int.Parse(raw, NumberStyles.Integer, ci).ToString(ci);
            if (t == typeof(long)) return long.Parse(raw, NumberStyles.Integer, ci).ToString(ci) + "L";
            if (t == typeof(double)) return FormatDouble(double.Parse(raw, NumberStyles.Float, ci));
            if (t == typeof(float)) return float.Parse(raw, NumberStyles.Float, ci).ToString("R", ci) + "f";
            if (t == typeof(decimal)) return decimal.Parse(raw, NumberStyles.Float, ci).ToString(ci) + "m";
        }
        catch (FormatException) { throw new ArgumentException($"Parameter {name}={raw}: not a valid {t.Name}."); }
        catch (OverflowException) { throw new ArgumentException($"Parameter {name}={raw}: out of range for {t.Name}."); }
        if (t.IsEnum) return $"System.Enum.Parse<{t.FullName!.Replace('+', '.')}>({SymbolDisplay.FormatLiteral(raw, true)}, true)";
        throw new ArgumentException($"Parameter {name}: variables of type {t.Name} can't be set with -p.");
    }

    private static string InferLiteral(string raw)
    {
        var ci = CultureInfo.InvariantCulture;
        if (int.TryParse(raw, NumberStyles.Integer, ci, out var i)) return i.ToString(ci);
        if (double.TryParse(raw, NumberStyles.Float, ci, out var d) && !double.IsNaN(d) && !double.IsInfinity(d)) return FormatDouble(d);
        if (raw.Equals("true", StringComparison.OrdinalIgnoreCase) || raw.Equals("false", StringComparison.OrdinalIgnoreCase))
            return raw.ToLowerInvariant();
        return SymbolDisplay.FormatLiteral(raw, quote: true);
    }

    private static string FormatDouble(double d)
    {
        var s = d.ToString("R", CultureInfo.InvariantCulture);
        return s.Contains('.') || s.Contains('E') || s.Contains('e') ? s : s + ".0";
    }

    private static bool ParseBool(string raw) => raw.ToLowerInvariant() switch
    {
        "true" or "1" or "yes" or "on" => true,
        "false" or "0" or "no" or "off" => false,
        _ => throw new FormatException(),
    };
}

/// <summary>Keeps executed notebooks small (no inlined plotly.js in outputs).</summary>
internal static partial class OutputSanitizer
{
    [GeneratedRegex("<script(?![^>]*\\bsrc=)[^>]*>(?<body>.*?)</script>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex InlineScript();

    public static CellOutput ForNotebook(CellOutput output)
    {
        if (output is not DisplayDataOutput d || d.Data.GetText("text/html") is not { Length: > 100_000 } html) return output;
        var shrunk = StripInlinePlotlyJs(html);
        if (ReferenceEquals(shrunk, html)) return output;
        var copy = (DisplayDataOutput)output.Clone();
        copy.Data["text/html"] = shrunk;
        return copy;
    }

    /// <summary>Removes inline script blocks that carry the plotly.js library itself.</summary>
    public static string StripInlinePlotlyJs(string html)
    {
        bool changed = false;
        var result = InlineScript().Replace(html, m =>
        {
            var body = m.Groups["body"].Value;
            if (body.Length > 100_000 && body.Contains("plotly", StringComparison.OrdinalIgnoreCase))
            {
                changed = true;
                return "<!-- plotly.js removed (the HTML export includes it once) -->";
            }
            return m.Value;
        });
        return changed ? result : html;
    }
}
