using SpokenDigits.Reporting;

namespace SpokenDigits.Benchmarking;

/// <summary>Training and inference speed of one model.</summary>
public sealed record ModelSpeed(
    string Model,
    long Parameters,
    double TrainSamplesPerSecond,
    Latency SingleRecording,
    double BatchedMillisecondsPerRecording,
    int BatchSize);

/// <summary>One budget and whether it was met.</summary>
public sealed record BudgetCheck(string Name, double Measured, double Limit, string Unit)
{
    public bool Met => Measured <= Limit;
}

/// <summary>Everything <c>spokendigits bench</c> measured, with the machine it ran on.</summary>
public sealed record BenchResult(
    RunInfo Info,
    int Recordings,
    double FeatureSeconds,
    double RecordingsPerSecond,
    IReadOnlyList<ModelSpeed> Models,
    double EstimatedFullRunSeconds,
    double? MeasuredFullRunSeconds,
    double PeakMemoryGiB,
    IReadOnlyList<BudgetCheck> Budgets)
{
    public bool AllBudgetsMet => Budgets.All(b => b.Met);
}
