using System.IO.Compression;
using SpokenDigits.Data;

namespace SpokenDigits.Tests.Data;

public class FsddDownloaderTests
{
    [Fact]
    public async Task FromLocalFolderVerifiesAndSecondRunIsANoOp()
    {
        using var temp = new TempFolder();
        string target = temp.Combine("fsdd");
        string sharedRoot = Path.GetDirectoryName(SharedFsdd.RecordingsFolder)!; // folder holding recordings/

        FsddDownloadResult first = await FsddDownloader.DownloadAsync(sharedRoot, target);
        Assert.False(first.AlreadyPresent);
        Assert.Equal(3000, first.FileCount);
        Assert.Equal(6, first.SpeakerCount);
        Assert.Equal(10, first.DigitCount);
        Assert.Equal(3000, Directory.GetFiles(first.RecordingsFolder, "*.wav").Length);

        string[] manifest = File.ReadAllLines(Path.Combine(target, FsddDownloader.ManifestFileName));
        Assert.Equal(3000, manifest.Length);
        Assert.Matches("^[0-9a-f]{64}  recordings/0_george_0\\.wav$", manifest[0]);
        Assert.Contains("CC BY-SA 4.0", File.ReadAllText(Path.Combine(target, FsddDownloader.SourceFileName)));
        Assert.Contains("Zohar Jackson", File.ReadAllText(Path.Combine(target, FsddDownloader.SourceFileName)));
        Assert.Equal([Path.Combine(target, "recordings")], Directory.GetDirectories(target)); // no staging left

        DateTime written = File.GetLastWriteTimeUtc(Path.Combine(target, FsddDownloader.ManifestFileName));
        FsddDownloadResult second = await FsddDownloader.DownloadAsync(sharedRoot, target);
        Assert.True(second.AlreadyPresent);
        Assert.Equal(3000, second.FileCount);
        Assert.Equal(written, File.GetLastWriteTimeUtc(Path.Combine(target, FsddDownloader.ManifestFileName)));
        Assert.Equal(3000, RecordingCatalog.Discover(second.RecordingsFolder).Count);
    }

    [Fact]
    public async Task FromZipOfASubsetFailsVerificationAndLeavesNoRecordingsFolder()
    {
        using var temp = new TempFolder();
        string zip = temp.Combine("fsdd-subset.zip");
        using (ZipArchive archive = ZipFile.Open(zip, ZipArchiveMode.Create))
        {
            foreach (string path in Directory.EnumerateFiles(SharedFsdd.RecordingsFolder, "*_george_*.wav").Order(StringComparer.Ordinal).Take(40))
                archive.CreateEntryFromFile(path, $"free-spoken-digit-dataset-1.0.10/recordings/{Path.GetFileName(path)}");
            archive.CreateEntry("free-spoken-digit-dataset-1.0.10/README.md");
            archive.CreateEntry("free-spoken-digit-dataset-1.0.10/acquire_data/0_fake_0.wav"); // not under recordings/
        }

        string target = temp.Combine("fsdd");
        var e = await Assert.ThrowsAsync<DatasetException>(() => FsddDownloader.DownloadAsync(zip, target));
        Assert.Contains("failed verification", e.Message);
        Assert.Contains("missing 2,960 of 3,000 files", e.Message);
        Assert.Contains("missing speaker jackson", e.Message);
        Assert.Contains("missing 0_jackson_0.wav", e.Message);
        Assert.False(Directory.Exists(target), "a failed install must not leave the target behind");
    }

    [Fact]
    public async Task ForceReinstallsOverAVerifiedCopy()
    {
        using var temp = new TempFolder();
        string target = temp.Combine("fsdd");
        string source = SharedFsdd.RecordingsFolder; // a folder holding the WAVs directly
        await FsddDownloader.DownloadAsync(source, target);
        File.Delete(Path.Combine(target, "recordings", "0_george_0.wav"));
        Assert.False(FsddDownloader.IsCompleteCopy(target));

        FsddDownloadResult again = await FsddDownloader.DownloadAsync(source, target, force: true);
        Assert.False(again.AlreadyPresent);
        Assert.Equal(3000, Directory.GetFiles(again.RecordingsFolder).Length);
        Assert.True(FsddDownloader.IsCompleteCopy(target));
    }

    [Fact]
    public async Task UnreachableUrlIsAClearError()
    {
        using var temp = new TempFolder();
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        var e = await Assert.ThrowsAsync<DatasetException>(() => FsddDownloader.DownloadAsync("http://127.0.0.1:9/fsdd.zip", temp.Combine("fsdd"), http: http));
        Assert.Contains("Cannot download FSDD from http://127.0.0.1:9/fsdd.zip", e.Message);
        Assert.Contains("network", e.Message);
        Assert.False(Directory.Exists(temp.Combine("fsdd")));
    }

    [Fact]
    public async Task UnknownSourceIsAClearError()
    {
        using var temp = new TempFolder();
        var e = await Assert.ThrowsAsync<DatasetException>(() => FsddDownloader.DownloadAsync(temp.Combine("nothing-here"), temp.Combine("fsdd")));
        Assert.Contains("neither", e.Message);
    }

    [Fact]
    public void VerifierAcceptsTheSharedCopy()
    {
        FsddVerification verification = FsddVerifier.Verify(SharedFsdd.RecordingsFolder);
        Assert.True(verification.IsValid, verification.Describe());
        Assert.Equal(3000, verification.DecodedCount);
    }
}
