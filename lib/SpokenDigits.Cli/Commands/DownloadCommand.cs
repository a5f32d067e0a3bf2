using System.CommandLine;
using SpokenDigits.Data;

namespace SpokenDigits.Cli.Commands;

/// <summary><c>spokendigits download</c>: a verified copy of FSDD in data/fsdd/.</summary>
public static class DownloadCommand
{
    public static Command Create()
    {
        var source = new Option<string?>("--source")
        {
            HelpName = "URL|ZIP|FOLDER",
            Description = "where FSDD comes from (default: the upstream v1.0.10 archive on GitHub; a local zip or folder works too, e.g. ../shared/datasets/fsdd)",
        };
        var target = new Option<string?>("--target") { HelpName = "DIR", Description = "destination (default data/fsdd; recordings land in data/fsdd/recordings)" };
        var force = new Option<bool>("--force") { Description = "replace a verified copy that is already there" };
        var command = new Command("download", "a verified copy of FSDD (the Free Spoken Digit Dataset) in data/fsdd/") { source, target, force };
        command.SetAction(parse =>
        {
            var from = parse.GetValue(source);
            Console.WriteLine($"Fetching FSDD from {from ?? FsddDownloader.DefaultUrl} ...");
            var result = FsddDownloader.DownloadAsync(from, parse.GetValue(target), parse.GetValue(force), cancellationToken: ConsoleCancellation.Token)
                .GetAwaiter().GetResult();
            Console.WriteLine(result.AlreadyPresent
                ? $"A verified copy is already in {result.TargetFolder} ({result.FileCount} recordings); --force replaces it."
                : $"Verified {result.FileCount} recordings ({result.DigitCount} digits, {result.SpeakerCount} speakers) in {result.RecordingsFolder}.");
            return ExitCodes.Success;
        });
        return command;
    }
}
