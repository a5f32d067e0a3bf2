using System.Globalization;

namespace SpokenDigits.Runtime;

/// <summary>How busy the machine is with other work, read from <c>/proc/stat</c> (every process's CPU time)
/// and <c>/proc/self/stat</c> (this process's own).</summary>
public static class CpuLoad
{
    /// <summary>Cores' worth of CPU time that other processes used during <paramref name="window"/> (1.0: one core
    /// kept fully busy by someone else); null where /proc cannot be read.</summary>
    public static double? OtherProcesses(TimeSpan window)
    {
        if (Sample() is not { } before) return null;
        Thread.Sleep(window);
        if (Sample() is not { } after) return null;
        double ticksPerCore = (after.Total - before.Total) / (double)Environment.ProcessorCount;
        if (ticksPerCore <= 0) return null;
        double other = (after.Busy - before.Busy - (after.Self - before.Self)) / ticksPerCore;
        return Math.Max(0, other);
    }

    /// <summary>All CPUs' busy and total ticks, and this process's user + system ticks (both in USER_HZ).</summary>
    static (long Busy, long Total, long Self)? Sample()
    {
        try
        {
            var cpu = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries);
            // cpu user nice system idle iowait irq softirq steal ...
            var v = cpu.Skip(1).Take(8).Select(x => long.Parse(x, CultureInfo.InvariantCulture)).ToArray();
            long idle = v[3] + v[4];
            long busy = v[0] + v[1] + v[2] + v[5] + v[6] + v[7];
            if (ProcessStat.Read(ProcessStat.UserTicks, ProcessStat.SystemTicks) is not { } self) return null;
            return (busy, busy + idle, self.Sum());
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException or InvalidOperationException)
        {
            return null;
        }
    }
}
