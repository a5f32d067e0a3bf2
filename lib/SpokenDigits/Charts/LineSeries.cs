namespace SpokenDigits.Charts;

/// <summary>One line of a line chart: y against x, solid or dashed, in a given colour (null: the palette's).</summary>
public sealed record LineSeries(string Name, IReadOnlyList<double> X, IReadOnlyList<double> Y, bool Dashed = false, string? Colour = null);
