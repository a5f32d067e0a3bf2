using System.Globalization;
using SpokenDigits.Models;

namespace SpokenDigits.Analysis;

/// <summary>The small helpers every prose generator of the project writes its sentences with (the reports' and the
/// ablation's discussions, the single-run comparison): lists, plurals, counts and the models' plain names.</summary>
public static class Prose
{
    /// <summary>"a", "a and b", "a, b and c" ("" for none).</summary>
    public static string Join(IEnumerable<string> items)
    {
        var l = items.ToList();
        return l.Count switch { 0 => "", 1 => l[0], _ => string.Join(", ", l.Take(l.Count - 1)) + " and " + l[^1] };
    }

    /// <summary>"s" unless <paramref name="n"/> is 1.</summary>
    public static string Plural(int n) => n == 1 ? "" : "s";

    /// <summary>"3 digits", "1 digit".</summary>
    public static string Count(int n, string noun) => n.ToString(CultureInfo.InvariantCulture) + " " + noun + Plural(n);

    /// <summary>The text with its first letter in lower case, to continue a sentence with it.</summary>
    public static string LowerFirst(string text) => text.Length == 0 ? text : char.ToLowerInvariant(text[0]) + text[1..];

    /// <summary>Plain words for a model ("raw-waveform"; see <see cref="ModelNames.Short"/>).</summary>
    public static string Short(string modelName) => ModelNames.Short(modelName);
}
