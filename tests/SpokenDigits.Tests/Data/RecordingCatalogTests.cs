using SpokenDigits.Audio;
using SpokenDigits.Data;

namespace SpokenDigits.Tests.Data;

public class RecordingCatalogTests
{
    [Fact]
    public void SharedFsddHas3000RecordingsOf10DigitsBy6Speakers()
    {
        IReadOnlyList<Recording> all = SharedFsdd.Recordings;
        Assert.Equal(3000, all.Count);
        Assert.Equal(10, all.Select(r => r.Digit).Distinct().Count());
        Assert.Equal(6, all.Select(r => r.Speaker).Distinct().Count());
        Assert.Equal(all.OrderBy(r => r, RecordingOrder.Instance), all);
        Assert.Equal("0_george_0", all[0].Id);
        Assert.Equal(RecordingCatalog.Discover(SharedFsdd.RecordingsFolder, DatasetLayout.Fsdd), all);
    }

    [Fact]
    public void FsddLayoutIgnoresFilesThatDoNotMatch()
    {
        using var temp = new TempFolder();
        foreach (string name in new[] { "3_ann_1.wav", "3_ann_0.WAV", "10_ann_0.wav", "x_ann_0.wav", "3_ann.wav", "notes.txt", "3_ann_2.wav.bak" })
            File.WriteAllBytes(temp.Combine(name), WavWriter.ToBytes([0f], 8000));

        IReadOnlyList<Recording> found = RecordingCatalog.Discover(temp.Path);
        Assert.Equal(new[] { "3_ann_0", "3_ann_1" }, found.Select(r => r.Id));
        Assert.Equal(temp.Combine("3_ann_0.WAV"), found[0].Path);
    }

    [Fact]
    public void AudioMnistLayoutIsDetectedFromSpeakerSubfolders()
    {
        using var temp = new TempFolder();
        foreach (string speaker in new[] { "02", "01" })
        {
            Directory.CreateDirectory(temp.Combine(speaker));
            for (int digit = 0; digit < 3; digit++)
                for (int take = 0; take < 2; take++)
                    WavWriter.Write(temp.Combine(speaker, $"{digit}_{speaker}_{take}.wav"), [0.1f, -0.1f], 48000);
        }

        File.WriteAllBytes(temp.Combine("01", "5_99_0.wav"), []); // speaker does not match its folder: ignored
        File.WriteAllText(temp.Combine("audioMNIST_meta.txt"), "{}");

        IReadOnlyList<Recording> auto = RecordingCatalog.Discover(temp.Path);
        Assert.Equal(12, auto.Count);
        Assert.Equal(new[] { "0_01_0", "0_01_1", "0_02_0", "0_02_1", "1_01_0" }, auto.Take(5).Select(r => r.Id));
        Assert.Equal(auto, RecordingCatalog.Discover(temp.Path, DatasetLayout.AudioMnist));
        Assert.Equal(48000, WavReader.Read(auto[0].Path).SampleRate);

        var e = Assert.Throws<DatasetException>(() => RecordingCatalog.Discover(temp.Path, DatasetLayout.Fsdd));
        Assert.Contains("{digit}_{speaker}_{take}.wav", e.Message);
    }

    [Fact]
    public void MissingFolderErrorNamesTheFolderAndTheWayOut()
    {
        string missing = Path.Combine(Path.GetTempPath(), $"no-such-folder-{Guid.NewGuid():N}");
        var e = Assert.Throws<DatasetException>(() => RecordingCatalog.Discover(missing));
        Assert.Contains(missing, e.Message);
        Assert.Contains("does not exist", e.Message);
        Assert.Contains("--data", e.Message);
        Assert.Contains("SPOKENDIGITS_DATA", e.Message);
    }

    [Fact]
    public void EmptyFolderErrorNamesTheFolderAndThePattern()
    {
        using var temp = new TempFolder();
        File.WriteAllText(temp.Combine("readme.txt"), "nothing here");
        var e = Assert.Throws<DatasetException>(() => RecordingCatalog.Discover(temp.Path));
        Assert.Contains(temp.Path, e.Message);
        Assert.Contains("{digit}_{speaker}_{take}.wav", e.Message);
    }
}
