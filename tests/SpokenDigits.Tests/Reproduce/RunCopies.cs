using System.Text.Json.Nodes;

namespace SpokenDigits.Tests.Reproduce;

/// <summary>Copies of committed runs for the reproduction tests, as they are or as if their training had stopped.</summary>
static class RunCopies
{
    /// <summary>Every file under <paramref name="from"/> copied below <paramref name="to"/>.</summary>
    public static void Copy(string from, string to)
    {
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    /// <summary>A copy of the complete run <paramref name="from"/> whose results.json records no finish, as a training
    /// stopped after its first model leaves it (its options saved, so `train --resume` continues it).</summary>
    public static void CopyInterrupted(string from, string to)
    {
        Copy(from, to);
        var results = Path.Combine(to, "results.json");
        var json = JsonNode.Parse(File.ReadAllText(results))!;
        json["info"]!["finished"] = null;
        File.WriteAllText(results, json.ToJsonString());
    }
}
