using SpokenDigits.Models;
using static TorchSharp.torch;

namespace SpokenDigits.Tests.Models;

public class ModelShapeTests
{
    [Fact]
    public void RawBranchMapsBatchOfClipsToEmbeddings()
    {
        using var branch = new RawBranch1D(embeddingSize: 96);
        using var y = branch.forward(randn(3, 8000));
        Assert.Equal(new long[] { 3, 96 }, y.shape);
    }

    [Fact]
    public void SpecBranchMapsBatchOfSpectrogramsToEmbeddings()
    {
        using var branch = new SpecBranch2D(embeddingSize: 96);
        using var y = branch.forward(randn(3, 1, 64, 101));
        Assert.Equal(new long[] { 3, 96 }, y.shape);
    }

    [Theory]
    [InlineData(RawFrontEnd.Filterbank)]
    [InlineData(RawFrontEnd.StridedConv)]
    public void BothRawFrontEndsGiveEmbeddings(RawFrontEnd frontEnd)
    {
        using var branch = new RawBranch1D(embeddingSize: 64, frontEnd);
        using var y = branch.forward(randn(2, 8000));
        Assert.Equal(new long[] { 2, 64 }, y.shape);
    }

    [Theory]
    [InlineData(ModelKind.Raw)]
    [InlineData(ModelKind.Spec)]
    [InlineData(ModelKind.Fusion)]
    public void EveryModelGivesLogitsPerClass(ModelKind kind)
    {
        using var model = ModelCatalog.Create(kind);
        model.eval();
        using var y = model.forward(randn(2, 8000), randn(2, 1, 64, 101));
        Assert.Equal(new long[] { 2, 10 }, y.shape);
        Assert.True(model.ParameterCount > 10_000);
    }

    [Fact]
    public void FusionHasBothBranchesAndAWiderHead()
    {
        using var raw = ModelCatalog.Create(ModelKind.Raw);
        using var spec = ModelCatalog.Create(ModelKind.Spec);
        using var fusion = ModelCatalog.Create(ModelKind.Fusion);
        // Concat fusion = both branches + a head whose first layer takes 2·emb inputs instead of emb,
        // + one auxiliary head per branch (the single models' heads): raw + spec + one head + the wider input.
        long headInputExtra = 128 * ClassifierHead.HiddenSize;
        long oneHead = (128 * ClassifierHead.HiddenSize + ClassifierHead.HiddenSize) + (ClassifierHead.HiddenSize * 10 + 10);
        Assert.Equal(raw.ParameterCount + spec.ParameterCount + oneHead + headInputExtra, fusion.ParameterCount);
    }

    [Fact]
    public void ModelNamesParse()
    {
        Assert.Equal(ModelKind.Fusion, ModelCatalog.Parse("fusion"));
        Assert.Equal(ModelKind.Raw, ModelCatalog.Parse("RawOnlyModel"));
        Assert.Throws<ArgumentException>(() => ModelCatalog.Parse("lstm"));
    }
}
