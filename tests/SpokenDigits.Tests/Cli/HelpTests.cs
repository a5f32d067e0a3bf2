using System.CommandLine;
using SpokenDigits.Benchmarking;
using SpokenDigits.Cli;
using SpokenDigits.Cli.Commands;
using SpokenDigits.Models;
using SpokenDigits.Training;

namespace SpokenDigits.Tests.Cli;

/// <summary>The help System.CommandLine generates from the option definitions: every command is there, and the
/// defaults it shows are the settings records' own (so a default changed in a record changes the help).</summary>
public class HelpTests
{
    static readonly string[] Commands = ["download", "synthesize-voices", "train", "run-notebook", "bench", "predict", "demo", "evaluate", "robustness", "compare", "compare-reports", "report", "ablation", "earlier-methods", "kernel", "completion"];

    static string Help(params string[] command)
    {
        var outcome = CliRun.InProcess([.. command, "--help"]);
        Assert.Equal(ExitCodes.Success, outcome.Code);
        Assert.Equal("", outcome.Error);
        return outcome.Output;
    }

    /// <summary>The "[default: …]" of <paramref name="option"/>'s line in the help, or null when it shows none.</summary>
    static string? DefaultShown(string help, string option)
    {
        var line = help.Split('\n').Single(l => l.TrimStart().StartsWith(option + " ", StringComparison.Ordinal) || l.Contains(", " + option + " "));
        int at = line.LastIndexOf("[default: ", StringComparison.Ordinal);
        return at < 0 ? null : line[(at + "[default: ".Length)..line.LastIndexOf(']')];
    }

    [Fact]
    public void TheToolsHelpListsEveryCommandUnderTheNameUsersType()
    {
        var help = Help();
        Assert.Contains("spokendigits [command] [options]", help);
        Assert.DoesNotContain("SpokenDigits.Cli", help);
        foreach (var command in Commands)
            Assert.Contains(help.Split('\n'), l => l.TrimStart().StartsWith(command + " ", StringComparison.Ordinal));
    }

    [Fact]
    public void EveryCommandHasItsOwnHelp()
    {
        foreach (var command in Commands)
            Assert.Contains($"spokendigits {command}", Help(command));
        Assert.Contains("spokendigits kernel install [options]", Help("kernel", "install"));
    }

    [Fact]
    public void TheHelpCommandShowsTheSameHelp()
    {
        var outcome = CliRun.InProcess("help", "train");
        Assert.Equal(ExitCodes.Success, outcome.Code);
        Assert.Equal(Help("train"), outcome.Output);
        Assert.Equal(ExitCodes.Usage, CliRun.InProcess("help", "trian").Code);
    }

    [Theory]
    [InlineData("train")]
    [InlineData("report")]
    public void TrainingOptionsShowTheDefaultsOfTheSettingsRecords(string command)
    {
        var help = Help(command);
        var training = new TrainingSettings();
        Assert.Equal($"{training.Epochs}", DefaultShown(help, "--epochs"));
        Assert.Equal($"{training.BatchSize}", DefaultShown(help, "--batch-size"));
        Assert.Equal($"{training.LearningRate}", DefaultShown(help, "--lr"));
        Assert.Equal($"{training.WeightDecay}", DefaultShown(help, "--weight-decay"));
        Assert.Equal($"{training.Seed}", DefaultShown(help, "--seed"));
        Assert.Equal($"{training.ValidationFraction}", DefaultShown(help, "--validation"));
        Assert.Null(training.Threads);
        Assert.Null(DefaultShown(help, "--threads"));
        Assert.Equal(training.Augmentation is null ? "off" : "on", DefaultShown(help, "--augment"));
        Assert.Equal(training.Augmentation?.PerturbsSpeed == true ? $"{training.Augmentation.MinSpeed},{training.Augmentation.MaxSpeed}" : "off",
            DefaultShown(help, "--speed"));
        Assert.Equal(training.RemediesOrNone.Label, DefaultShown(help, "--remedies"));
        Assert.Equal($"{FusionRemedies.Parse("aux").AuxiliaryLossWeight}", DefaultShown(help, "--aux-weight"));
        Assert.Equal($"{FusionRemedies.Parse("moddrop").ModalityDropout}", DefaultShown(help, "--modality-dropout"));
        var rates = FusionRemedies.Parse("branch-lr");
        Assert.Equal($"{rates.RawRateFactor},{rates.SpecRateFactor}", DefaultShown(help, "--branch-lr"));
        var model = new ModelSettings();
        Assert.Equal(model.Fusion.ToString(), DefaultShown(help, "--fusion"), ignoreCase: true);
        Assert.Equal(model.RawFrontEnd == RawFrontEnd.StridedConv ? "strided" : model.RawFrontEnd.ToString(), DefaultShown(help, "--raw-front-end"), ignoreCase: true);
        Assert.Contains($"--quick: {TrainingOptions.QuickEpochs}", help);
    }

    [Fact]
    public void BenchShowsTheDefaultsOfItsSettings()
    {
        var help = Help("bench");
        var bench = new BenchSettings();
        Assert.Equal($"{bench.Trials}", DefaultShown(help, "--trials"));
        Assert.Equal($"{bench.StepsPerTrial}", DefaultShown(help, "--steps"));
    }

    [Fact]
    public void ReportAndAblationShowTheirOwnDefaults()
    {
        var report = Help("report");
        Assert.Equal($"{ReportCommand.DefaultSeeds}", DefaultShown(report, "--seeds"));
        Assert.Equal($"{ReportCommand.DefaultResamples}", DefaultShown(report, "--resamples"));
        var ablation = Help("ablation");
        Assert.Equal(AblationCommand.DefaultLosoVariants, DefaultShown(ablation, "--loso-variants"));
        Assert.Equal(AblationCommand.DefaultRemedies, DefaultShown(ablation, "--remedies"));
        Assert.Equal($"{ReportCommand.DefaultResamples}", DefaultShown(ablation, "--resamples"));
    }

    [Fact]
    public void EveryOptionHasADescription()
    {
        static IEnumerable<Command> All(Command c) => c.Subcommands.SelectMany(All).Prepend(c);
        foreach (var command in All(SpokenDigitsCli.CreateRoot()))
        {
            Assert.False(string.IsNullOrWhiteSpace(command.Description), $"command {command.Name} has no description");
            foreach (var option in command.Options)
                Assert.False(string.IsNullOrWhiteSpace(option.Description), $"{command.Name} {option.Name} has no description");
        }
    }

    [Fact]
    public void TrainAndReportShareOneDefinitionOfTheTrainingOptions()
    {
        var root = SpokenDigitsCli.CreateRoot();
        var shared = new TrainingOptions();
        var names = new Command("probe");
        shared.AddTo(names);
        foreach (var command in new[] { "train", "report" })
        {
            var options = root.Subcommands.Single(c => c.Name == command).Options;
            foreach (var option in names.Options)
                Assert.Single(options, o => o.Name == option.Name && o.Description == option.Description);
        }
    }
}
