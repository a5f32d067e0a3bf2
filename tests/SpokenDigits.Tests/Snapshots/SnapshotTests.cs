using SpokenDigits.Features;
using SpokenDigits.Models;
using SpokenDigits.Runs;
using SpokenDigits.Tests.Cli;
using SpokenDigits.Training;

namespace SpokenDigits.Tests.Snapshots;

/// <summary>What people read, compared with committed snapshots: <c>train --help</c>, and the settings lines every
/// training prints (CLI and notebooks) and the summaries and reports show (<see cref="SettingsText"/>).</summary>
public class SnapshotTests
{
    [Fact]
    public void Snapshot_train_help()
    {
        var outcome = CliRun.InProcess("train", "--help");
        Assert.Equal(0, outcome.Code);
        // --out's default is this checkout's results folder: the snapshot names it <repository>/results
        string root = ProjectPaths.TryFindRoot()!;
        Snapshot.Matches("train-help.txt", outcome.Output.Replace(root, "<repository>"));
    }

    [Fact]
    public void Snapshot_settings_lines()
    {
        var defaults = SettingsText.Lines(new FeatureSettings(), new TrainingSettings(), new ModelSettings());
        var everything = SettingsText.Lines(
            new FeatureSettings(SampleRate: 16000, MaxHz: 7600, Normalisation: SpectrogramNormalisation.DatasetStatistics) { Endpoint = EndpointSettings.Off },
            new TrainingSettings(Epochs: 1, Threads: 1, Remedies: FusionRemedies.Parse("two-stage+aux+moddrop+branch-lr"))
            {
                Augmentation = new AugmentationSettings(Corruptions: CorruptionSettings.Parse("gain+band+tilt+reverb+babble")).WithSpeed(0.85, 1.15),
            },
            ModelSettings.Original);
        var none = SettingsText.Lines(new FeatureSettings(), new TrainingSettings(Threads: 4) { Augmentation = null });
        string text = "# defaults\n" + string.Join("\n", defaults) + "\n\n# every option on\n" + string.Join("\n", everything) +
                      "\n\n# no augmentation, no architecture\n" + string.Join("\n", none) + "\n";
        foreach (var line in text.Split('\n'))
        {
            Assert.DoesNotContain(" = ", line);   // no record dumps: "MaxHz = ,", "RemediesOrNone = FusionRemedies { ... }"
            Assert.DoesNotContain("{ ", line);
        }
        Snapshot.Matches("settings-lines.txt", text);
    }

    [Fact]
    public void Every_settings_record_prints_as_its_description_not_as_a_record_dump()
    {
        var training = new TrainingSettings(Remedies: FusionRemedies.Parse("aux"));
        object[] records = [new FeatureSettings(), new EndpointSettings(), training, training.Augmentation!, new CorruptionSettings(),
                            training.Remedies!, new ModelSettings()];
        foreach (var record in records)
        {
            string shown = $"{record}";
            Assert.DoesNotContain(" = ", shown);
            Assert.DoesNotContain(record.GetType().Name, shown);
        }
        Assert.StartsWith(training.Describe(), training.ToString());
        Assert.Contains(training.RemediesOrNone.Describe(), training.ToString());
    }

    [Fact]
    public void The_diff_names_the_changed_lines()
    {
        string diff = Snapshot.Diff("a\nb\nc\nd\ne\nf\ng", "a\nb\nc\nD\ne\nf\ng\nh", context: 1);
        Assert.Equal("  c\n- d\n+ D\n  e\n  …\n  g\n+ h\n", diff.Replace("\r\n", "\n"));
    }
}
