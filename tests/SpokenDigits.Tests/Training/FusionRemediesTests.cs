using SpokenDigits.Models;
using SpokenDigits.Training;

namespace SpokenDigits.Tests.Training;

public class FusionRemediesTests
{
    [Theory]
    [InlineData("none", 0, 0, false, "none")]
    [InlineData("aux", 0.5, 0, false, "aux")]
    [InlineData("moddrop", 0, 0.25, false, "moddrop")]
    [InlineData("two-stage", 0, 0, true, "two-stage")]
    [InlineData("aux+moddrop", 0.5, 0.25, false, "aux+moddrop")]
    [InlineData("moddrop + aux + two-stage", 0.5, 0.25, true, "two-stage+aux+moddrop")]
    public void LabelsParseAndPrintBack(string text, double aux, double dropout, bool twoStage, string label)
    {
        var r = FusionRemedies.Parse(text);
        Assert.Equal(new FusionRemedies(aux, dropout, twoStage), r);
        Assert.Equal(label, r.Label);
        Assert.Equal(r, FusionRemedies.Parse(r.Label));
    }

    [Fact]
    public void BranchLearningRatesParseIntoTheirFactorsAndPrintBack()
    {
        var r = FusionRemedies.Parse("branch-lr+aux");
        Assert.Equal(new FusionRemedies(AuxiliaryLossWeight: 0.5, RawRateFactor: 0.5, SpecRateFactor: 2), r);
        Assert.Equal("aux+branch-lr", r.Label);
        Assert.Equal(r, FusionRemedies.Parse(r.Label));
        Assert.True(new FusionRemedies(SpecRateFactor: 3).Any);
        Assert.Throws<ArgumentException>(() => new FusionRemedies(RawRateFactor: 0).Validated());
        Assert.Throws<ArgumentException>(() => new FusionRemedies(SpecRateFactor: double.NaN).Validated());
    }

    [Fact]
    public void SettingsSavedBeforeBranchRatesExistedReadBackEqualToTodaysParse()
    {
        // The training settings of a run saved before per-branch rates were added: no factor fields.
        const string saved = """{ "auxiliaryLossWeight": 0.5, "modalityDropout": 0.25, "twoStage": false, "any": true, "label": "aux+moddrop" }""";
        var read = System.Text.Json.JsonSerializer.Deserialize<FusionRemedies>(saved, SpokenDigits.Runs.ResultsJson.Options);
        Assert.Equal(FusionRemedies.Parse("aux+moddrop"), read);
    }

    [Fact]
    public void UnknownRemedyAndOutOfRangeDropoutAreRejected()
    {
        Assert.Contains("unknown remedy 'magic'", Assert.Throws<ArgumentException>(() => FusionRemedies.Parse("aux+magic")).Message);
        Assert.Throws<ArgumentException>(() => new FusionRemedies(ModalityDropout: 0.5).Validated());
        Assert.Throws<ArgumentException>(() => new FusionRemedies(AuxiliaryLossWeight: -1).Validated());
    }

    [Fact]
    public void AblationVariantsParseAndFormTheGrid()
    {
        var v = AblationVariant.Parse("gated-aux+moddrop");
        Assert.Equal(FusionKind.Gated, v.Fusion);
        Assert.Equal("gated-aux+moddrop", v.Label);
        Assert.True(AblationVariant.Parse("concat/none").IsBaseline);
        Assert.Equal(AblationVariant.Parse("attention-two-stage"), new AblationVariant(FusionKind.Attention, new FusionRemedies(TwoStage: true)));
        var grid = AblationVariant.Grid([FusionKind.Concat, FusionKind.Gated], [FusionRemedies.None, FusionRemedies.Parse("aux")]);
        Assert.Equal(new[] { "concat-none", "concat-aux", "gated-none", "gated-aux" }, grid.Select(g => g.Label));
        Assert.Throws<ArgumentException>(() => AblationVariant.Parse("sum-none"));
    }
}
