using SpokenDigits.Runs;
using SpokenDigits.Tests.Data;
using SpokenDigits.Training;

namespace SpokenDigits.Tests.Ablation;

/// <summary>The library's two edits of an ablation manifest: a new ablation, and a report-only pass narrowing it.</summary>
public class AblationManifestEditsTests
{
    static ReportFolder Report(TempFolder tmp, bool loso = true)
    {
        var report = new ReportFolder(tmp.Path);
        report.SaveManifest(new ReportManifest("spokendigits report --fake", [42, 43, 44], 42, "official", loso, loso ? [42] : [], 3, null, DateTimeOffset.Now));
        return report;
    }

    static List<AblationVariant> Variants(params string[] labels) => labels.Select(AblationVariant.Parse).ToList();

    [Fact]
    public void BeginSavesWhatIsAboutToBeTrained()
    {
        using var tmp = new TempFolder();
        var report = Report(tmp);
        AblationManifestEdits.Begin(report, "spokendigits ablation --report x", [42, 43], Variants("gated-aux", "concat-none"), Variants("gated-aux"), [42]);
        var saved = AblationFolder.LoadManifest(report)!;
        Assert.Equal("spokendigits ablation --report x", saved.Command);
        Assert.Equal([42, 43], saved.Seeds);
        Assert.Equal(["gated-aux", "concat-none"], saved.Variants);
        Assert.Equal(["gated-aux"], saved.LosoVariants);
        Assert.Equal([42], saved.LosoSeeds);
    }

    [Fact]
    public void NarrowKeepsWhatIsNotNamedAndTakesTheReportsFirstSeeds()
    {
        using var tmp = new TempFolder();
        var report = Report(tmp);
        var begun = AblationManifestEdits.Begin(report, "first", [42, 43, 44], Variants("gated-aux", "concat-none"), Variants("gated-aux", "concat-none"), [42]);

        var narrowed = AblationManifestEdits.Narrow(report, "second", Variants("concat-none"), seeds: 2, losoVariants: null)!;
        Assert.Equal(narrowed.Variants, AblationFolder.LoadManifest(report)!.Variants);
        Assert.Equal("second", narrowed.Command);
        Assert.Equal(["concat-none"], narrowed.Variants);
        Assert.Equal([42, 43], narrowed.Seeds);
        Assert.Equal(begun.LosoVariants, narrowed.LosoVariants);
        Assert.Equal(begun.LosoSeeds, narrowed.LosoSeeds);
        Assert.Equal(begun.Created, narrowed.Created);
        Assert.Equal(begun.Created, AblationFolder.LoadManifest(report)!.Created);
    }

    [Fact]
    public void NarrowWithNothingNamedLeavesTheManifestAlone()
    {
        using var tmp = new TempFolder();
        var report = Report(tmp);
        var begun = AblationManifestEdits.Begin(report, "first", [42], Variants("gated-aux"), [], [42]);
        Assert.Equal(begun.Command, AblationManifestEdits.Narrow(report, "second", null, null, null)!.Command);
        Assert.Equal("first", AblationFolder.LoadManifest(report)!.Command);
    }

    [Fact]
    public void NarrowDropsFoldVariantsWhenTheReportHasNoFolds()
    {
        using var tmp = new TempFolder();
        var report = Report(tmp, loso: false);
        AblationManifestEdits.Begin(report, "first", [42], Variants("gated-aux"), Variants("gated-aux"), [42]);
        Assert.Empty(AblationManifestEdits.Narrow(report, "second", null, null, Variants("gated-aux"))!.LosoVariants);
    }

    [Fact]
    public void NarrowWithoutAnAblationReturnsNull()
    {
        using var tmp = new TempFolder();
        Assert.Null(AblationManifestEdits.Narrow(Report(tmp), "second", Variants("gated-aux"), 1, null));
    }
}
