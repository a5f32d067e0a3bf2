using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace SpokenDigits.Notebooks;

/// <summary>
/// Checks the structural rules of the nbformat 4 schema that matter here (not a full JSON-schema
/// validator): top-level keys, nbformat == 4, cell and output required keys and types, cell ids.
/// </summary>
public static partial class NotebookValidator
{
    [GeneratedRegex("^[a-zA-Z0-9-_]+$")]
    private static partial Regex CellIdPattern();

    public static bool IsValidCellId(string id) => id.Length is >= 1 and <= 64 && CellIdPattern().IsMatch(id);

    public static IReadOnlyList<string> Validate(Notebook notebook) => Validate(notebook.ToJsonObject());

    public static IReadOnlyList<string> Validate(string json)
    {
        JsonNode? node;
        try { node = JsonNode.Parse(json); }
        catch (System.Text.Json.JsonException e) { return new[] { "not valid JSON: " + e.Message }; }
        return Validate(node);
    }

    public static void ThrowIfInvalid(Notebook notebook)
    {
        var errors = Validate(notebook);
        if (errors.Count > 0) throw new FormatException("Invalid notebook: " + string.Join("; ", errors));
    }

    public static IReadOnlyList<string> Validate(JsonNode? node)
    {
        var errors = new List<string>();
        if (node is not JsonObject root) { errors.Add("the notebook must be a JSON object"); return errors; }

        foreach (var k in new[] { "nbformat", "nbformat_minor", "metadata", "cells" })
            if (!root.ContainsKey(k)) errors.Add($"missing top-level key '{k}'");
        int minor = 0;
        if (root["nbformat"] is JsonNode nf && (!IsInt(nf, out var major) || major != 4))
            errors.Add("nbformat must be 4");
        if (root["nbformat_minor"] is JsonNode nm && (!IsInt(nm, out minor) || minor < 0))
            errors.Add("nbformat_minor must be a non-negative integer");
        if (root.ContainsKey("metadata") && root["metadata"] is not JsonObject)
            errors.Add("metadata must be an object");
        else if (root["metadata"] is JsonObject meta)
        {
            if (meta["kernelspec"] is JsonNode ks &&
                (ks is not JsonObject kso || !IsString(kso["name"]) || !IsString(kso["display_name"])))
                errors.Add("metadata.kernelspec needs string 'name' and 'display_name'");
            if (meta["language_info"] is JsonNode li && (li is not JsonObject lio || !IsString(lio["name"])))
                errors.Add("metadata.language_info needs a string 'name'");
        }
        if (root.ContainsKey("cells") && root["cells"] is not JsonArray)
            errors.Add("cells must be an array");

        var ids = new HashSet<string>(StringComparer.Ordinal);
        if (root["cells"] is JsonArray cells)
        {
            for (int i = 0; i < cells.Count; i++)
                ValidateCell(cells[i], i, minor, ids, errors);
        }
        return errors;
    }

    private static void ValidateCell(JsonNode? node, int i, int minor, HashSet<string> ids, List<string> errors)
    {
        string where = $"cell {i}";
        if (node is not JsonObject c) { errors.Add($"{where}: must be an object"); return; }
        var type = c["cell_type"] is JsonValue tv && tv.TryGetValue<string>(out var t) ? t : null;
        if (type is null) { errors.Add($"{where}: missing string 'cell_type'"); return; }

        string[] allowed = type switch
        {
            "code" => ["cell_type", "id", "metadata", "source", "execution_count", "outputs"],
            "markdown" or "raw" => ["cell_type", "id", "metadata", "source", "attachments"],
            _ => [],
        };
        if (allowed.Length == 0) { errors.Add($"{where}: unknown cell_type '{type}'"); return; }

        foreach (var k in new[] { "metadata", "source" })
            if (!c.ContainsKey(k)) errors.Add($"{where}: missing '{k}'");
        if (type == "code")
            foreach (var k in new[] { "execution_count", "outputs" })
                if (!c.ContainsKey(k)) errors.Add($"{where}: code cell missing '{k}'");
        foreach (var (k, _) in c)
            if (!allowed.Contains(k)) errors.Add($"{where}: unexpected key '{k}' for a {type} cell");

        if (minor >= 5)
        {
            if (!c.ContainsKey("id")) errors.Add($"{where}: missing 'id' (required from nbformat 4.5)");
        }
        if (c.ContainsKey("id"))
        {
            if (c["id"] is JsonValue iv && iv.TryGetValue<string>(out var id))
            {
                if (!IsValidCellId(id)) errors.Add($"{where}: id '{id}' must match ^[a-zA-Z0-9-_]+$ with length 1-64");
                else if (!ids.Add(id)) errors.Add($"{where}: duplicate id '{id}'");
            }
            else errors.Add($"{where}: id must be a string");
        }
        if (c.ContainsKey("metadata") && c["metadata"] is not JsonObject)
            errors.Add($"{where}: metadata must be an object");
        else if (c["metadata"] is JsonObject m && m["tags"] is JsonNode tags &&
                 (tags is not JsonArray ta || ta.Any(x => !IsString(x))))
            errors.Add($"{where}: metadata.tags must be a list of strings");
        if (c.ContainsKey("source") && !IsMultiline(c["source"]))
            errors.Add($"{where}: source must be a string or a list of strings");

        if (type == "code")
        {
            if (c.ContainsKey("execution_count") && c["execution_count"] is JsonNode ec && (!IsInt(ec, out var n) || n < 0))
                errors.Add($"{where}: execution_count must be null or a non-negative integer");
            if (c.ContainsKey("outputs"))
            {
                if (c["outputs"] is not JsonArray outs) errors.Add($"{where}: outputs must be an array");
                else for (int j = 0; j < outs.Count; j++) ValidateOutput(outs[j], $"{where} output {j}", errors);
            }
        }
    }

    private static void ValidateOutput(JsonNode? node, string where, List<string> errors)
    {
        if (node is not JsonObject o) { errors.Add($"{where}: must be an object"); return; }
        var type = o["output_type"] is JsonValue tv && tv.TryGetValue<string>(out var t) ? t : null;
        switch (type)
        {
            case "stream":
                if (!IsString(o["name"])) errors.Add($"{where}: stream needs a string 'name'");
                else if (o["name"]!.GetValue<string>() is not ("stdout" or "stderr"))
                    errors.Add($"{where}: stream name must be stdout or stderr");
                if (!o.ContainsKey("text") || !IsMultiline(o["text"])) errors.Add($"{where}: stream needs 'text' (string or list of strings)");
                break;
            case "display_data":
            case "execute_result":
                if (o["data"] is not JsonObject data) errors.Add($"{where}: {type} needs a 'data' object");
                else
                    foreach (var (mime, v) in data)
                    {
                        if (!mime.Contains('/')) errors.Add($"{where}: '{mime}' is not a mime type");
                        if (!MimeBundle.IsJsonMimeType(mime) && !IsMultiline(v))
                            errors.Add($"{where}: data['{mime}'] must be a string or a list of strings");
                    }
                if (o["metadata"] is not JsonObject) errors.Add($"{where}: {type} needs a 'metadata' object");
                if (type == "execute_result")
                {
                    if (!o.ContainsKey("execution_count")) errors.Add($"{where}: execute_result needs 'execution_count'");
                    else if (o["execution_count"] is JsonNode ec && !IsInt(ec, out _))
                        errors.Add($"{where}: execution_count must be null or an integer");
                }
                break;
            case "error":
                if (!IsString(o["ename"])) errors.Add($"{where}: error needs a string 'ename'");
                if (!IsString(o["evalue"])) errors.Add($"{where}: error needs a string 'evalue'");
                if (o["traceback"] is not JsonArray tb || tb.Any(x => !IsString(x)))
                    errors.Add($"{where}: error needs 'traceback' (list of strings)");
                break;
            case null:
                errors.Add($"{where}: missing string 'output_type'");
                break;
            default:
                errors.Add($"{where}: unknown output_type '{type}'");
                break;
        }
    }

    private static bool IsString(JsonNode? n) => n is JsonValue v && v.TryGetValue<string>(out _);

    private static bool IsMultiline(JsonNode? n) => IsString(n) || (n is JsonArray a && a.All(IsString));

    private static bool IsInt(JsonNode n, out int value)
    {
        value = 0;
        if (n is not JsonValue v) return false;
        if (v.TryGetValue<int>(out value)) return true;
        if (v.TryGetValue<System.Text.Json.JsonElement>(out var e) && e.ValueKind == System.Text.Json.JsonValueKind.Number)
            return e.TryGetInt32(out value);
        return false;
    }
}
