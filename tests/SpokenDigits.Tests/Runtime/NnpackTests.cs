using System.Runtime.InteropServices;
using SpokenDigits.Runs;
using SpokenDigits.Runtime;
using SpokenDigits.Tests.Data;
using SpokenDigits.Tests.Cli;

namespace SpokenDigits.Tests.Runtime;

public class NnpackTests
{
    [Fact]
    public void AnX64CpuWithoutAvx2OrFmaIsUnsupported()
    {
        Assert.True(Nnpack.CpuSupported(" fpu sse2 avx avx2 fma bmi2", System.Runtime.InteropServices.Architecture.X64));
        Assert.False(Nnpack.CpuSupported(" fpu sse2 avx fma", System.Runtime.InteropServices.Architecture.X64));
        Assert.False(Nnpack.CpuSupported(" fpu sse2 avx avx2", System.Runtime.InteropServices.Architecture.X64));
        Assert.True(Nnpack.CpuSupported(null, System.Runtime.InteropServices.Architecture.Arm64));
    }

    [Fact]
    public void LibtorchsSwitchIsReadThroughItsExports() =>
        Assert.True(Nnpack.Enabled());   // libtorch's default; this test process never turns it off

    /// <summary>The unsupported path, forced: predict turns NNPACK off before the first convolution, prints no
    /// NNPACK line and predicts the same digits as with NNPACK on.</summary>
    [Fact]
    public void PredictWithNnpackOffPrintsNoNnpackLineAndTheSameDigits()
    {
        var run = Path.Combine(ProjectPaths.TryFindRoot()!, "results", "notebooks", "runs", "official-seed42-e15");
        var wavs = new[] { "0_george_0.wav", "3_jackson_5.wav", "7_theo_2.wav", "9_nicolas_4.wav" }
            .Select(f => Path.Combine(SharedFsdd.RecordingsFolder, f)).ToArray();
        string Predict(string mode)
        {
            var start = CliRun.StartInfo(["predict", "--run", run, "--json", .. wavs]);
            start.Environment[Nnpack.EnvironmentVariable] = mode;
            using var process = System.Diagnostics.Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEnd();
            Assert.True(process.WaitForExit(TimeSpan.FromMinutes(2)));
            Assert.Equal(0, process.ExitCode);
            Assert.DoesNotContain("NNPACK", error);
            Assert.DoesNotContain("NNPACK", output.Result);
            return output.Result;
        }
        Assert.Equal(Predict("on"), Predict("off"));
    }
}
