using System.Diagnostics;
using System.Globalization;
using static TorchSharp.torch;

namespace SpokenDigits.Benchmarking;

/// <summary>What the cores can do, for judging a model's achieved GFLOP/s: the rate libtorch itself reaches on a
/// compute-bound kernel here (a 3×3 convolution of 128 to 128 channels on 64 × 32 × 32, channels-last, the
/// best of repeated runs), and the nominal peak from <c>/proc/cpuinfo</c>: cores × clock × FP32 FLOP per cycle,
/// 64 with AVX-512 (two 512-bit FMA pipes, as on Zen 5 or Xeon), 32 with AVX2 and FMA, 16 with AVX, else 8. The
/// clock a virtual machine reports is usually its base clock, so the kernel can beat the nominal figure.</summary>
/// <param name="MeasuredGflops">Best GFLOP/s of the convolution on <paramref name="Cores"/> threads.</param>
/// <param name="NominalGflops">Cores × clock × FLOP per cycle; null where /proc/cpuinfo cannot be read.</param>
/// <param name="Cores">Cores counted (the torch threads, at most the processor count).</param>
/// <param name="Megahertz">Clock read from /proc/cpuinfo.</param>
/// <param name="FlopsPerCycle">FP32 FLOP per cycle and core assumed from the instruction-set flags.</param>
public sealed record MachinePeak(double MeasuredGflops, double? NominalGflops, int Cores, double? Megahertz, int? FlopsPerCycle)
{
    /// <summary>Measures the convolution on <paramref name="threads"/> torch threads (about half a second) and reads the CPU's figures.</summary>
    public static MachinePeak Measure(int threads)
    {
        int cores = Math.Clamp(threads, 1, Environment.ProcessorCount);
        var (megahertz, perCycle) = CpuInfo();
        double? nominal = megahertz is { } mhz && perCycle is { } f ? cores * mhz * f / 1000 : null;
        return new MachinePeak(ConvolutionGflops(), nominal, cores, megahertz, perCycle);
    }

    static double ConvolutionGflops()
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var weight = randn(128, 128, 3, 3);
        var input = randn(64, 32, 32, 128).permute(0, 3, 1, 2);   // (B, C, H, W) stored channels-last
        double flop = 2.0 * 64 * 32 * 32 * 128 * 128 * 9;
        double best = 0;
        var total = Stopwatch.StartNew();
        for (int i = 0; i < 3 || total.Elapsed.TotalSeconds < 0.5; i++)
        {
            var clock = Stopwatch.StartNew();
            nn.functional.conv2d(input, weight, padding: new long[] { 1, 1 }).Dispose();
            if (i > 0) best = Math.Max(best, flop / clock.Elapsed.TotalSeconds / 1e9);   // the first run builds oneDNN's kernel
        }
        return best;
    }

    static (double? Megahertz, int? FlopsPerCycle) CpuInfo()
    {
        const string path = "/proc/cpuinfo";
        if (!File.Exists(path)) return (null, null);
        var lines = File.ReadAllLines(path);
        var mhz = lines.FirstOrDefault(l => l.StartsWith("cpu MHz", StringComparison.Ordinal));
        var flags = lines.FirstOrDefault(l => l.StartsWith("flags", StringComparison.Ordinal));
        double? megahertz = mhz is not null && double.TryParse(mhz[(mhz.IndexOf(':') + 1)..].Trim(), NumberStyles.Float,
            CultureInfo.InvariantCulture, out var m) ? m : null;
        if (flags is null) return (megahertz, null);
        var set = flags[(flags.IndexOf(':') + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries).ToHashSet();
        int perCycle = set.Contains("avx512f") ? 64 : set.Contains("avx2") && set.Contains("fma") ? 32 : set.Contains("avx") ? 16 : 8;
        return (megahertz, perCycle);
    }
}
