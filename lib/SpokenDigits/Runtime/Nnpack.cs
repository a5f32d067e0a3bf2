using System.Runtime.InteropServices;

namespace SpokenDigits.Runtime;

/// <summary>Keeps libtorch from printing "Could not initialize NNPACK! Reason: Unsupported hardware." on a machine
/// whose CPU NNPACK cannot use.
///
/// libtorch tries NNPACK for some convolutions and, where <c>nnp_initialize</c> fails, prints that warning and falls
/// back to its own kernels. On x86-64 NNPACK needs AVX2 and FMA3; where the CPU lacks them this class turns NNPACK off
/// through <c>at::globalContext().setUserEnabledNNPACK(false)</c> (exported by <c>libtorch_cpu.so</c>) before the
/// first convolution, so libtorch never tries it: the same fallback kernels run, without the warning. Where NNPACK
/// is supported nothing changes. Measured on the 2-core AMD EPYC machine (NNPACK supported), `predict --json` on the
/// 300 FSDD test recordings (takes 0-4) with the committed run official-seed42-e15: byte-identical output with
/// NNPACK on and off, 2.95 / 2.86 s on against 3.08 / 3.01 s off (a loaded machine, load 6.5): not shown to be no
/// slower, so NNPACK is turned off only where it is unsupported. A conv training step was not benched both ways.
///
/// <c>SPOKENDIGITS_NNPACK=off</c> turns it off on any machine (how a test takes the unsupported path here);
/// <c>on</c> leaves libtorch alone.</summary>
public static class Nnpack
{
    /// <summary>The environment variable: <c>auto</c> (default), <c>off</c> or <c>on</c>.</summary>
    public const string EnvironmentVariable = "SPOKENDIGITS_NNPACK";

    static readonly object Gate = new();
    static bool applied;

    /// <summary>What <see cref="Apply"/> decided.</summary>
    public static string Status { get; private set; } = "not applied";

    /// <summary>True when the CPU has what NNPACK needs (on x86-64: AVX2 and FMA3 in /proc/cpuinfo).</summary>
    public static bool CpuSupported(string? cpuinfoFlags = null, Architecture? architecture = null)
    {
        var arch = architecture ?? RuntimeInformation.ProcessArchitecture;
        if (arch != Architecture.X64) return arch == Architecture.Arm64;
        var flags = cpuinfoFlags ?? ReadCpuFlags();
        if (flags is null) return true;   // cannot tell: leave libtorch's own choice alone
        var set = flags.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToHashSet();
        return set.Contains("avx2") && set.Contains("fma");
    }

    /// <summary>Decides once per process, from <see cref="EnvironmentVariable"/> and the CPU, whether to turn
    /// NNPACK off; call before the first convolution. Returns true when it is off.</summary>
    public static bool Apply()
    {
        lock (Gate)
        {
            if (applied) return !Enabled();
            applied = true;
            var mode = (Environment.GetEnvironmentVariable(EnvironmentVariable) ?? "auto").Trim().ToLowerInvariant();
            bool disable = mode switch
            {
                "off" => true,
                "on" => false,
                _ => !CpuSupported(),
            };
            if (!disable) { Status = mode == "on" ? "left on (SPOKENDIGITS_NNPACK=on)" : "supported, left on"; return false; }
            SetEnabled(false);
            Status = mode == "off" ? "off (SPOKENDIGITS_NNPACK=off)" : "off: CPU lacks AVX2/FMA3";
            return true;
        }
    }

    /// <summary>libtorch's own switch, <c>at::globalContext().userEnabledNNPACK()</c>.</summary>
    public static bool Enabled()
    {
        var (context, _, get) = Exports();
        return get(context);
    }

    static void SetEnabled(bool enabled)
    {
        var (context, set, _) = Exports();
        set(context, enabled);
    }

    [UnmanagedFunctionPointer(CallingConvention.Cdecl)] delegate IntPtr GlobalContext();
    [UnmanagedFunctionPointer(CallingConvention.Cdecl)] delegate void SetUserEnabled(IntPtr context, [MarshalAs(UnmanagedType.U1)] bool enabled);
    [UnmanagedFunctionPointer(CallingConvention.Cdecl)] [return: MarshalAs(UnmanagedType.U1)] delegate bool UserEnabled(IntPtr context);

    static (IntPtr Context, SetUserEnabled Set, UserEnabled Get) Exports()
    {
        TorchSharp.torch.InitializeDeviceType(TorchSharp.DeviceType.CPU);   // TorchSharp loads libtorch_cpu.so
        var library = NativeLibrary.Load("libtorch_cpu.so");                 // already loaded: found by its soname
        var context = Marshal.GetDelegateForFunctionPointer<GlobalContext>(NativeLibrary.GetExport(library, "_ZN2at13globalContextEv"))();
        var set = Marshal.GetDelegateForFunctionPointer<SetUserEnabled>(NativeLibrary.GetExport(library, "_ZN2at7Context20setUserEnabledNNPACKEb"));
        var get = Marshal.GetDelegateForFunctionPointer<UserEnabled>(NativeLibrary.GetExport(library, "_ZNK2at7Context17userEnabledNNPACKEv"));
        return (context, set, get);
    }

    static string? ReadCpuFlags()
    {
        try
        {
            return File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("flags", StringComparison.Ordinal)) is { } line
                ? line[(line.IndexOf(':') + 1)..] : null;
        }
        catch (IOException) { return null; }
        catch (UnauthorizedAccessException) { return null; }
    }
}
