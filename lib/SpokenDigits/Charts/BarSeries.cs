namespace SpokenDigits.Charts;

/// <summary>One series of grouped bars, with optional error whiskers (e.g. ± one standard deviation across seeds).</summary>
public sealed record BarSeries(string Name, IReadOnlyList<double> Values, IReadOnlyList<double> Errors);
