namespace SpokenDigits.Reporting.Ablation;

/// <summary>Where the generated ablation report went.</summary>
public sealed record AblationOutput(string Markdown, string Html, string Summary, IReadOnlyList<string> Figures);

/// <summary>PLACEHOLDER until the ablation report lands: reads the runs and writes the report.</summary>
public static class AblationReportGenerator
{
    public static AblationOutput Generate(ReportFolder report, string command, int resamples = 10000) =>
        throw new NotImplementedException("the ablation report generator is being written");
}
