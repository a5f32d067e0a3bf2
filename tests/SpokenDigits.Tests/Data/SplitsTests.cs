using SpokenDigits.Data;

namespace SpokenDigits.Tests.Data;

public class SplitsTests
{
    private static IReadOnlyList<Recording> All => SharedFsdd.Recordings;

    private static void AssertPartition(DatasetSplit split, IReadOnlyList<Recording> all)
    {
        var ids = split.Train.Concat(split.Validation).Concat(split.Test).Select(r => r.Id).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count()); // no recording in two parts
        Assert.Equal(all.Select(r => r.Id).Order(StringComparer.Ordinal), ids.Order(StringComparer.Ordinal));
        foreach (var part in new[] { split.Train, split.Validation, split.Test })
            Assert.Equal(part.Select(r => r.Id).Order(StringComparer.Ordinal), part.Select(r => r.Id));
    }

    [Fact]
    public void OfficialTestIsTakesZeroToFourAndValidationIsStratified()
    {
        DatasetSplit split = Splits.Official(All, 0.1, seed: 42);
        AssertPartition(split, All);
        Assert.Equal("official", split.Protocol);
        Assert.Equal(300, split.Test.Count);
        Assert.All(split.Test, r => Assert.InRange(r.Take, 0, 4));
        Assert.All(split.Train.Concat(split.Validation), r => Assert.InRange(r.Take, 5, 49));
        Assert.Equal(270, split.Validation.Count);
        Assert.All(split.Validation.GroupBy(r => r.Digit), g => Assert.Equal(27, g.Count()));
        // spread across speakers: each of the 6 speakers gives 4 or 5 of a digit's 27
        Assert.All(split.Validation.GroupBy(r => (r.Digit, r.Speaker)), g => Assert.InRange(g.Count(), 4, 5));
    }

    [Fact]
    public void StratifiedProportionsHoldPerDigit()
    {
        DatasetSplit split = Splits.Stratified(All, testFraction: 0.2, validationFraction: 0.1, seed: 7);
        AssertPartition(split, All);
        Assert.Equal("stratified", split.Protocol);
        for (int digit = 0; digit < 10; digit++)
        {
            Assert.Equal(60, split.Test.Count(r => r.Digit == digit));
            Assert.Equal(30, split.Validation.Count(r => r.Digit == digit));
            Assert.Equal(210, split.Train.Count(r => r.Digit == digit));
        }
    }

    [Fact]
    public void SpeakersOutKeepsTestSpeakersOutOfTrainAndValidation()
    {
        DatasetSplit split = Splits.SpeakersOut(All, ["theo", "george"], 0.1, seed: 1);
        AssertPartition(split, All);
        Assert.Equal("speakers-out:george+theo", split.Protocol);
        Assert.Equal(1000, split.Test.Count);
        Assert.All(split.Test, r => Assert.Contains(r.Speaker, new[] { "george", "theo" }));
        Assert.All(split.Train.Concat(split.Validation), r => Assert.DoesNotContain(r.Speaker, new[] { "george", "theo" }));
        Assert.All(split.Validation.GroupBy(r => r.Digit), g => Assert.Equal(20, g.Count()));
    }

    [Fact]
    public void SameSeedSameSplitDifferentSeedDifferentValidation()
    {
        var a = Splits.Official(All, 0.1, 3).ToManifest();
        var b = Splits.Official(All, 0.1, 3).ToManifest();
        var c = Splits.Official(All, 0.1, 4).ToManifest();
        Assert.Equal(a.Train, b.Train);
        Assert.Equal(a.Validation, b.Validation);
        Assert.Equal(a.Test, b.Test);
        Assert.NotEqual(a.Validation, c.Validation);
        Assert.Equal(a.Test, c.Test);

        Assert.Equal(Splits.Stratified(All, 0.2, 0.1, 9).ToManifest().Test, Splits.Stratified(All, 0.2, 0.1, 9).ToManifest().Test);
        Assert.NotEqual(Splits.Stratified(All, 0.2, 0.1, 9).ToManifest().Validation, Splits.Stratified(All, 0.2, 0.1, 10).ToManifest().Validation);
    }

    [Fact]
    public void LeaveOneSpeakerOutGivesOneSplitPerSpeaker()
    {
        IReadOnlyList<DatasetSplit> splits = Splits.LeaveOneSpeakerOut(All, 0.1, 5);
        Assert.Equal(6, splits.Count);
        Assert.Equal(
            new[] { "george", "jackson", "lucas", "nicolas", "theo", "yweweler" }.Select(s => $"speakers-out:{s}"),
            splits.Select(s => s.Protocol));
        Assert.All(splits, s => AssertPartition(s, All));
        Assert.All(splits, s => Assert.Equal(500, s.Test.Count));
    }

    [Fact]
    public void ZeroValidationFractionGivesEmptyValidation()
    {
        DatasetSplit split = Splits.Official(All, 0, 1);
        Assert.Empty(split.Validation);
        Assert.Equal(2700, split.Train.Count);
    }

    [Fact]
    public void ImpossibleRequestsAreDatasetExceptions()
    {
        var unknown = Assert.Throws<DatasetException>(() => Splits.SpeakersOut(All, ["nobody"], 0.1, 1));
        Assert.Contains("nobody", unknown.Message);
        Assert.Contains("george", unknown.Message);
        Assert.Throws<DatasetException>(() => Splits.SpeakersOut(All, All.Select(r => r.Speaker).Distinct().ToArray(), 0.1, 1));
        Assert.Throws<DatasetException>(() => Splits.Stratified(All, 0.6, 0.5, 1));
        Assert.Throws<DatasetException>(() => Splits.Official(All, 1.5, 1));

        IReadOnlyList<Recording> onlyTrainTakes = All.Where(r => r.Take >= 5).ToList();
        var noTest = Assert.Throws<DatasetException>(() => Splits.Official(onlyTrainTakes, 0.1, 1));
        Assert.Contains("test part empty", noTest.Message);

        IReadOnlyList<Recording> tiny = All.Where(r => r.Take is 0 or 10).ToList();
        var noValidation = Assert.Throws<DatasetException>(() => Splits.Official(tiny, 0.01, 1));
        Assert.Contains("validation part empty", noValidation.Message);

        Assert.Throws<DatasetException>(() => Splits.Official([], 0.1, 1));
    }

    [Fact]
    public void ManifestRoundTripsThroughJsonAndFiles()
    {
        DatasetSplit split = Splits.SpeakersOut(All, ["lucas"], 0.15, 11);
        SplitManifest manifest = split.ToManifest();
        string json = manifest.ToJson();
        Assert.Contains("\"protocol\": \"speakers-out:lucas\"", json);

        SplitManifest parsed = SplitManifest.FromJson(json);
        Assert.Equal(manifest.Protocol, parsed.Protocol);
        Assert.Equal(manifest.Seed, parsed.Seed);
        Assert.Equal(manifest.Train, parsed.Train);
        Assert.Equal(manifest.Validation, parsed.Validation);
        Assert.Equal(manifest.Test, parsed.Test);

        using var temp = new TempFolder();
        string path = temp.Combine("splits", "lucas.json");
        split.Save(path);
        DatasetSplit loaded = DatasetSplit.Load(path, All);
        Assert.Equal(split.Protocol, loaded.Protocol);
        Assert.Equal(split.Seed, loaded.Seed);
        Assert.Equal(split.Train, loaded.Train);
        Assert.Equal(split.Validation, loaded.Validation);
        Assert.Equal(split.Test, loaded.Test);
    }

    [Fact]
    public void ManifestErrorsAreDatasetExceptions()
    {
        Assert.Throws<DatasetException>(() => SplitManifest.FromJson("{ not json"));
        Assert.Throws<DatasetException>(() => SplitManifest.FromJson("{\"protocol\":\"x\",\"seed\":1}"));
        var missing = new SplitManifest("x", 1, ["0_nobody_0"], [], ["0_george_0"]);
        Assert.Contains("0_nobody_0", Assert.Throws<DatasetException>(() => missing.Resolve(All)).Message);
    }
}
