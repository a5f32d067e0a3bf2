using System.Text.Json.Nodes;
using SpokenDigits.Runs;
using SpokenDigits.Tests.Data;
using SpokenDigits.Training;
using static SpokenDigits.Tests.Ablation.AblationFakeRuns;

namespace SpokenDigits.Tests.Cli;

/// <summary><c>ablation --from-only</c> over finished runs: the report is regenerated and the manifest narrowed, and the
/// manifest keeps the time the ablation was created.</summary>
public class AblationFromOnlyTests
{
    [Fact]
    public void FromOnlyNarrowsTheManifestAndKeepsItsCreatedField()
    {
        using var temp = new TempFolder();
        var report = Report(temp.Combine("r"), (10, FirstRight(12), FirstRight(16), FirstRight(17)), (11, FirstRight(12), FirstRight(17), FirstRight(16)));
        foreach (int seed in new[] { 10, 11 })
        {
            SaveVariant(report, AblationVariant.Parse("gated-aux+moddrop"), seed, Fused(FirstRight(19)));
            SaveVariant(report, AblationVariant.Parse("attention-none"), seed, Fused(FirstRight(15), fusion: "Attention", remedies: "none"));
        }
        SaveManifest(report, [10, 11], ["gated-aux+moddrop", "attention-none"]);
        string manifestPath = report.File(AblationFolder.ManifestFile);
        string created = JsonNode.Parse(File.ReadAllText(manifestPath))!["created"]!.GetValue<string>();

        var outcome = CliRun.InProcess("ablation", "--report", report.Path, "--from-only", "--variants", "gated-aux+moddrop", "--resamples", "100");

        Assert.True(outcome.Code == 0, outcome.Error);
        var manifest = JsonNode.Parse(File.ReadAllText(manifestPath))!;
        Assert.Equal(created, manifest["created"]!.GetValue<string>());
        Assert.Equal(["gated-aux+moddrop"], manifest["variants"]!.AsArray().Select(v => v!.GetValue<string>()));
        Assert.Contains("--from-only", manifest["command"]!.GetValue<string>());
        Assert.True(File.Exists(report.File(AblationFolder.MarkdownFile)));
    }
}
