using System.Globalization;

namespace SpokenDigits.Runtime;

/// <summary>This process's counters from <c>/proc/self/stat</c> (proc(5)), by their field numbers there.</summary>
internal static class ProcessStat
{
    public const int MinorFaults = 10;
    public const int UserTicks = 14;
    public const int SystemTicks = 15;

    /// <summary>The numbered fields' values; null where there is no /proc/self/stat (not Linux).</summary>
    public static long[]? Read(params int[] fieldNumbers)
    {
        const string path = "/proc/self/stat";
        if (!File.Exists(path)) return null;
        var stat = File.ReadAllText(path);
        // The fields after the command name in parentheses (which may itself hold spaces) start at field 3.
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return fieldNumbers.Select(n => long.Parse(fields[n - 3], CultureInfo.InvariantCulture)).ToArray();
    }
}
