namespace SpokenDigits.Runtime;

/// <summary>The process's minor page faults (pages the kernel had to map and zero) so far, read from
/// <c>/proc/self/stat</c>; null where there is no such file (not Linux).</summary>
public static class PageFaults
{
    public static long? Minor()
    {
        const string path = "/proc/self/stat";
        if (!File.Exists(path)) return null;
        var stat = File.ReadAllText(path);
        // Fields after the command name in parentheses (which may itself hold spaces): state is field 3, minflt field 10.
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return long.Parse(fields[10 - 3], System.Globalization.CultureInfo.InvariantCulture);
    }
}
