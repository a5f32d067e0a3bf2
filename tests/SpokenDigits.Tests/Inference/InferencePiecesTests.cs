using SpokenDigits.Features;
using SpokenDigits.Inference;
using SpokenDigits.Tests.Data;
using SpokenDigits.Runs;
using static TorchSharp.torch;

namespace SpokenDigits.Tests.Inference;

/// <summary>The parts of inference that need no trained model.</summary>
public class InferencePiecesTests
{
    [Fact]
    public void DatasetStatisticsSurviveASaveAndLoad()
    {
        using var logMel = randn(5, 1, 8, 11) * 3 + 2;
        using var fitted = FeatureNormaliser.FitDatasetStatistics(logMel);
        using var folder = new TempFolder();
        var run = new RunFolder(folder.Path);
        run.SaveNormaliser(fitted.Statistics!);
        using var restored = FeatureNormaliser.FromStatistics(run.LoadNormaliser()!);
        using var a = fitted.Apply(logMel);
        using var b = restored.Apply(logMel);
        Assert.True(a.allclose(b, rtol: 0, atol: 1e-6));
        Assert.Null(FeatureNormaliser.PerUtterance().Statistics);
    }

    [Fact]
    public void DigitPrefixNamesAreLabelledByTheirFirstCharacter()
    {
        using var folder = new TempFolder();
        Directory.CreateDirectory(folder.Combine("sub"));
        foreach (var name in new[] { "7_anything.wav", "7-foo.WAV", "3.wav", "sub/0 zero.wav", "12.wav", "x7.wav", "5_notes.txt" })
            File.WriteAllText(folder.Combine(name), "");
        var (recordings, layout) = EvaluationRecordings.Discover(folder.Path);
        Assert.Equal(EvaluationLayout.DigitPrefix, layout);
        Assert.Equal(new[] { (0, "0 zero.wav"), (3, "3.wav"), (7, "7-foo.WAV"), (7, "7_anything.wav") },
            recordings.Select(r => (r.Digit, Path.GetFileName(r.Path))).ToArray());
    }

    [Fact]
    public void AnFsddFolderKeepsItsLayout()
    {
        using var folder = new TempFolder();
        foreach (var name in new[] { "7_jackson_0.wav", "3_theo_12.wav" }) File.WriteAllText(folder.Combine(name), "");
        var (recordings, layout) = EvaluationRecordings.Discover(folder.Path);
        Assert.Equal(EvaluationLayout.Fsdd, layout);
        Assert.Equal(new[] { "3_theo_12", "7_jackson_0" }, recordings.Select(r => r.Id));
        Assert.Throws<ArgumentException>(() => EvaluationRecordings.ParseLayout("nonsense"));
        Assert.Equal(EvaluationLayout.DigitPrefix, EvaluationRecordings.ParseLayout("prefix"));
    }

    [Fact]
    public void TopThreeIsOrderedByProbability()
    {
        var p = ModelPrediction.From("M", new float[] { 0.05f, 0.1f, 0.4f, 0.05f, 0.05f, 0.05f, 0.2f, 0.05f, 0.03f, 0.02f });
        Assert.Equal(2, p.Digit);
        Assert.Equal(0.4f, p.Probability);
        Assert.Equal(new[] { 2, 6, 1 }, p.Top3.Select(t => t.Digit));
    }
}
