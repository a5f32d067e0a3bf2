using SpokenDigits.Analysis;

namespace SpokenDigits.Tests.Reporting;

/// <summary>Committed reports name their folder relative to where the command ran, not by the machine's checkout path.</summary>
public class FolderShownTests
{
    [Fact]
    public void AFolderBelowTheCurrentDirectoryIsShownRelativeToIt()
    {
        var folder = Path.Combine(Environment.CurrentDirectory, "results", "report-official");
        Assert.Equal("results/report-official", ReportFormat.FolderShown(folder));
    }

    [Fact]
    public void AFolderOutsideTheCurrentDirectoryKeepsItsFullPath()
    {
        var sibling = Path.GetFullPath(Path.Combine(Environment.CurrentDirectory, "..", "elsewhere"));
        Assert.Equal(sibling, ReportFormat.FolderShown(sibling));
    }
}
