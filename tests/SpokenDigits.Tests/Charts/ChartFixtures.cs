using System.Text.Json;

using SpokenDigits.Charts;
using SpokenDigits.Evaluation;
using SpokenDigits.Training;

namespace SpokenDigits.Tests.Charts;

internal static class ChartFixtures
{
    public static readonly string[] Digits = Enumerable.Range(0, 10).Select(i => i.ToString()).ToArray();

    /// <summary>10×10 matrix: 8 + class index correct per class, plus a few known confusions (3→8 ×4, 5→6 ×2).</summary>
    public static ConfusionMatrix Confusion()
    {
        var counts = Enumerable.Range(0, 10).Select(_ => new int[10]).ToArray();
        for (int i = 0; i < 10; i++) counts[i][i] = 8 + i;
        counts[3][8] = 4;
        counts[5][6] = 2;
        return new ConfusionMatrix(Digits, counts);
    }

    public static IReadOnlyList<EpochRecord> History(int epochs = 5) =>
        Enumerable.Range(1, epochs).Select(e => new EpochRecord(e, 2.0 / e, 0.5 + 0.08 * e, 2.2 / e, 0.45 + 0.09 * e - (e == epochs ? 0.15 : 0), 1.5)).ToList();

    /// <summary>A result whose confusion matrix puts <paramref name="errorsOnDigit"/> mistakes on each listed digit.</summary>
    public static ModelResult Result(string name, params (int Digit, int Errors)[] errorsOnDigit)
    {
        var counts = Enumerable.Range(0, 10).Select(_ => new int[10]).ToArray();
        for (int i = 0; i < 10; i++) counts[i][i] = 20;
        foreach (var (d, errors) in errorsOnDigit)
        {
            counts[d][d] -= errors;
            counts[d][(d + 1) % 10] += errors;
        }
        var report = ClassificationReport.From(new ConfusionMatrix(Digits, counts));
        return new ModelResult(name, 12345, History(), 4, report, []);
    }

    public static IReadOnlyList<ModelResult> ThreeModels() =>
    [
        Result("RawOnlyModel", (1, 6), (7, 4)),
        Result("SpecOnlyModel", (3, 5), (8, 2)),
        Result("TwoStreamFusionModel", (3, 1), (9, 3)),
    ];

    public static JsonElement Figure(PlotlyChart chart)
    {
        using var doc = JsonDocument.Parse(ChartHtml.FigureJson(chart));
        return doc.RootElement.Clone();
    }

    public static JsonElement[] Traces(PlotlyChart chart) => Figure(chart).GetProperty("data").EnumerateArray().ToArray();

    public static JsonElement Layout(PlotlyChart chart) => Figure(chart).GetProperty("layout");

    public static string[] Strings(JsonElement array) => array.EnumerateArray().Select(e => e.ValueKind == JsonValueKind.String ? e.GetString()! : e.GetRawText()).ToArray();

    public static double[] Numbers(JsonElement array) => array.EnumerateArray().Select(e => e.GetDouble()).ToArray();

    public static string AxisTitle(JsonElement layout, string axis) => layout.GetProperty(axis).GetProperty("title").GetProperty("text").GetString()!;
}
