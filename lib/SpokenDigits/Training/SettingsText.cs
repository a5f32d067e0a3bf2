using SpokenDigits.Features;
using SpokenDigits.Models;

namespace SpokenDigits.Training;

/// <summary>
/// The one wording of a run's settings for people: a row per settings record (each record's own <c>Describe()</c>), shown
/// as aligned lines at the start of a training (CLI and notebooks alike), as the notebooks' settings table, and in the
/// summaries and reports.
/// </summary>
public static class SettingsText
{
    /// <summary>(name, text) per record: features, endpointing, training, augmentation, fused-model remedies and, when
    /// given, the architecture.</summary>
    public static IReadOnlyList<(string Name, string Text)> Rows(FeatureSettings features, TrainingSettings training, ModelSettings? architecture = null)
    {
        var rows = new List<(string, string)>
        {
            ("Features", features.Describe()),
            ("Endpointing", features.Endpoint.Describe()),
            ("Training", training.Describe()),
            ("Augmentation", AugmentationSettings.Describe(training.Augmentation)),
            ("Remedies", training.RemediesOrNone.Describe()),
        };
        if (architecture is not null) rows.Add(("Architecture", architecture.Describe()));
        return rows;
    }

    /// <summary>The column the texts of <see cref="Line"/> start at: after the longest row name, "Augmentation: ".</summary>
    public const int NameWidth = 14;

    /// <summary>"Name:" padded to <see cref="NameWidth"/>, then <paramref name="text"/>: a settings line, or any line printed
    /// beside them (data, split, machine) so that they align.</summary>
    public static string Line(string name, string text) => (name + ":").PadRight(NameWidth) + text;

    /// <summary><paramref name="rows"/> as <see cref="Line"/>s.</summary>
    public static IEnumerable<string> Lines(IEnumerable<(string Name, string Text)> rows) => rows.Select(r => Line(r.Name, r.Text));

    /// <summary><see cref="Rows"/> as aligned lines.</summary>
    public static IEnumerable<string> Lines(FeatureSettings features, TrainingSettings training, ModelSettings? architecture = null) =>
        Lines(Rows(features, training, architecture));
}
