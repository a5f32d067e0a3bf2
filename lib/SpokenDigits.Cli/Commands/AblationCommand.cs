using SpokenDigits.Charts;
using SpokenDigits.Training;
using SpokenDigits.Experiments;
using SpokenDigits.Rendering.Ablation;
using SpokenDigits.Runs;

namespace SpokenDigits.Cli.Commands;

/// <summary><c>spokendigits ablation</c>: fusion variants × remedies on the split, seeds and settings of an
/// existing report, then one table that compares them with the single branches.</summary>
public static class AblationCommand
{
    public const string DefaultLosoVariants = "gated-aux+moddrop";

    public const string Usage = """
        spokendigits ablation --report DIR [options]
          --report DIR         a report folder made by 'spokendigits report' (its seeds, split and settings are reused;
                               its runs give the raw-only, spectrogram-only and concat baseline models)
          --fusions F          comma list of concat, gated, attention (default all three)
          --remedies R         comma list of remedy sets: none, aux, moddrop, two-stage, branch-lr or '+' combinations
                               (default none,aux,moddrop,two-stage,branch-lr,aux+moddrop)
          --variants V         instead of --fusions × --remedies: an explicit comma list such as gated-aux+moddrop
          --seeds N            the report's first N seeds (default all of them)
          --loso-variants V    variants also trained leave-one-speaker-out, when the report has that protocol
                               (default gated-aux+moddrop; 'none' for no fold training)
          --threads N          torch threads (default: one per core that no other process keeps busy at
                               the start; the count chosen is saved with the run)
          --resamples N        bootstrap resamples (default 10000)
          --from-only          only regenerate the ablation report from the runs already there (with --variants,
                               --seeds, --loso-variants: over those; runs not finished are listed as left out, never trained)
        Writes ablation.md, ablation.html, ablation.json and figures/ablation-*.svg into the report folder.
        """;

    public static int Run(string[] args)
    {
        var cl = new CommandLine(args, "from-only");
        string command = "spokendigits ablation " + string.Join(' ', args);
        var report = new ReportFolder(cl.Get("report") ?? throw new UsageException("--report DIR is required"));
        int resamples = cl.Int("resamples") ?? 10000;
        if (cl.Flag("from-only"))
        {
            // --variants / --seeds here only change which finished runs the report covers: nothing is trained.
            var previous = AblationFolder.LoadManifest(report);
            if (previous is not null && (cl.Get("variants") is not null || cl.Int("seeds") is not null || cl.Get("loso-variants") is not null))
            {
                var reportManifest = report.LoadManifest();
                var chosen = cl.Get("variants") is { } only ? Labels(only, "--variants") : previous.Variants;
                var seedsOnly = (reportManifest?.Seeds ?? previous.Seeds).Take(cl.Int("seeds") ?? int.MaxValue).ToList();
                var losoChosen = cl.Get("loso-variants") is { } loso ? LosoVariants(loso).Select(v => v.Label).ToList() : previous.LosoVariants;
                AblationFolder.SaveManifest(report, previous with
                {
                    Command = command, Variants = chosen, Seeds = seedsOnly, Created = DateTimeOffset.Now,
                    LosoVariants = reportManifest?.Loso == true ? losoChosen : [],
                });
            }
            cl.RejectUnknown();
            return Write(report, command, resamples);
        }
        var manifest = report.LoadManifest() ?? throw new UsageException($"{report.Path} is not a report folder (no {ReportFolder.ManifestFile})");
        var seeds = manifest.Seeds.Take(cl.Int("seeds") ?? manifest.Seeds.Count).ToList();
        if (seeds.Count == 0) throw new UsageException("--seeds must be at least 1");
        var variants = cl.Get("variants") is { } list
            ? Parse(list, AblationVariant.Parse, "--variants")
            : AblationVariant.Grid(
                Parse(cl.Get("fusions") ?? "concat,gated,attention", TrainingOptions.ParseFusion, "--fusions"),
                Parse(cl.Get("remedies") ?? "none,aux,moddrop,two-stage,branch-lr,aux+moddrop", FusionRemedies.Parse, "--remedies"));
        var losoVariants = manifest.Loso ? LosoVariants(cl.Get("loso-variants") ?? DefaultLosoVariants) : [];
        int? threads = cl.Int("threads");
        cl.RejectUnknown();

        var options = report.Seed(seeds[0]).LoadOptions();
        options = options with { Training = options.TrainingOrDefault with { Threads = threads } };
        Console.WriteLine($"Ablation on {report.Path}: {variants.Count} variants × seeds {string.Join(", ", seeds)}" +
                          (losoVariants.Count > 0 ? $"; leave one speaker out: {string.Join(", ", losoVariants.Select(v => v.Label))}" : ""));
        AblationFolder.SaveManifest(report, new AblationManifest(command, seeds, variants.Select(v => v.Label).ToList(),
            losoVariants.Select(v => v.Label).ToList(), manifest.LosoSeeds, DateTimeOffset.Now));
        new AblationProtocol(options, new TrainingProgress(Console.Out))
            .Run(command, report, seeds, variants, losoVariants, manifest.LosoSeeds, ConsoleCancellation.Token);
        return Write(report, command, resamples);
    }

    static int Write(ReportFolder report, string command, int resamples)
    {
        var output = AblationReportGenerator.Generate(report, command, resamples);
        Console.WriteLine();
        Console.WriteLine($"Ablation: {output.Markdown}");
        Console.WriteLine($"          {output.Html}");
        Console.WriteLine($"Numbers:  {output.Summary}");
        var (pngs, skipped) = ChartPng.ConvertFolder(Path.Combine(report.Path, ReportFolder.FiguresFolder));
        Console.WriteLine(skipped ?? $"PNG:      {pngs.Count} figures redrawn as PNG beside their SVG");
        return 0;
    }

    static List<string> Labels(string list, string option) => Parse(list, AblationVariant.Parse, option).Select(v => v.Label).ToList();

    /// <summary>--loso-variants: a comma list of variants, or "none".</summary>
    static List<AblationVariant> LosoVariants(string text) =>
        text.Trim() == "none" ? [] : Parse(text, AblationVariant.Parse, "--loso-variants");

    static List<T> Parse<T>(string list, Func<string, T> parse, string option)
    {
        try { return list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(parse).Distinct().ToList(); }
        catch (ArgumentException e) { throw new UsageException($"{option}: {e.Message}"); }
    }
}
