using System.Text.Json;
using System.Text.Json.Serialization;

namespace SpokenDigits.Runs;

/// <summary>The one JSON convention of every results file: camelCase, indented, enums as strings.</summary>
public static class ResultsJson
{
    public static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static void Save<T>(string path, T value) => AtomicFile.WriteAllText(path, Serialize(value));

    public static T Load<T>(string path)
    {
        try
        {
            return JsonSerializer.Deserialize<T>(File.ReadAllText(path), Options)
                   ?? throw new InvalidDataException($"{path}: holds no {typeof(T).Name}");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path}: not a valid {typeof(T).Name} JSON file ({e.Message})", e);
        }
    }
}
