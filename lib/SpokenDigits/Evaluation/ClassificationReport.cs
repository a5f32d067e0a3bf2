namespace SpokenDigits.Evaluation;

/// <summary>Accuracy, macro-F1 and per-class metrics computed from a confusion matrix.</summary>
public sealed record ClassificationReport(double Accuracy, double MacroF1, IReadOnlyList<ClassMetrics> PerClass, ConfusionMatrix Confusion)
{
    public static ClassificationReport From(IReadOnlyList<int> truth, IReadOnlyList<int> predicted, IReadOnlyList<string> labels) =>
        From(ConfusionMatrix.From(truth, predicted, labels));

    /// <summary>Per-class precision = TP/(TP+FP), recall = TP/(TP+FN), F1 their harmonic mean
    /// (0 where undefined); macro-F1 is the unweighted mean of the per-class F1.</summary>
    public static ClassificationReport From(ConfusionMatrix cm)
    {
        int k = cm.ClassCount;
        var perClass = new List<ClassMetrics>(k);
        for (int c = 0; c < k; c++)
        {
            int tp = cm.Counts[c][c];
            int support = cm.Counts[c].Sum();
            int predictedAsC = Enumerable.Range(0, k).Sum(t => cm.Counts[t][c]);
            double precision = predictedAsC == 0 ? 0 : (double)tp / predictedAsC;
            double recall = support == 0 ? 0 : (double)tp / support;
            double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
            perClass.Add(new ClassMetrics(cm.Labels[c], precision, recall, f1, support));
        }
        double accuracy = cm.Total == 0 ? 0 : (double)cm.Correct / cm.Total;
        return new ClassificationReport(accuracy, perClass.Average(m => m.F1), perClass, cm);
    }
}
