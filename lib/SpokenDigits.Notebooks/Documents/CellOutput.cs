using System.Text.Json.Nodes;

namespace SpokenDigits.Notebooks;

/// <summary>An output of a code cell (nbformat 4 output types).</summary>
public abstract class CellOutput
{
    /// <summary>"stream", "display_data", "execute_result" or "error".</summary>
    public abstract string OutputType { get; }

    public abstract JsonObject ToJson();

    public CellOutput Clone() => FromJson(ToJson());

    public static CellOutput FromJson(JsonObject o)
    {
        var type = o["output_type"]?.GetValue<string>() ?? throw new FormatException("An output has no output_type.");
        switch (type)
        {
            case "stream":
                return new StreamOutput(o["name"]?.GetValue<string>() ?? "stdout", Notebook.ReadMultiline(o["text"]));
            case "display_data":
            case "execute_result":
                var data = new MimeBundle();
                if (o["data"] is JsonObject d)
                    foreach (var (mime, value) in d) data[mime] = MimeBundle.Normalize(mime, value);
                var meta = o["metadata"] is JsonObject m ? (JsonObject)m.DeepClone() : new JsonObject();
                if (type == "display_data")
                {
                    var dd = new DisplayDataOutput(data, meta);
                    if (o["transient"] is JsonObject t) dd.Transient = (JsonObject)t.DeepClone();
                    return dd;
                }
                var ec = o["execution_count"];
                return new ExecuteResultOutput(data, ec is JsonValue ecv && ecv.TryGetValue<int>(out var n) ? n : null, meta);
            case "error":
                return new ErrorOutput(
                    o["ename"]?.GetValue<string>() ?? "",
                    o["evalue"]?.GetValue<string>() ?? "",
                    o["traceback"] is JsonArray tb ? tb.Select(x => x?.GetValue<string>() ?? "").ToList() : new List<string>());
            default:
                throw new FormatException($"Unknown output_type '{type}'.");
        }
    }
}

/// <summary>stdout/stderr text.</summary>
public sealed class StreamOutput(string name, string text) : CellOutput
{
    public override string OutputType => "stream";
    public string Name { get; } = name;
    public string Text { get; set; } = text;

    public override JsonObject ToJson() => new()
    {
        ["name"] = Name,
        ["output_type"] = OutputType,
        ["text"] = Notebook.ToLines(Text),
    };
}

/// <summary>A mime bundle shown by display(...).</summary>
public class DisplayDataOutput(MimeBundle data, JsonObject? metadata = null) : CellOutput
{
    public override string OutputType => "display_data";
    public MimeBundle Data { get; set; } = data;
    public JsonObject Metadata { get; set; } = metadata ?? new JsonObject();
    /// <summary>Jupyter's transient dict (display_id); never written to the .ipynb.</summary>
    public JsonObject? Transient { get; set; }

    public override JsonObject ToJson() => new()
    {
        ["data"] = Data.ToJson(),
        ["metadata"] = Metadata.DeepClone(),
        ["output_type"] = OutputType,
    };
}

/// <summary>The value of a cell's trailing expression.</summary>
public sealed class ExecuteResultOutput(MimeBundle data, int? executionCount, JsonObject? metadata = null)
    : DisplayDataOutput(data, metadata)
{
    public override string OutputType => "execute_result";
    public int? ExecutionCount { get; set; } = executionCount;

    public override JsonObject ToJson() => new()
    {
        ["data"] = Data.ToJson(),
        ["execution_count"] = ExecutionCount,
        ["metadata"] = Metadata.DeepClone(),
        ["output_type"] = OutputType,
    };
}

/// <summary>An exception or compile error.</summary>
public sealed class ErrorOutput(string ename, string evalue, IReadOnlyList<string> traceback) : CellOutput
{
    public override string OutputType => "error";
    public string EName { get; } = ename;
    public string EValue { get; } = evalue;
    public IReadOnlyList<string> Traceback { get; } = traceback;

    public override JsonObject ToJson() => new()
    {
        ["ename"] = EName,
        ["evalue"] = EValue,
        ["output_type"] = OutputType,
        ["traceback"] = new JsonArray(Traceback.Select(t => (JsonNode?)JsonValue.Create(t)).ToArray()),
    };
}

/// <summary>
/// mime type → value. Text types hold a string; JSON types (application/json, */*+json) hold a JSON
/// object/array embedded as such in the .ipynb.
/// </summary>
public sealed class MimeBundle : Dictionary<string, JsonNode?>
{
    public MimeBundle() : base(StringComparer.Ordinal) { }

    public const string PlotlyMimeType = "application/vnd.plotly.v1+json";

    public static bool IsJsonMimeType(string mime) =>
        mime == "application/json" || mime.EndsWith("+json", StringComparison.Ordinal);

    /// <summary>Text of an entry (a string as-is; a JSON value serialised), or null when absent.</summary>
    public string? GetText(string mime)
    {
        if (!TryGetValue(mime, out var v) || v is null) return null;
        return v is JsonValue jv && jv.TryGetValue<string>(out var s) ? s : v.ToJsonString();
    }

    /// <summary>Adds a formatted value: JSON mime types are parsed and embedded as JSON when possible.</summary>
    public void SetFormatted(string mime, string text)
    {
        if (IsJsonMimeType(mime))
        {
            try
            {
                var node = JsonNode.Parse(text);
                if (node is JsonObject or JsonArray) { this[mime] = node; return; }
            }
            catch (System.Text.Json.JsonException) { }
        }
        this[mime] = text;
    }

    internal static JsonNode? Normalize(string mime, JsonNode? v)
    {
        if (v is JsonArray a && !IsJsonMimeType(mime) && a.All(x => x is JsonValue xv && xv.TryGetValue<string>(out _)))
            return Notebook.ReadMultiline(a);
        return v?.DeepClone();
    }

    public JsonObject ToJson()
    {
        var o = new JsonObject();
        foreach (var (k, v) in this.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            if (v is JsonValue jv && jv.TryGetValue<string>(out var s) && !IsJsonMimeType(k))
                o[k] = k.StartsWith("image/", StringComparison.Ordinal) && k != "image/svg+xml" ? s : Notebook.ToLines(s);
            else o[k] = v?.DeepClone();
        }
        return o;
    }
}
