namespace SpokenDigits.Charts;

/// <summary>Lines of y against x (e.g. accuracy against epoch), with markers and a legend.</summary>
/// <param name="YMin">Bottom of the y axis; null (with <paramref name="YMax"/>): the data's range.</param>
/// <param name="TickFormat">The interactive chart's y tick format (d3-format).</param>
public sealed record LinesFigure(string Title, IReadOnlyList<LineSeries> Series, string XLabel, string YLabel,
    double? YMin = null, double? YMax = null, string TickFormat = ".0%") : FigureDefinition(Title)
{
    /// <summary>The interactive chart; its y range is 2 % taller at the top, so markers on the top line are drawn whole.</summary>
    public override PlotlyChart ToPlotly() =>
        LineSeriesChart.For(Title, Series, XLabel, YLabel, TickFormat, YMin, YMax is double hi && YMin is double lo ? hi + 0.02 * (hi - lo) : YMax);

    public override string ToSvg() => ChartSvg.Lines(this);
}
