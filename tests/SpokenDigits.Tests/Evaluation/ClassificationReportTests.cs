using SpokenDigits.Evaluation;

namespace SpokenDigits.Tests.Evaluation;

public class ClassificationReportTests
{
    static readonly string[] Abc = { "a", "b", "c" };

    [Fact]
    public void MetricsMatchAHandComputedExample()
    {
        // truth:     a a a b b c
        // predicted: a a b b c c
        var truth = new[] { 0, 0, 0, 1, 1, 2 };
        var predicted = new[] { 0, 0, 1, 1, 2, 2 };
        var r = ClassificationReport.From(truth, predicted, Abc);

        Assert.Equal(new[] { new[] { 2, 1, 0 }, new[] { 0, 1, 1 }, new[] { 0, 0, 1 } }, r.Confusion.Counts);
        Assert.Equal(4.0 / 6, r.Accuracy, 12);
        // a: P = 2/2, R = 2/3, F1 = 0.8;  b: P = 1/2, R = 1/2, F1 = 0.5;  c: P = 1/2, R = 1, F1 = 2/3
        Assert.Equal(1.0, r.PerClass[0].Precision, 12);
        Assert.Equal(2.0 / 3, r.PerClass[0].Recall, 12);
        Assert.Equal(0.8, r.PerClass[0].F1, 12);
        Assert.Equal(0.5, r.PerClass[1].F1, 12);
        Assert.Equal(2.0 / 3, r.PerClass[2].F1, 12);
        Assert.Equal((0.8 + 0.5 + 2.0 / 3) / 3, r.MacroF1, 12);
        Assert.Equal(new[] { 3, 2, 1 }, r.PerClass.Select(c => c.Support));
    }

    [Fact]
    public void AClassNeverPredictedHasZeroPrecisionNotNaN()
    {
        var r = ClassificationReport.From(new[] { 0, 1 }, new[] { 0, 0 }, new[] { "x", "y" });
        Assert.Equal(0, r.PerClass[1].Precision);
        Assert.Equal(0, r.PerClass[1].F1);
        Assert.Equal(0.5, r.PerClass[0].Precision);
    }

    [Fact]
    public void RowNormalisedRowsSumToOne()
    {
        var cm = ConfusionMatrix.From(new[] { 0, 0, 1, 1, 1 }, new[] { 0, 1, 1, 1, 0 }, new[] { "x", "y" });
        var n = cm.RowNormalised();
        Assert.Equal(0.5, n[0][0], 12);
        Assert.Equal(2.0 / 3, n[1][1], 12);
        Assert.Equal((1, 0, 1), cm.Confusions().First(c => c.Truth == 1));
    }

    [Fact]
    public void MismatchedInputsAreClearErrors()
    {
        Assert.Throws<ArgumentException>(() => ConfusionMatrix.From(new[] { 0 }, new[] { 0, 1 }, Abc));
        Assert.Throws<ArgumentOutOfRangeException>(() => ConfusionMatrix.From(new[] { 5 }, new[] { 0 }, Abc));
    }
}
