namespace SpokenDigits.Runs;

/// <summary>Where the earlier-methods comparison keeps its runs:
/// <code>
/// &lt;root&gt;/mfcc/seed-&lt;n&gt;/     the four MFCC methods (one run folder per model seed)
/// &lt;root&gt;/cbam/seed-&lt;n&gt;/     the spectrogram CNN with CBAM
/// &lt;root&gt;/study/seed-&lt;n&gt;/    raw, spectrogram and fused models (unless read from a fusion-study report that holds the seeds)
/// &lt;root&gt;/earlier-methods.md  the comparison
/// </code>
/// and the fusion study's report folder (default <c>results/report-official</c>) for the models it already trained.</summary>
public sealed class EarlierMethodsFolders
{
    public const string MfccGroup = "mfcc";
    public const string CbamGroup = "cbam";
    public const string StudyGroup = "study";
    public const string MarkdownFile = "earlier-methods.md";

    public EarlierMethodsFolders(string root, string? studyReport)
    {
        Root = System.IO.Path.GetFullPath(root);
        StudyTarget = new ReportFolder(System.IO.Path.Combine(Root, StudyGroup));
        Study = studyReport is null ? StudyTarget : new ReportFolder(studyReport);
    }

    public string Root { get; }
    /// <summary>Where the fusion study's models are read from.</summary>
    public ReportFolder Study { get; }
    /// <summary>Where they are trained when <see cref="Study"/> lacks the seeds.</summary>
    public ReportFolder StudyTarget { get; }

    public ReportFolder Group(string group) => new(System.IO.Path.Combine(Root, group));
    public string Markdown => System.IO.Path.Combine(Root, MarkdownFile);

    /// <summary>Whether the study folder has a finished run for every seed.</summary>
    public bool StudyHasSeeds(IEnumerable<int> seeds) =>
        seeds.All(s => File.Exists(System.IO.Path.Combine(Study.Seed(s).Path, RunFolder.ResultsFile)))
        || seeds.All(s => File.Exists(System.IO.Path.Combine(StudyTarget.Seed(s).Path, RunFolder.ResultsFile)));

    /// <summary>Every group's finished seed run folders; the study's from <see cref="StudyTarget"/> when it exists, else <see cref="Study"/>.</summary>
    public IReadOnlyList<(string Group, IReadOnlyList<RunFolder> Runs)> RunFolders()
    {
        var groups = new List<(string, IReadOnlyList<RunFolder>)>();
        foreach (var group in new[] { MfccGroup, CbamGroup })
            if (Directory.Exists(Group(group).Path)) groups.Add((group, Group(group).SeedRunFolders()));
        var study = Directory.Exists(StudyTarget.Path) ? StudyTarget : Study;
        if (Directory.Exists(study.Path)) groups.Add((StudyGroup, study.SeedRunFolders()));
        return groups;
    }
}
