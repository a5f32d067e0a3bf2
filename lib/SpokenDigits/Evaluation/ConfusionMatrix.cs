using System.Text.Json.Serialization;

namespace SpokenDigits.Evaluation;

/// <summary>Counts of (true class, predicted class): row = truth, column = prediction.</summary>
public sealed class ConfusionMatrix
{
    public ConfusionMatrix(IReadOnlyList<string> labels, int[][] counts)
    {
        if (counts.Length != labels.Count || counts.Any(row => row.Length != labels.Count))
            throw new ArgumentException($"a confusion matrix over {labels.Count} classes needs {labels.Count}×{labels.Count} counts");
        Labels = labels;
        Counts = counts;
    }

    /// <summary>Class names, in class-index order (row and column order).</summary>
    public IReadOnlyList<string> Labels { get; }

    /// <summary><c>Counts[truth][predicted]</c>.</summary>
    public int[][] Counts { get; }

    [JsonIgnore] public int ClassCount => Labels.Count;
    [JsonIgnore] public int Total => Counts.Sum(row => row.Sum());
    [JsonIgnore] public int Correct => Enumerable.Range(0, ClassCount).Sum(i => Counts[i][i]);

    public static ConfusionMatrix From(IReadOnlyList<int> truth, IReadOnlyList<int> predicted, IReadOnlyList<string> labels)
    {
        if (truth.Count != predicted.Count)
            throw new ArgumentException($"{truth.Count} true labels but {predicted.Count} predictions");
        var counts = labels.Select(_ => new int[labels.Count]).ToArray();
        for (int i = 0; i < truth.Count; i++)
        {
            if ((uint)truth[i] >= (uint)labels.Count || (uint)predicted[i] >= (uint)labels.Count)
                throw new ArgumentOutOfRangeException(nameof(truth), $"class index out of range at item {i}: truth {truth[i]}, predicted {predicted[i]}");
            counts[truth[i]][predicted[i]]++;
        }
        return new ConfusionMatrix(labels, counts);
    }

    /// <summary>Each row divided by its sum (the recall view); empty rows stay zero.</summary>
    public double[][] RowNormalised() => Counts
        .Select(row => { double sum = row.Sum(); return row.Select(c => sum == 0 ? 0.0 : c / sum).ToArray(); })
        .ToArray();

    /// <summary>Off-diagonal cells, largest first: which true digit is taken for which.</summary>
    public IEnumerable<(int Truth, int Predicted, int Count)> Confusions() =>
        from t in Enumerable.Range(0, ClassCount)
        from p in Enumerable.Range(0, ClassCount)
        where t != p && Counts[t][p] > 0
        orderby Counts[t][p] descending, t, p
        select (t, p, Counts[t][p]);
}
