using SpokenDigits.Runs;

namespace SpokenDigits.Experiments.Plans;

/// <summary>What a report step last read: every input run's folder and finish time, written after the step ran
/// (<c>results/.reproduce/steps/</c>). A step is out of date when an output is missing, when the runs it reads are not
/// the ones its stamp records, or, without a stamp, when an input finished after its oldest output was written.</summary>
public static class StepStamp
{
    public const string Folder = "results/.reproduce/steps";

    /// <summary>Longest stamp name kept as it is; a longer command is cut and given a hash of the whole, so that the
    /// name (and the temporary file written beside it) stays under the file system's 255 bytes.</summary>
    public const int MaxNameLength = 120;

    public static string PathOf(string root, ReportStep step)
    {
        var name = new string(step.Command.Select(c => char.IsLetterOrDigit(c) || c is '-' or '.' ? c : '_').ToArray()).Trim('_');
        if (name.Length > MaxNameLength)
            name = name[..MaxNameLength] + "-" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(step.Command)))[..16];
        return Path.Combine(root, Folder, name + ".json");
    }

    /// <summary>The fingerprint of the inputs: one line per run, its folder and recorded finish (or "unfinished").</summary>
    public static IReadOnlyList<string> Fingerprint(string root, IEnumerable<PlannedRun> inputs) =>
        inputs.Select(r => $"{r.Folder} {RunStatus.Finished(Path.Combine(root, r.Folder)) ?? "unfinished"}").Order(StringComparer.Ordinal).ToList();

    public static void Write(string root, ReportStep step, IEnumerable<PlannedRun> inputs) =>
        ResultsJson.Save(PathOf(root, step), Fingerprint(root, inputs));

    public static bool IsStale(string root, ReportStep step, IReadOnlyList<PlannedRun> inputs)
    {
        var outputs = step.Outputs.Select(o => Outputs(root, o)).ToList();
        if (outputs.Any(o => o.Count == 0)) return true;
        var stamp = PathOf(root, step);
        if (File.Exists(stamp)) return !ResultsJson.Load<List<string>>(stamp).SequenceEqual(Fingerprint(root, inputs));
        var oldest = outputs.SelectMany(o => o).Min(File.GetLastWriteTimeUtc);
        return inputs.Any(r => RunStatus.Timing(Path.Combine(root, r.Folder)) is { } t && t.Finished.UtcDateTime > oldest);
    }

    /// <summary>The files an output names (a <c>*</c> in the file name matches any text).</summary>
    public static IReadOnlyList<string> Outputs(string root, string output)
    {
        var full = Path.Combine(root, output);
        var folder = Path.GetDirectoryName(full)!;
        var name = Path.GetFileName(full);
        if (!name.Contains('*')) return File.Exists(full) ? [full] : [];
        return Directory.Exists(folder) ? Directory.GetFiles(folder, name) : [];
    }
}
