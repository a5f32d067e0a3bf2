using System.Text;
using SpokenDigits.Runs;

namespace SpokenDigits.Tests.Snapshots;

/// <summary>
/// Text compared with a committed snapshot file in this folder (tests/SpokenDigits.Tests/Snapshots/NAME). A mismatch fails
/// with a line diff (- snapshot, + now, two lines of context). After an intended change, rewrite the files with
/// <c>SPOKENDIGITS_UPDATE_SNAPSHOTS=1 dotnet test ... --filter Snapshot</c> and review them in the commit's diff.
/// </summary>
internal static class Snapshot
{
    public const string UpdateVariable = "SPOKENDIGITS_UPDATE_SNAPSHOTS";

    public static string Folder => Path.Combine(
        ProjectPaths.TryFindRoot() ?? throw new InvalidOperationException("no repository root above the test assembly"),
        "tests", "SpokenDigits.Tests", "Snapshots");

    public static void Matches(string name, string actual)
    {
        actual = actual.Replace("\r\n", "\n");
        string path = Path.Combine(Folder, name);
        if (Environment.GetEnvironmentVariable(UpdateVariable) == "1")
        {
            File.WriteAllText(path, actual);
            return;
        }
        Assert.True(File.Exists(path), $"no snapshot {path}; write it with {UpdateVariable}=1 and commit it");
        string expected = File.ReadAllText(path).Replace("\r\n", "\n");
        if (expected == actual) return;
        Assert.Fail($"{name} differs from its snapshot ({path}); '-' snapshot, '+' now:\n{Diff(expected, actual)}\n" +
                    $"If the change is intended, rewrite the snapshot with {UpdateVariable}=1 and commit it.");
    }

    /// <summary>A line diff (longest common subsequence) with <paramref name="context"/> unchanged lines around each change.</summary>
    public static string Diff(string expected, string actual, int context = 2)
    {
        string[] a = expected.Split('\n'), b = actual.Split('\n');
        var lcs = new int[a.Length + 1, b.Length + 1];
        for (int i = a.Length - 1; i >= 0; i--)
            for (int j = b.Length - 1; j >= 0; j--)
                lcs[i, j] = a[i] == b[j] ? lcs[i + 1, j + 1] + 1 : Math.Max(lcs[i + 1, j], lcs[i, j + 1]);
        var lines = new List<(char Mark, string Text)>();
        int x = 0, y = 0;
        while (x < a.Length || y < b.Length)
        {
            if (x < a.Length && y < b.Length && a[x] == b[y]) { lines.Add((' ', a[x])); x++; y++; }
            else if (x < a.Length && (y == b.Length || lcs[x + 1, y] >= lcs[x, y + 1])) lines.Add(('-', a[x++]));
            else lines.Add(('+', b[y++]));
        }
        var shown = new bool[lines.Count];
        for (int i = 0; i < lines.Count; i++)
            if (lines[i].Mark != ' ')
                for (int k = Math.Max(0, i - context); k <= Math.Min(lines.Count - 1, i + context); k++) shown[k] = true;
        var sb = new StringBuilder();
        for (int i = 0; i < lines.Count; i++)
        {
            if (shown[i]) sb.Append(lines[i].Mark).Append(' ').AppendLine(lines[i].Text);
            else if (i > 0 && shown[i - 1]) sb.AppendLine("  …");
        }
        return sb.ToString();
    }
}
