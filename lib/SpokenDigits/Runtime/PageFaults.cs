namespace SpokenDigits.Runtime;

/// <summary>The process's minor page faults (pages the kernel had to map and zero) so far, read from
/// <c>/proc/self/stat</c>; null where there is no such file (not Linux).</summary>
public static class PageFaults
{
    public static long? Minor() => ProcessStat.Read(ProcessStat.MinorFaults)?[0];
}
