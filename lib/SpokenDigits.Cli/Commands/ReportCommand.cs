using SpokenDigits.Charts;
using SpokenDigits.Data;
using SpokenDigits.Training;
using SpokenDigits.Experiments;
using SpokenDigits.Rendering;
using SpokenDigits.Runs;

namespace SpokenDigits.Cli.Commands;

/// <summary><c>spokendigits report</c>: the three trainings over several seeds (and optionally leave one speaker out),
/// then a Markdown + HTML report with paired significance tests, read back from the saved runs.</summary>
public static class ReportCommand
{
    public const string Usage = """
        spokendigits report [options]
          --seeds N            model seeds on one fixed split (default 5: seeds 42..46)
          --first-seed N       first model seed (default 42); the split seed is the first seed unless --split-seed
          --split-seed N       seed of the shared split
          --loso               also leave one speaker out (every speaker in turn is the test part)
          --loso-seeds N       model seeds per held-out speaker (default 1)
          --split S            official | stratified (default official) for the multi-seed protocol
          --models M           comma list of raw, spec, fusion (default all three)
          --epochs N           (default 15)      --batch-size N (default 64)
          --lr X               (default 0.002)   --weight-decay X (default 0.0001)
          --validation X       (default 0.1)     --threads N  torch threads (default: one per free core)
          --subset N           keep only takes below N (quick runs)
          --quick              a fast smoke run: --seeds 2 --epochs 2 --subset 10
        """ + TrainingOptions.ModelUsage + """
          --data PATH          recordings folder (default: as for train)
          --skip-bad           leave out unreadable recordings instead of stopping
          --resamples N        bootstrap resamples (default 10000)
          --out DIR            report folder (default results/report-<timestamp>); finished seeds there are reused
          --from DIR           only regenerate the report from an existing report folder (no training)
        """;

    public static int Run(string[] args)
    {
        var cl = new CommandLine(args, "quick", "skip-bad", "loso");
        string command = "spokendigits report " + string.Join(' ', args);
        int resamples = cl.Int("resamples") ?? 10000;
        if (resamples < 1) throw new UsageException("--resamples must be at least 1");
        if (cl.Get("from") is { } from)
        {
            cl.RejectUnknown();
            return Write(new ReportFolder(from), command, resamples);
        }

        bool quick = cl.Flag("quick");
        var training = TrainingOptions.Settings(cl, quick);
        int seedCount = cl.Int("seeds") ?? (quick ? 2 : 5);
        int firstSeed = cl.Int("first-seed") ?? training.Seed;
        var seeds = MultiSeedProtocol.ConsecutiveSeeds(seedCount, firstSeed);
        bool loso = cl.Flag("loso");
        var losoSeeds = MultiSeedProtocol.ConsecutiveSeeds(cl.Int("loso-seeds") ?? 1, firstSeed);
        var split = SplitProtocol.Parse(cl.Get("split") ?? "official");
        if (split.Kind == "speakers") throw new UsageException("--split speakers:... is what --loso does for every speaker; use official or stratified");
        var options = new ExperimentOptions(
            DataFolder: cl.Get("data"),
            Split: split,
            Training: training,
            Models: TrainingOptions.Models(cl),
            SkipBad: cl.Flag("skip-bad"),
            Subset: cl.Int("subset") ?? (quick ? 10 : null),
            SplitSeed: cl.Int("split-seed"),
            Architecture: TrainingOptions.Architecture(cl));
        var folder = new ReportFolder(cl.Get("out") ?? Path.Combine(ProjectPaths.ResultsFolder, $"report-{DateTime.Now:yyyyMMdd-HHmmss}"));
        cl.RejectUnknown();

        var progress = new TrainingProgress(Console.Out);
        var multi = new MultiSeedProtocol(options, seeds, progress);
        Console.WriteLine($"Report folder: {folder.Path}");
        Console.WriteLine($"Seeds {string.Join(", ", seeds)} on split {split} (split seed {multi.SplitSeed}){(loso ? $"; leave-one-speaker-out with seeds {string.Join(", ", losoSeeds)}" : "")}");
        folder.SaveManifest(new ReportManifest(command, seeds, multi.SplitSeed, split.ToString(), loso, loso ? losoSeeds : [],
            training.Epochs, options.Subset, DateTimeOffset.Now));
        var runs = multi.Run(command, folder, ConsoleCancellation.Token);
        bool ok = runs.All(r => r.Models.All(x => x.Succeeded));
        if (loso)
        {
            var folds = new SpeakerIndependentProtocol(options with { SplitSeed = multi.SplitSeed }, losoSeeds, progress).Run(command, folder, ConsoleCancellation.Token);
            ok &= folds.All(f => f.Runs.All(r => r.Models.All(x => x.Succeeded)));
        }
        return Write(folder, command, resamples) == 0 && ok ? 0 : 1;
    }

    static int Write(ReportFolder folder, string command, int resamples)
    {
        var output = ReportGenerator.Generate(folder, command, resamples);
        Console.WriteLine();
        Console.WriteLine($"Report:  {output.Markdown}");
        Console.WriteLine($"         {output.Html}");
        Console.WriteLine($"Figures: {string.Join(", ", output.Figures.Select(Path.GetFileName))} in {Path.Combine(folder.Path, ReportFolder.FiguresFolder)}");
        var (pngs, skipped) = ChartPng.ConvertFolder(Path.Combine(folder.Path, ReportFolder.FiguresFolder));
        Console.WriteLine(skipped ?? $"PNG:     {pngs.Count} figures redrawn as PNG beside their SVG");
        Console.WriteLine($"Numbers: {output.Summary}");
        return 0;
    }
}
