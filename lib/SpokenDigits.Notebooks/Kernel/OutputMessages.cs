using System.Text.Json.Nodes;

namespace SpokenDigits.Notebooks.Kernel;

/// <summary>Engine outputs (<see cref="CellOutput"/>) as iopub message types and contents.</summary>
public static class OutputMessages
{
    /// <summary>
    /// A mime bundle as the protocol's data dict: text types as one string (not the .ipynb's list of
    /// lines), JSON types (application/json, */*+json such as plotly's) as JSON objects.
    /// </summary>
    public static JsonObject Data(MimeBundle bundle)
    {
        var o = new JsonObject();
        foreach (var (mime, value) in bundle.OrderBy(kv => kv.Key, StringComparer.Ordinal))
            o[mime] = value is JsonValue v && v.TryGetValue<string>(out var s) ? s : value?.DeepClone();
        return o;
    }

    /// <summary>(msg_type, content) for one output; execute_result gets <paramref name="executionCount"/>.</summary>
    public static (string MsgType, JsonObject Content) ToMessage(CellOutput output, int executionCount) => output switch
    {
        StreamOutput s => ("stream", new JsonObject { ["name"] = s.Name, ["text"] = s.Text }),
        ExecuteResultOutput r => ("execute_result", new JsonObject
        {
            ["execution_count"] = executionCount,
            ["data"] = Data(r.Data),
            ["metadata"] = r.Metadata.DeepClone(),
        }),
        DisplayDataOutput d => ("display_data", new JsonObject
        {
            ["data"] = Data(d.Data),
            ["metadata"] = d.Metadata.DeepClone(),
            ["transient"] = d.Transient?.DeepClone() ?? new JsonObject(),
        }),
        ErrorOutput e => ("error", ErrorContent(e)),
        _ => throw new ArgumentException($"Unknown output type {output.OutputType}."),
    };

    public static JsonObject UpdateDisplay(string displayId, DisplayDataOutput output) => new()
    {
        ["data"] = Data(output.Data),
        ["metadata"] = output.Metadata.DeepClone(),
        ["transient"] = new JsonObject { ["display_id"] = displayId },
    };

    public static JsonObject ErrorContent(ErrorOutput e) => new()
    {
        ["ename"] = e.EName,
        ["evalue"] = e.EValue,
        ["traceback"] = new JsonArray(e.Traceback.Select(t => (JsonNode?)JsonValue.Create(t)).ToArray()),
    };
}
