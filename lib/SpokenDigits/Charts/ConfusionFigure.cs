using SpokenDigits.Evaluation;

namespace SpokenDigits.Charts;

/// <summary>A confusion matrix: rows = true class (first at the top), columns = predicted; counts, or row shares when
/// <paramref name="RowNormalised"/>, in each cell.</summary>
public sealed record ConfusionFigure(string Title, ConfusionMatrix Matrix, bool RowNormalised = false) : FigureDefinition(Title)
{
    public override PlotlyChart ToPlotly() =>
        RowNormalised ? ConfusionMatrixChart.RowNormalised(Matrix, Title) : ConfusionMatrixChart.Counts(Matrix, Title);

    public override string ToSvg() => ChartSvg.ConfusionMatrix(this);
}
