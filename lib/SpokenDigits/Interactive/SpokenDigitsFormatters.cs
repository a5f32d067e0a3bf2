using System.Globalization;
using Microsoft.DotNet.Interactive.Formatting;
using SpokenDigits.Charts;
using SpokenDigits.Evaluation;
using SpokenDigits.Training;

namespace SpokenDigits.Interactive;

/// <summary>
/// Notebook display of the project's types through Microsoft.DotNet.Interactive.Formatting.
/// </summary>
/// <remarks>
/// After <see cref="Register"/>, <c>Formatter.GetPreferredMimeTypesFor(value.GetType())</c> lists:
/// <list type="bullet">
/// <item><see cref="PlotlyChart"/>: "text/html" (<see cref="ChartHtml.Fragment"/>) and "application/vnd.plotly.v1+json" (<see cref="ChartHtml.FigureJson"/>).</item>
/// <item><see cref="ConfusionMatrix"/>, <see cref="ClassificationReport"/>, <see cref="ModelResult"/>, <see cref="AudioPlayer"/>,
/// <see cref="EpochRecord"/> lists and arrays: "text/html".</item>
/// </list>
/// Each also gets a short "text/plain" form (the default one would dump every prediction).
/// </remarks>
public static class SpokenDigitsFormatters
{
    public const string Html = "text/html";
    public const string PlainText = "text/plain";
    public const string Markdown = "text/markdown";
    public const string PlotlyJson = ChartHtml.PlotlyMimeType;

    private static readonly object Gate = new();
    private static bool _registered;

    /// <summary>Registers all formatters; calling it again does nothing.</summary>
    public static void Register()
    {
        lock (Gate)
        {
            if (_registered)
                return;
            RegisterCore();
            _registered = true;
        }
    }

    private static void RegisterCore()
    {
        // display(markdownText, "text/markdown"): the string is the Markdown. The project's kernel does this by itself;
        // .NET Interactive has no text/markdown formatter for strings and would fail the cell without this one.
        Formatter.Register<string>((s, w) => w.Write(s), Markdown);

        Formatter.Register<PlotlyChart>((c, w) => w.Write(ChartHtml.Fragment(c)), Html);
        Formatter.Register<PlotlyChart>((c, w) => w.Write(ChartHtml.FigureJson(c)), PlotlyJson);
        Formatter.Register<PlotlyChart>((c, w) => w.Write(c.ToString()), PlainText);
        Formatter.SetPreferredMimeTypesFor(typeof(PlotlyChart), Html, PlotlyJson);

        Formatter.Register<ConfusionMatrix>((cm, w) => w.Write(HtmlTables.ConfusionMatrix(cm)), Html);
        Formatter.Register<ConfusionMatrix>((cm, w) => w.Write(
            FormattableString.Invariant($"ConfusionMatrix {cm.ClassCount}×{cm.ClassCount}: {cm.Correct} of {cm.Total} correct")), PlainText);

        Formatter.Register<ClassificationReport>((r, w) => w.Write(HtmlTables.ClassificationReport(r)), Html);
        Formatter.Register<ClassificationReport>((r, w) => w.Write(
            FormattableString.Invariant($"accuracy {r.Accuracy:0.0000}, macro-F1 {r.MacroF1:0.0000}, n = {r.Confusion.Total}")), PlainText);

        Formatter.Register<ModelResult>((r, w) => w.Write(HtmlTables.ModelResult(r)), Html);
        Formatter.Register<ModelResult>((r, w) => w.Write(DescribeResult(r)), PlainText);

        Formatter.Register<AudioPlayer>((a, w) => w.Write(a.ToHtml()), Html);
        Formatter.Register<AudioPlayer>((a, w) => w.Write(a.ToString()), PlainText);

        Formatter.Register<EpochRecord[]>((h, w) => w.Write(HtmlTables.History(h)), Html);
        Formatter.Register<List<EpochRecord>>((h, w) => w.Write(HtmlTables.History(h)), Html);
        Formatter.Register<IReadOnlyList<EpochRecord>>((h, w) => w.Write(HtmlTables.History(h)), Html);

        foreach (Type t in new[] { typeof(ConfusionMatrix), typeof(ClassificationReport), typeof(ModelResult), typeof(AudioPlayer),
                     typeof(EpochRecord[]), typeof(List<EpochRecord>), typeof(IReadOnlyList<EpochRecord>) })
            Formatter.SetPreferredMimeTypesFor(t, Html);
    }

    private static string DescribeResult(ModelResult r) =>
        r.Test is { } t
            ? string.Create(CultureInfo.InvariantCulture,
                $"{r.ModelName}: {r.ParameterCount:N0} parameters, best epoch {r.BestEpoch}, test accuracy {t.Accuracy:0.0000}, macro-F1 {t.MacroF1:0.0000}")
            : $"{r.ModelName}: failed ({r.Failure ?? "no test report"})";
}
