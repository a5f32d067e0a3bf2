namespace SpokenDigits.Benchmarking;

/// <summary>How long <see cref="Benchmark"/> measures. The defaults make two runs on a quiet machine agree
/// within 10 %: each model's training figure is the median of <paramref name="Trials"/> trials of
/// <paramref name="StepsPerTrial"/> optimisation steps (about one second each), after warm-up steps that let
/// the allocator and oneDNN settle.</summary>
/// <param name="Trials">Timed trials per figure (training and batched inference).</param>
/// <param name="StepsPerTrial">Optimisation steps per training trial.</param>
/// <param name="WarmupSteps">Untimed steps before the first trial.</param>
/// <param name="LatencySamples">Single-recording inferences timed for the latency percentiles.</param>
/// <param name="InferenceBatchSize">Recordings per batch for batched inference (as evaluation uses).</param>
public sealed record BenchSettings(
    int Trials = 7,
    int StepsPerTrial = 20,
    int WarmupSteps = 5,
    int LatencySamples = 200,
    int InferenceBatchSize = 256)
{
    public BenchSettings Validated()
    {
        if (Trials < 1 || StepsPerTrial < 1 || WarmupSteps < 0 || LatencySamples < 1 || InferenceBatchSize < 1)
            throw new ArgumentException("bench: trials, steps per trial, latency samples and batch size must be at least 1 (warm-up at least 0)");
        return this;
    }
}
