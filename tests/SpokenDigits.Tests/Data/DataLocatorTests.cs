using SpokenDigits.Data;

namespace SpokenDigits.Tests.Data;

public class DataLocatorTests
{
    [Fact]
    public void FindsSharedCopyBesideTheRepositoryFromTheTestBinaries()
    {
        string root = DataLocator.FindProjectRoot(AppContext.BaseDirectory)!;
        Assert.True(File.Exists(Path.Combine(root, DataLocator.SolutionFileName)));
        string found = DataLocator.FindRecordings(null, AppContext.BaseDirectory, environmentValue: null);
        string local = Path.Combine(root, "data", "fsdd", "recordings");
        string shared = Path.GetFullPath(Path.Combine(root, "..", "shared", "datasets", "fsdd", "recordings"));
        Assert.Equal(Directory.Exists(local) ? local : shared, found);
    }

    [Fact]
    public void ExplicitPathWinsAndResolvesRecordingsSubfolder()
    {
        using var temp = new TempFolder();
        Directory.CreateDirectory(temp.Combine("recordings"));
        Assert.Equal(temp.Combine("recordings"), DataLocator.FindRecordings(temp.Path, null, environmentValue: "/nowhere"));
        Assert.Equal(temp.Combine("recordings"), DataLocator.FindRecordings(null, null, environmentValue: temp.Path));
    }

    [Fact]
    public void ProjectDataFolderComesBeforeSharedCopy()
    {
        using var temp = new TempFolder();
        Directory.CreateDirectory(temp.Combine("repo", "src", "deep"));
        File.WriteAllText(temp.Combine("repo", DataLocator.SolutionFileName), "<Solution />");
        Directory.CreateDirectory(temp.Combine("shared", "datasets", "fsdd", "recordings"));
        string start = temp.Combine("repo", "src", "deep");
        Assert.Equal(temp.Combine("shared", "datasets", "fsdd", "recordings"), DataLocator.FindRecordings(null, start, null));

        Directory.CreateDirectory(temp.Combine("repo", "data", "fsdd", "recordings"));
        Assert.Equal(temp.Combine("repo", "data", "fsdd", "recordings"), DataLocator.FindRecordings(null, start, null));
    }

    [Fact]
    public void NothingFoundListsWhatWasTried()
    {
        // The fake project sits one level inside the temp folder, so its ../shared is ours (and absent) even on a
        // machine where the system temp folder itself has a shared/ beside it.
        using var temp = new TempFolder();
        Directory.CreateDirectory(temp.Combine("repo"));
        File.WriteAllText(temp.Combine("repo", DataLocator.SolutionFileName), "<Solution />");
        var e = Assert.Throws<DatasetException>(() => DataLocator.FindRecordings(null, temp.Combine("repo"), null));
        Assert.Contains(temp.Combine("repo", "data", "fsdd", "recordings"), e.Message);
        Assert.Contains(temp.Combine("shared", "datasets", "fsdd", "recordings"), e.Message);
        Assert.Contains(DataLocator.EnvironmentVariable, e.Message);
    }

    [Fact]
    public void MissingExplicitPathIsAnError()
    {
        var e = Assert.Throws<DatasetException>(() => DataLocator.FindRecordings("/no/such/recordings", null, null));
        Assert.Contains("/no/such/recordings", e.Message);
    }
}
