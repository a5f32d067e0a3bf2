using SpokenDigits.Rendering;
using SpokenDigits.Rendering.Ablation;
using SpokenDigits.Runs;
using SpokenDigits.Tests.Data;

namespace SpokenDigits.Tests.Reporting;

/// <summary>The committed report of results/report-official and its ablation regenerate byte for byte from their runs,
/// timestamps included (they come from the runs, not the clock): what `spokendigits report --from results/report-official`
/// and `spokendigits ablation … --from-only` write.</summary>
public class CommittedReportTests
{
    static readonly string Committed = Path.Combine(ProjectPaths.TryFindRoot() ?? throw new InvalidOperationException("no repository root above the test assembly"),
        "results", "report-official");

    /// <summary>What the two commands write (PNG copies aside: Chromium draws them).</summary>
    static readonly string[] Outputs =
        [ReportFolder.MarkdownFile, ReportFolder.HtmlFile, ReportFolder.SummaryFile, AblationFolder.MarkdownFile, AblationFolder.HtmlFile, AblationFolder.SummaryFile];

    [Fact]
    public void TheCommittedReportAndAblationRegenerateByteForByte()
    {
        using var temp = new TempFolder();
        string copy = temp.Combine("results", "report-official");
        foreach (var file in Directory.EnumerateFiles(Committed, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(Committed, file);
            bool output = Outputs.Contains(relative) || relative.StartsWith(ReportFolder.FiguresFolder + Path.DirectorySeparatorChar, StringComparison.Ordinal);
            if (output) continue;   // regenerated below, so a generator that writes nothing fails
            Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(copy, relative))!);
            File.Copy(file, Path.Combine(copy, relative));
        }
        Directory.CreateDirectory(Path.Combine(copy, ReportFolder.FiguresFolder));

        var cwd = Environment.CurrentDirectory;   // the reports name their folder relative to where the command ran
        try
        {
            Environment.CurrentDirectory = temp.Path;
            var folder = new ReportFolder(Path.Combine("results", "report-official"));
            ReportGenerator.Generate(folder, "spokendigits report --from results/report-official");
            var manifest = AblationFolder.LoadManifest(folder) ?? throw new InvalidDataException("the committed report has no ablation manifest");
            AblationReportGenerator.Generate(folder, manifest.Command);
        }
        finally
        {
            Environment.CurrentDirectory = cwd;
        }

        var svgs = Directory.GetFiles(Path.Combine(Committed, ReportFolder.FiguresFolder), "*.svg").Select(f => Path.Combine(ReportFolder.FiguresFolder, Path.GetFileName(f)));
        foreach (var relative in Outputs.Concat(svgs))
        {
            var regenerated = Path.Combine(copy, relative);
            Assert.True(File.Exists(regenerated), $"{relative} was not regenerated");
            Assert.True(File.ReadAllBytes(Path.Combine(Committed, relative)).AsSpan().SequenceEqual(File.ReadAllBytes(regenerated)),
                $"{relative} regenerated differs from the committed file (first difference near: {FirstDifference(Path.Combine(Committed, relative), regenerated)})");
        }
        Assert.Equal(Directory.GetFiles(Path.Combine(Committed, ReportFolder.FiguresFolder), "*.svg").Length,
            Directory.GetFiles(Path.Combine(copy, ReportFolder.FiguresFolder), "*.svg").Length);
    }

    static string FirstDifference(string a, string b)
    {
        string x = File.ReadAllText(a), y = File.ReadAllText(b);
        int i = 0;
        while (i < x.Length && i < y.Length && x[i] == y[i]) i++;
        return y.Substring(Math.Max(0, i - 40), Math.Min(120, y.Length - Math.Max(0, i - 40)));
    }
}
