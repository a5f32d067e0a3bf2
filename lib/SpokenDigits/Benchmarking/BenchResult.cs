using SpokenDigits.Runs;

namespace SpokenDigits.Benchmarking;

/// <summary>Training and inference speed of one model, each figure the median of repeated trials.</summary>
/// <param name="Model">Model class name.</param>
/// <param name="Parameters">Trainable parameters.</param>
/// <param name="MultiplyAdds">Multiply-adds per recording, counted from the layer shapes.</param>
/// <param name="TrainSamplesPerSecond">Training throughput (augmented batches, remedies, optimiser step), per trial.</param>
/// <param name="PageFaultsPerStep">Minor page faults per timed training step (pages the kernel had to map and zero); null off Linux.</param>
/// <param name="AchievedGflops">Training FLOP per second at the median throughput.</param>
/// <param name="SingleRecording">One recording at a time on one thread, milliseconds.</param>
/// <param name="BatchedMillisecondsPerRecording">Batches of <paramref name="BatchSize"/> on one thread, per recording, per trial
/// (the like-for-like comparison with <paramref name="SingleRecording"/>).</param>
/// <param name="BatchedAllThreadsMillisecondsPerRecording">The same batches on all the bench's threads, as validation runs during training.</param>
/// <param name="BatchSize">Recordings per inference batch.</param>
/// <param name="EstimatedEpochSeconds">One default training epoch: the training part at this throughput plus the
/// validation passes (the fused model also probes each branch alone).</param>
public sealed record ModelSpeed(
    string Model,
    long Parameters,
    MultiplyAdds MultiplyAdds,
    Spread TrainSamplesPerSecond,
    double? PageFaultsPerStep,
    double AchievedGflops,
    Latency SingleRecording,
    Spread BatchedMillisecondsPerRecording,
    Spread BatchedAllThreadsMillisecondsPerRecording,
    int BatchSize,
    double EstimatedEpochSeconds);

/// <summary>One budget and whether it was met.</summary>
public sealed record BudgetCheck(string Name, double Measured, double Limit, string Unit)
{
    public bool Met => Measured <= Limit;
}

/// <summary>A real training run's median epoch beside the bench's estimate of it (<c>bench --full</c>).</summary>
public sealed record EpochAgreement(string Model, double EstimatedSeconds, double MeasuredMedianSeconds)
{
    /// <summary>estimate / measured − 1: +0.05 means the bench predicted 5 % more time than training took.</summary>
    public double RelativeError => EstimatedSeconds / MeasuredMedianSeconds - 1;
}

/// <summary>Everything <c>spokendigits bench</c> measured, with the machine it ran on: its allocator settings, the
/// cores' peak, and how busy other processes kept it when the bench started (cores' worth; null where unknown);
/// <see cref="Demo"/> is the live demo's upload-to-answer time, null when no trained run was there to serve.</summary>
public sealed record BenchResult(
    RunInfo Info,
    BenchSettings Settings,
    string Allocator,
    MachinePeak Peak,
    double? OtherLoadAtStart,
    int Recordings,
    double FeatureSeconds,
    double RecordingsPerSecond,
    IReadOnlyList<ModelSpeed> Models,
    double EstimatedFullRunSeconds,
    double? MeasuredFullRunSeconds,
    IReadOnlyList<EpochAgreement>? Epochs,
    MirrorComparison? Mirror,
    double PeakMemoryGiB,
    IReadOnlyList<BudgetCheck> Budgets,
    DemoLatency? Demo = null)
{
    public bool AllBudgetsMet => Budgets.All(b => b.Met);
}
