using System.Text.Json;

namespace SpokenDigits.Data;

/// <summary>
/// A <see cref="DatasetSplit"/> on disk: protocol, seed and the recording ids of each part, as JSON
/// (camelCase properties: <c>protocol</c>, <c>seed</c>, <c>train</c>, <c>validation</c>, <c>test</c>).
/// </summary>
public sealed record SplitManifest(
    string Protocol,
    int Seed,
    IReadOnlyList<string> Train,
    IReadOnlyList<string> Validation,
    IReadOnlyList<string> Test)
{
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    /// <summary>The ids of a split's parts.</summary>
    public static SplitManifest From(DatasetSplit split)
    {
        ArgumentNullException.ThrowIfNull(split);
        return new SplitManifest(
            split.Protocol,
            split.Seed,
            split.Train.Select(r => r.Id).ToArray(),
            split.Validation.Select(r => r.Id).ToArray(),
            split.Test.Select(r => r.Id).ToArray());
    }

    /// <summary>The ids of one held-out part.</summary>
    public IReadOnlyList<string> Ids(SplitPart part) => part == SplitPart.Validation ? Validation : Test;

    /// <summary>Indented JSON.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, JsonOptions);

    /// <summary>Parses JSON written by <see cref="ToJson"/>; <paramref name="source"/> names it in errors.</summary>
    /// <exception cref="DatasetException">The JSON is malformed or lacks a part.</exception>
    public static SplitManifest FromJson(string json, string source = "split manifest")
    {
        SplitManifest? manifest;
        try
        {
            manifest = JsonSerializer.Deserialize<SplitManifest>(json, JsonOptions);
        }
        catch (JsonException e)
        {
            throw new DatasetException($"{source} is not a valid split manifest: {e.Message}", e);
        }

        if (manifest is null || manifest.Protocol is null || manifest.Train is null || manifest.Validation is null || manifest.Test is null)
            throw new DatasetException($"{source} is not a valid split manifest: protocol, train, validation and test are required.");
        return manifest;
    }

    /// <summary>Writes the JSON to <paramref name="path"/> (creating its folder).</summary>
    public void Save(string path)
    {
        string? folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (folder is not null)
            Directory.CreateDirectory(folder);
        File.WriteAllText(path, ToJson());
    }

    /// <summary>Reads a manifest saved by <see cref="Save"/>.</summary>
    /// <exception cref="DatasetException">The file is missing or not a manifest.</exception>
    public static SplitManifest Load(string path)
    {
        if (!File.Exists(path))
            throw new DatasetException($"Split manifest '{Path.GetFullPath(path)}' does not exist.");
        return FromJson(File.ReadAllText(path), path);
    }

    /// <summary>Turns the ids back into recordings from <paramref name="all"/>.</summary>
    /// <exception cref="DatasetException">An id is not among the recordings, or sits in two parts.</exception>
    public DatasetSplit Resolve(IReadOnlyList<Recording> all)
    {
        ArgumentNullException.ThrowIfNull(all);
        var byId = new Dictionary<string, Recording>(StringComparer.Ordinal);
        foreach (Recording r in all)
            byId.TryAdd(r.Id, r);

        var seen = new HashSet<string>(StringComparer.Ordinal);
        var missing = new List<string>();
        IReadOnlyList<Recording> Part(IReadOnlyList<string> ids)
        {
            var part = new List<Recording>(ids.Count);
            foreach (string id in ids)
            {
                if (!seen.Add(id))
                    throw new DatasetException($"Split manifest '{Protocol}' lists recording '{id}' twice.");
                if (byId.TryGetValue(id, out Recording? r))
                    part.Add(r);
                else
                    missing.Add(id);
            }

            return part;
        }

        var split = new DatasetSplit(Protocol, Seed, Part(Train), Part(Validation), Part(Test));
        if (missing.Count > 0)
            throw new DatasetException(
                $"Split manifest '{Protocol}' names {missing.Count} recording(s) not found in the data, e.g. {string.Join(", ", missing.Take(10))}.");
        return split;
    }
}
