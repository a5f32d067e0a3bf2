using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SpokenDigits.Notebooks;

/// <summary>The kind of a notebook cell.</summary>
public enum CellType { Markdown, Code, Raw }

/// <summary>An nbformat 4 notebook document (read/written with System.Text.Json).</summary>
public sealed class Notebook
{
    public int NbFormat { get; set; } = 4;
    public int NbFormatMinor { get; set; } = 5;

    /// <summary>Notebook metadata; unknown keys round-trip untouched.</summary>
    public JsonObject Metadata { get; set; } = new();

    public List<NotebookCell> Cells { get; } = new();

    /// <summary>Top-level keys other than nbformat/nbformat_minor/metadata/cells (kept for round-tripping).</summary>
    public JsonObject Extra { get; } = new();

    public IEnumerable<NotebookCell> CodeCells => Cells.Where(c => c.CellType == CellType.Code);

    public static Notebook Load(string path) => Parse(File.ReadAllText(path));

    public static Notebook Parse(string json)
    {
        var root = JsonNode.Parse(json) as JsonObject
            ?? throw new FormatException("A notebook must be a JSON object.");
        var nb = new Notebook
        {
            NbFormat = root["nbformat"]?.GetValue<int>() ?? 4,
            NbFormatMinor = root["nbformat_minor"]?.GetValue<int>() ?? 0,
            Metadata = root["metadata"] is JsonObject m ? (JsonObject)m.DeepClone() : new JsonObject(),
        };
        foreach (var (key, value) in root)
        {
            if (key is "nbformat" or "nbformat_minor" or "metadata" or "cells") continue;
            nb.Extra[key] = value?.DeepClone();
        }
        if (root["cells"] is JsonArray cells)
        {
            foreach (var c in cells)
            {
                if (c is JsonObject co) nb.Cells.Add(NotebookCell.FromJson(co));
                else throw new FormatException("Every cell must be a JSON object.");
            }
        }
        return nb;
    }

    public JsonObject ToJsonObject()
    {
        var root = new JsonObject();
        var cells = new JsonArray();
        foreach (var c in Cells) cells.Add(c.ToJson(NbFormatMinor));
        root["cells"] = cells;
        root["metadata"] = Metadata.DeepClone();
        foreach (var (key, value) in Extra) root[key] = value?.DeepClone();
        root["nbformat"] = NbFormat;
        root["nbformat_minor"] = NbFormatMinor;
        return root;
    }

    internal static readonly JsonSerializerOptions WriteOptions = new()
    {
        WriteIndented = true,
        IndentSize = 1,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Serialises like Jupyter: 1-space indentation, sources as lists of lines, trailing newline.</summary>
    public string ToJson() => ToJsonObject().ToJsonString(WriteOptions) + "\n";

    public void Save(string path)
    {
        var dir = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(dir)) Directory.CreateDirectory(dir);
        File.WriteAllText(path, ToJson(), new UTF8Encoding(false));
    }

    public Notebook Clone() => Parse(ToJson());

    /// <summary>Makes sure every cell has a unique, valid id (needed from nbformat 4.5 on).</summary>
    public void EnsureCellIds()
    {
        var seen = new HashSet<string>();
        foreach (var c in Cells)
        {
            if (c.Id is null || !NotebookValidator.IsValidCellId(c.Id) || !seen.Add(c.Id))
            {
                string id;
                do id = NewCellId(); while (!seen.Add(id));
                c.Id = id;
            }
        }
    }

    public static string NewCellId() => Guid.NewGuid().ToString("N")[..12];

    /// <summary>Splits text into Jupyter-style lines (each but the last keeps its "\n").</summary>
    public static JsonArray ToLines(string text)
    {
        var arr = new JsonArray();
        int start = 0;
        for (int i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n')
            {
                arr.Add(text.Substring(start, i - start + 1));
                start = i + 1;
            }
        }
        if (start < text.Length) arr.Add(text[start..]);
        return arr;
    }

    /// <summary>Reads a multiline string: either a string or a list of strings (concatenated).</summary>
    public static string ReadMultiline(JsonNode? node) => node switch
    {
        null => "",
        JsonArray a => string.Concat(a.Select(x => x?.GetValue<string>() ?? "")),
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        _ => node.ToJsonString(),
    };
}

/// <summary>One cell of a notebook.</summary>
public sealed class NotebookCell
{
    public CellType CellType { get; set; }
    public string? Id { get; set; }
    public string Source { get; set; } = "";
    public JsonObject Metadata { get; set; } = new();
    /// <summary>Code cells only.</summary>
    public int? ExecutionCount { get; set; }
    /// <summary>Code cells only.</summary>
    public List<CellOutput> Outputs { get; } = new();
    /// <summary>Markdown/raw cells: attachments (kept as-is).</summary>
    public JsonObject? Attachments { get; set; }

    public NotebookCell() { }
    public NotebookCell(CellType type, string source, string? id = null)
    {
        CellType = type; Source = source; Id = id ?? Notebook.NewCellId();
    }

    public IReadOnlyList<string> Tags =>
        Metadata["tags"] is JsonArray a ? a.Select(t => t?.GetValue<string>() ?? "").ToList() : Array.Empty<string>();

    public bool HasTag(string tag) => Tags.Contains(tag, StringComparer.Ordinal);

    public void AddTag(string tag)
    {
        if (HasTag(tag)) return;
        if (Metadata["tags"] is not JsonArray a) Metadata["tags"] = a = new JsonArray();
        a.Add(tag);
    }

    /// <summary>The first non-blank line of the source (for messages).</summary>
    public string FirstLine =>
        Source.Split('\n').Select(l => l.TrimEnd('\r')).FirstOrDefault(l => l.Trim().Length > 0)?.Trim() ?? "";

    /// <summary>The kernel a code cell names in its metadata (Polyglot), or null.</summary>
    public string? KernelName =>
        (Metadata["polyglot_notebook"] as JsonObject)?["kernelName"]?.GetValue<string>()
        ?? (Metadata["dotnet_interactive"] as JsonObject)?["language"]?.GetValue<string>();

    internal static NotebookCell FromJson(JsonObject o)
    {
        var typeName = o["cell_type"]?.GetValue<string>() ?? throw new FormatException("A cell has no cell_type.");
        var cell = new NotebookCell
        {
            CellType = typeName switch
            {
                "code" => CellType.Code,
                "markdown" => CellType.Markdown,
                "raw" => CellType.Raw,
                _ => throw new FormatException($"Unknown cell_type '{typeName}'."),
            },
            Id = o["id"]?.GetValue<string>(),
            Source = Notebook.ReadMultiline(o["source"]),
            Metadata = o["metadata"] is JsonObject m ? (JsonObject)m.DeepClone() : new JsonObject(),
            Attachments = o["attachments"] is JsonObject at ? (JsonObject)at.DeepClone() : null,
        };
        if (cell.CellType == CellType.Code)
        {
            var ec = o["execution_count"];
            cell.ExecutionCount = ec is JsonValue v && v.TryGetValue<int>(out var n) ? n : null;
            if (o["outputs"] is JsonArray outs)
                foreach (var x in outs)
                    if (x is JsonObject xo) cell.Outputs.Add(CellOutput.FromJson(xo));
        }
        return cell;
    }

    internal JsonObject ToJson(int nbformatMinor)
    {
        var o = new JsonObject
        {
            ["cell_type"] = CellType switch { CellType.Code => "code", CellType.Markdown => "markdown", _ => "raw" },
        };
        if (CellType == CellType.Code) o["execution_count"] = ExecutionCount;
        if (Id is not null && nbformatMinor >= 5) o["id"] = Id;
        o["metadata"] = Metadata.DeepClone();
        if (CellType == CellType.Code)
        {
            var outs = new JsonArray();
            foreach (var x in Outputs) outs.Add(x.ToJson());
            o["outputs"] = outs;
        }
        else if (Attachments is not null) o["attachments"] = Attachments.DeepClone();
        o["source"] = Notebook.ToLines(Source);
        return o;
    }
}
