using System.CommandLine;
using SpokenDigits.Cli;
using SpokenDigits.Training;

namespace SpokenDigits.Tests.Cli;

/// <summary>The training options every command shares, parsed from real command lines.</summary>
public class TrainingOptionsTests
{
    static (TrainingOptions Options, ParseResult Parse) ParseLine(params string[] args)
    {
        var options = new TrainingOptions();
        var command = new RootCommand();
        options.AddTo(command);
        return (options, command.Parse(args));
    }

    static TrainingSettings Parse(params string[] args)
    {
        var (options, parse) = ParseLine(args);
        Assert.Empty(parse.Errors);
        return options.Settings(parse, quick: false);
    }

    /// <summary>The message of the usage error of <paramref name="args"/>: a parse error, or one found while binding.</summary>
    static string UsageError(params string[] args)
    {
        var (options, parse) = ParseLine(args);
        if (parse.Errors.Count > 0) return parse.Errors[0].Message;
        return Assert.Throws<UsageException>(() => options.Settings(parse, quick: false)).Message;
    }

    [Fact]
    public void LeftOutOptionsGiveTheRecordsDefaults()
    {
        var settings = Parse();
        var defaults = new TrainingSettings();
        Assert.Equal(defaults with { Augmentation = settings.Augmentation }, settings);
        Assert.Equal(defaults.Augmentation, settings.Augmentation);
    }

    [Fact]
    public void GivenValuesOverrideTheDefaults()
    {
        var settings = Parse("--epochs", "3", "--batch-size", "8", "--lr", "0.01", "--weight-decay=0", "--seed", "7", "--validation", "0.2", "--threads", "2");
        Assert.Equal((3, 8, 0.01, 0.0, 7, 0.2, (int?)2),
            (settings.Epochs, settings.BatchSize, settings.LearningRate, settings.WeightDecay, settings.Seed, settings.ValidationFraction, settings.Threads));
    }

    [Fact]
    public void QuickShortensTheEpochsUnlessTheyAreGiven()
    {
        var (options, parse) = ParseLine();
        Assert.Equal(TrainingOptions.QuickEpochs, options.Settings(parse, quick: true).Epochs);
        (options, parse) = ParseLine("--epochs", "4");
        Assert.Equal(4, options.Settings(parse, quick: true).Epochs);
    }

    [Fact]
    public void TheRealWorldRecipeIsTheDefaultAndEachPartTurnsOff()
    {
        var plain = Parse();
        Assert.Equal(AugmentationSettings.RealWorld, plain.Augmentation);
        Assert.Equal((0.85, 1.15), (plain.Augmentation!.MinSpeed, plain.Augmentation.MaxSpeed));
        Assert.Equal("all", plain.Augmentation.CorruptionsOrNone.Label);
        var clean = Parse("--corrupt", "none", "--speed", "off").Augmentation!;
        Assert.False(clean.PerturbsSpeed);
        Assert.Null(clean.Corruptions);
        Assert.Equal(new AugmentationSettings(), clean);   // shift and noise only: the recipe of the clean committed runs
        var speed = Parse("--speed", "0.9,1.1").Augmentation!;
        Assert.Equal((0.9, 1.1), (speed.MinSpeed, speed.MaxSpeed));
        Assert.Equal(plain.Augmentation.Corruptions, speed.Corruptions);   // the rest of the augmentation is unchanged
    }

    [Theory]
    [InlineData("0.4,1")]
    [InlineData("1.2,0.9")]
    [InlineData("fast")]
    [InlineData("0.9")]
    public void BadSpeedFactorsAreAUsageErrorNamingTheOption(string value) =>
        Assert.StartsWith("--speed", UsageError("--speed", value));

    [Fact]
    public void CorruptionsComeFromCorruptAndKeepTheRestOfTheAugmentation()
    {
        var plain = Parse();
        var all = Parse("--corrupt", "all", "--speed", "0.9,1.1").Augmentation!;
        Assert.Equal(CorruptionSettings.Parse("all"), all.Corruptions);
        Assert.Equal((0.9, 1.1), (all.MinSpeed, all.MaxSpeed));
        Assert.Equal(plain.Augmentation! with { Corruptions = null, MinSpeed = 1, MaxSpeed = 1 }, all with { Corruptions = null, MinSpeed = 1, MaxSpeed = 1 });
        Assert.Equal(0.6, Parse("--corrupt", "reverb:0.6").Augmentation!.CorruptionsOrNone.ReverbProbability);
        Assert.Null(Parse("--corrupt", "none").Augmentation!.Corruptions);
    }

    [Theory]
    [InlineData("echo", "unknown part 'echo'")]
    [InlineData("reverb:1.5", "probability in [0, 1]")]
    public void BadCorruptionsAreAUsageErrorWithTheReason(string value, string reason) =>
        Assert.Contains(reason, UsageError("--corrupt", value));

    [Fact]
    public void CorruptWithoutAugmentationIsAUsageError() =>
        Assert.Contains("--corrupt needs augmentation on", UsageError("--augment", "off", "--corrupt", "all"));

    [Fact]
    public void SpeedWithoutAugmentationIsAUsageError() =>
        Assert.Contains("--augment off", UsageError("--augment", "off", "--speed", "0.9,1.1"));

    [Fact]
    public void BranchRatesNeedTwoFactors()
    {
        var remedies = Parse("--remedies", "branch-lr", "--branch-lr", "0.25,4").Remedies!;
        Assert.Equal((0.25, 4.0), (remedies.RawRateFactor, remedies.SpecRateFactor));
        Assert.Contains("RAW,SPEC", UsageError("--remedies", "branch-lr", "--branch-lr", "0.5"));
    }

    [Theory]
    [InlineData("--epochs", "0", "epochs")]
    [InlineData("--validation", "0.7", "validation")]
    [InlineData("--remedies", "aux+magic", "magic")]
    [InlineData("--fusion", "sum", "sum")]
    [InlineData("--raw-front-end", "mel", "mel")]
    [InlineData("--models", "raw,cnn", "cnn")]
    [InlineData("--augment", "maybe", "--augment")]
    [InlineData("--epochs", "many", "many")]
    [InlineData("--remedies", "two-stage", "3 epochs")]   // with the quick runs' 2 epochs below
    public void BadValuesAreUsageErrorsThatSayWhatIsWrong(string option, string value, string expected) =>
        Assert.Contains(expected, option == "--epochs" ? UsageError(option, value) : UsageError(option, value, "--epochs", "2"));
}
