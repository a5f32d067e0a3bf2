using SpokenDigits.Cli;
using SpokenDigits.Cli.Commands;
using SpokenDigits.Training;

namespace SpokenDigits.Tests.Cli;

/// <summary>The training options every command shares, parsed from real command lines.</summary>
public class TrainingOptionsTests
{
    static TrainingSettings Parse(params string[] args) => TrainingOptions.Settings(new CommandLine(args), quick: false);

    [Fact]
    public void SpeedPerturbationIsOffUnlessAsked()
    {
        var plain = Parse();
        Assert.NotNull(plain.Augmentation);
        Assert.False(plain.Augmentation!.PerturbsSpeed);
        var speed = Parse("--speed", "0.85,1.15").Augmentation!;
        Assert.Equal((0.85, 1.15), (speed.MinSpeed, speed.MaxSpeed));
        Assert.Equal(plain.Augmentation.MaxShiftMs, speed.MaxShiftMs);   // the rest of the augmentation is unchanged
    }

    [Theory]
    [InlineData("0.4,1")]
    [InlineData("1.2,0.9")]
    [InlineData("fast")]
    [InlineData("0.9")]
    public void BadSpeedFactorsAreAUsageErrorNamingTheOption(string value)
    {
        var error = Assert.Throws<UsageException>(() => Parse("--speed", value));
        Assert.StartsWith("--speed", error.Message);
    }

    [Fact]
    public void SpeedWithoutAugmentationIsAUsageError()
    {
        var error = Assert.Throws<UsageException>(() => Parse("--augment", "off", "--speed", "0.9,1.1"));
        Assert.Contains("--augment off", error.Message);
    }

    [Fact]
    public void BranchRatesNeedTwoFactors()
    {
        var remedies = Parse("--remedies", "branch-lr", "--branch-lr", "0.25,4").Remedies!;
        Assert.Equal((0.25, 4.0), (remedies.RawRateFactor, remedies.SpecRateFactor));
        var error = Assert.Throws<UsageException>(() => Parse("--remedies", "branch-lr", "--branch-lr", "0.5"));
        Assert.Contains("RAW,SPEC", error.Message);
    }

    [Fact]
    public void EveryOptionOfTheUsageTextStartsItsOwnLine()
    {
        foreach (var usage in new[] { TrainCommand.Usage, ReportCommand.Usage })
        {
            var lines = usage.Split('\n');
            foreach (var option in new[] { "--quick", "--augment", "--speed", "--raw-front-end", "--skip-bad" })
                Assert.Contains(lines, l => l.TrimStart().StartsWith(option + " ", StringComparison.Ordinal));
        }
    }
}
