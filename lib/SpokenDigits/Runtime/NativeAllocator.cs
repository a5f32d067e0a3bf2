using System.Runtime.InteropServices;

namespace SpokenDigits.Runtime;

/// <summary>Tells glibc's <c>malloc</c>, which libtorch's CPU tensors are allocated with, to keep the memory it
/// has instead of returning it to the kernel after every batch.
///
/// By default glibc serves a large request (a batch's activation buffer, tens of MB) with a fresh
/// <c>mmap</c> and unmaps it on <c>free</c>; the next batch maps it again and the kernel must hand out and
/// zero every page anew: millions of minor page faults and a third of a training run in system time.
/// The settings below are those of the environment variables <c>MALLOC_MMAP_THRESHOLD_</c>,
/// <c>MALLOC_TRIM_THRESHOLD_</c>, <c>MALLOC_TOP_PAD_</c>, <c>MALLOC_MMAP_MAX_</c> and
/// <c>MALLOC_ARENA_MAX</c>, applied in-process
/// through <c>mallopt(3)</c> so the CLI, the notebook runner, the Jupyter kernel and a notebook that loads
/// the library with <c>#r</c> all get them. Freed buffers go back to malloc's own free lists and are
/// reused by the next batch; the process keeps its peak heap (no more than it needed once).
///
/// Set <c>SPOKENDIGITS_ALLOCATOR=system</c> to leave glibc's defaults alone (to measure the difference).</summary>
public static class NativeAllocator
{
    /// <summary>The environment variable that turns the tuning off when set to <c>system</c>.</summary>
    public const string EnvironmentVariable = "SPOKENDIGITS_ALLOCATOR";

    // mallopt parameters, from glibc's <malloc.h>.
    const int M_TRIM_THRESHOLD = -1;
    const int M_TOP_PAD = -2;
    const int M_MMAP_THRESHOLD = -3;
    const int M_MMAP_MAX = -4;
    const int M_ARENA_MAX = -8;

    /// <summary>Never give the top of the heap back to the kernel (1 GiB of free space at the top is kept).</summary>
    public const int TrimThresholdBytes = 1 << 30;
    /// <summary>Grow the heap in steps of 64 MiB, so the first batches do not grow it page by page.</summary>
    public const int TopPadBytes = 64 << 20;

    /// <summary>Largest request served from the heap before mmap would be used (glibc's maximum, 32 MiB); with
    /// mmap turned off it only matters where mmap is the fallback.</summary>
    public const int MmapThresholdBytes = 32 << 20;

    static readonly object Gate = new();

    /// <summary>The glibc environment variables that give another process (the PyTorch mirror) the same settings;
    /// empty when the tuning is off.</summary>
    public static IReadOnlyDictionary<string, string> EquivalentEnvironment => Tuned
        ? new Dictionary<string, string>
        {
            ["MALLOC_ARENA_MAX"] = "1",
            ["MALLOC_MMAP_MAX_"] = "0",
            ["MALLOC_TRIM_THRESHOLD_"] = TrimThresholdBytes.ToString(),
            ["MALLOC_TOP_PAD_"] = TopPadBytes.ToString(),
            ["MALLOC_MMAP_THRESHOLD_"] = MmapThresholdBytes.ToString(),
        }
        : new Dictionary<string, string>();

    /// <summary>What <see cref="Configure"/> did: applied, left alone by request, or unavailable (not glibc).</summary>
    public static string Status { get; private set; } = "not configured";

    /// <summary>True when glibc's malloc now keeps its memory.</summary>
    public static bool Tuned { get; private set; }

    /// <summary>Applies the settings once per process (later calls return the first outcome).</summary>
    public static bool Configure()
    {
        lock (Gate)
        {
            if (Status != "not configured") return Tuned;
            if (string.Equals(Environment.GetEnvironmentVariable(EnvironmentVariable), "system", StringComparison.OrdinalIgnoreCase))
            {
                Status = $"glibc defaults ({EnvironmentVariable}=system)";
                return false;
            }
            if (!OperatingSystem.IsLinux())
            {
                Status = "system allocator (tuning applies to glibc on Linux only)";
                return false;
            }
            try
            {
                // Every buffer from the one main heap (no mmap per allocation, no per-thread arenas, whose 64 MiB
                // heaps are unmapped whenever they empty), and the heap never trimmed.
                bool ok = mallopt(M_ARENA_MAX, 1) == 1
                          & mallopt(M_MMAP_MAX, 0) == 1
                          & mallopt(M_TRIM_THRESHOLD, TrimThresholdBytes) == 1
                          & mallopt(M_TOP_PAD, TopPadBytes) == 1
                          & mallopt(M_MMAP_THRESHOLD, MmapThresholdBytes) == 1;
                Tuned = ok;
                Status = ok ? "glibc malloc keeps freed memory (one arena, mmap off, no trim)" : "glibc refused mallopt; defaults in use";
            }
            catch (Exception e) when (e is EntryPointNotFoundException or DllNotFoundException)
            {
                Status = "system allocator (no glibc mallopt)";
            }
            return Tuned;
        }
    }

    [DllImport("libc", EntryPoint = "mallopt")]
    static extern int mallopt(int parameter, int value);
}
