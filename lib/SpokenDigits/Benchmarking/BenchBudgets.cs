namespace SpokenDigits.Benchmarking;

/// <summary>The speed and memory targets of the project on its 2-core reference machine (2 torch threads,
/// default settings). <c>spokendigits bench</c> checks every one and exits 1 when one is missed.</summary>
/// <param name="FullRunSeconds">Default <c>train</c>: features + 3 × 15 epochs + tests.</param>
/// <param name="FeatureExtractionSeconds">Decode, resample and log-mel of every recording.</param>
/// <param name="InferenceP50Milliseconds">One recording on one thread, median, every model.</param>
/// <param name="PeakMemoryGiB">Peak working set of the bench process.</param>
/// <param name="MirrorSpeedup">With <c>--compare</c>: each model's training throughput over the PyTorch mirror's.</param>
/// <param name="DemoP95Milliseconds">The live demo: upload to answer, 95th percentile (it should feel live).</param>
public sealed record BenchBudgets(
    double FullRunSeconds = 150,
    double FeatureExtractionSeconds = 5,
    double InferenceP50Milliseconds = 2,
    double PeakMemoryGiB = 2,
    double MirrorSpeedup = 2,
    double DemoP95Milliseconds = 300);
