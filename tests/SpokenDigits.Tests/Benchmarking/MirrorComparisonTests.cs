using SpokenDigits.Benchmarking;
using SpokenDigits.Tests.Data;

namespace SpokenDigits.Tests.Benchmarking;

public class MirrorComparisonTests
{
    const string MirrorJson = """
        {"environment": {"torch": "1.13.0a0", "cores": 2},
         "bench": {"models": [
           {"model": "RawOnlyModel", "trainSamplesPerSecond": 500.0, "singleRecording": {"p50": 8.0, "p95": 9.0}, "batchedMillisecondsPerRecording": 0.4},
           {"model": "SpecOnlyModel", "trainSamplesPerSecond": 400.0, "singleRecording": {"p50": 4.0, "p95": 5.0}, "batchedMillisecondsPerRecording": 0.7}]}}
        """;

    static ModelSpeed Ours(string model, double samplesPerSecond)
    {
        var spread = new Spread(samplesPerSecond, samplesPerSecond, samplesPerSecond, 1);
        return new ModelSpeed(model, 1, new MultiplyAdds(1, 3), spread, 0, 1, new Latency(1, 1, 1, 1), spread, spread, 1, 1);
    }

    [Fact]
    public void ReadsTheMirrorsBenchOutputAndComputesTheSpeedUp()
    {
        var mirror = MirrorComparison.Parse("mirror.py", "python3 mirror.py", new Dictionary<string, string>(), MirrorJson);
        Assert.Equal("1.13.0a0", mirror.TorchVersion);
        Assert.Equal(new[] { "RawOnlyModel", "SpecOnlyModel" }, mirror.Models.Select(m => m.Model));
        Assert.Equal(8.0, mirror.Models[0].SingleP50Milliseconds);
        Assert.Equal(2.0, mirror.TrainingSpeedup(Ours("RawOnlyModel", 1000)));
        Assert.Null(mirror.TrainingSpeedup(Ours("TwoStreamFusionModel", 1000)));
    }

    [Fact]
    public void OutputOfTheTrainModeIsRejected() =>
        Assert.Throws<InvalidDataException>(() =>
            MirrorComparison.Parse("m.py", "c", new Dictionary<string, string>(), """{"environment": {"torch": "1"}, "models": []}"""));

    [Fact]
    public void AMissingMirrorIsNamed()
    {
        var e = Assert.Throws<FileNotFoundException>(() =>
            MirrorComparison.Run("/nonexistent/torch_mirror.py", SharedFsdd.RecordingsFolder, 1, new BenchSettings(), new Dictionary<string, string>(), TextWriter.Null));
        Assert.Contains("/nonexistent/torch_mirror.py", e.Message);
    }

    [Fact]
    public void APythonWithoutTorchSaysWhatToInstall()
    {
        using var folder = new TempFolder();
        var script = folder.Combine("torch_mirror.py");
        File.WriteAllText(script, "print('never run')\n");
        var e = Assert.Throws<InvalidOperationException>(() =>
            MirrorComparison.Run(script, folder.Path, 1, new BenchSettings(), new Dictionary<string, string>(), TextWriter.Null, python: "/bin/false"));
        Assert.Contains("python3-torch", e.Message);
    }
}
