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
