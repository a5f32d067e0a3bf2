namespace SpokenDigits.Benchmarking;

/// <summary>The speed and memory targets of the project on its 2-core reference machine.</summary>
public sealed record BenchBudgets(
    double FullRunSeconds = 600,
    double FeatureExtractionSeconds = 5,
    double InferenceP50Milliseconds = 5,
    double PeakMemoryGiB = 2);
