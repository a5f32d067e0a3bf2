using SpokenDigits.Experiments.Plans;

namespace SpokenDigits.Tests.Reproduce;

/// <summary>README's result tables are generated from the committed results (<c>reproduce --readme</c>): a number in
/// README that disagrees with the results fails here.</summary>
public class ReadmeTests
{
    static string Readme => File.ReadAllText(Path.Combine(ProjectPlan.Root, "README.md")).ReplaceLineEndings("\n");

    [Fact]
    public void ReadmeHasEveryGeneratedBlock() =>
        Assert.Equal(ReadmeBlocks.Names.Order(), ReadmeBlocks.Find(Readme).Select(b => b.Name).Order());

    [Fact]
    public void ReadmeTablesAgreeWithTheCommittedResults()
    {
        var plan = ProjectPlan.Plan;
        foreach (var (name, body) in ReadmeBlocks.Find(Readme))
            Assert.Equal(ReadmeBlocks.Generate(name, ProjectPlan.Root, plan), body);
    }

    [Fact]
    public void AChangedNumberIsFoundAndRewritten()
    {
        var readme = Readme;
        var changed = readme.Replace("| **99.07 ± 0.43 %** |", "| **99.10 ± 0.43 %** |");
        Assert.NotEqual(readme, changed);
        var seeds = ReadmeBlocks.Find(changed).Single(b => b.Name == "seeds");
        Assert.NotEqual(ReadmeBlocks.Generate("seeds", ProjectPlan.Root, ProjectPlan.Plan), seeds.Body);
        Assert.Equal(readme, ReadmeBlocks.Rewrite(changed, ProjectPlan.Root, ProjectPlan.Plan));
    }
}
