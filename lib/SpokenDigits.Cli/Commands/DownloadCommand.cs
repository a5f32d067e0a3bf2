using SpokenDigits.Data;

namespace SpokenDigits.Cli.Commands;

/// <summary><c>spokendigits download</c>: a verified copy of FSDD in data/fsdd/.</summary>
public static class DownloadCommand
{
    public const string Usage = """
        spokendigits download [--source URL|ZIP|FOLDER] [--target DIR] [--force]
          --source   where FSDD comes from (default: the upstream v1.0.10 archive on GitHub;
                     a local zip or folder works too, e.g. ../shared/datasets/fsdd)
          --target   destination (default data/fsdd; recordings land in data/fsdd/recordings)
          --force    replace a verified copy that is already there
        """;

    public static int Run(string[] args)
    {
        var cl = new CommandLine(args, "force");
        var source = cl.Get("source");
        var target = cl.Get("target");
        bool force = cl.Flag("force");
        cl.RejectUnknown();
        Console.WriteLine($"Fetching FSDD from {source ?? FsddDownloader.DefaultUrl} ...");
        var result = FsddDownloader.DownloadAsync(source, target, force, cancellationToken: ConsoleCancellation.Token)
            .GetAwaiter().GetResult();
        Console.WriteLine(result.AlreadyPresent
            ? $"A verified copy is already in {result.TargetFolder} ({result.FileCount} recordings); --force replaces it."
            : $"Verified {result.FileCount} recordings ({result.DigitCount} digits, {result.SpeakerCount} speakers) in {result.RecordingsFolder}.");
        return 0;
    }
}
