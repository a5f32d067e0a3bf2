using System.Diagnostics;
using System.Globalization;
using System.Text;
using SpokenDigits.Experiments.Plans;
using SpokenDigits.Runs;

namespace SpokenDigits.Cli.Reproduction;

/// <summary>Submits a plan's work to Slurm: one job array with a task per run to train (each task runs
/// <c>reproduce --only-run FOLDER</c>, which trains the run, resumes it from its checkpoint, or does nothing when it is
/// already complete, so a requeued task continues where it was stopped), and one report job that starts after every
/// task succeeded (<c>--dependency=afterok</c>) and runs <c>reproduce --reports-only</c>. Scripts, the run list and job
/// logs go to <c>results/.reproduce/slurm/&lt;time&gt;/</c>.</summary>
public sealed class SlurmSubmitter(string root, string plan, int threads, string? dataFolder, SlurmOptions slurm, TextWriter output)
{
    public const string Folder = "results/.reproduce/slurm";

    /// <summary>Submits the jobs; returns the report job's id (null when there is nothing to do).</summary>
    public string? Submit(ReproductionWork work, IReadOnlyCollection<string> experiments, bool readme)
    {
        if (work.Nothing) { output.WriteLine("Nothing to do: every run is complete and every report is up to date."); return null; }
        var folder = Path.Combine(root, Folder, DateTime.Now.ToString("yyyyMMdd-HHmmss-fff", CultureInfo.InvariantCulture));
        Directory.CreateDirectory(folder);
        var common = new List<string> { "--plan", Path.GetFullPath(plan), "--root", root };
        if (dataFolder is not null) common.AddRange(["--data", dataFolder]);

        string? trainJob = null;
        var runs = work.ToTrain;
        if (runs.Count > 0)
        {
            var list = Path.Combine(folder, "runs.txt");
            File.WriteAllLines(list, runs.Select(r => r.Run.Folder));
            var script = Script(folder, "train.sh",
                $"mapfile -t runs < {CliProcess.Quote(list)}",
                CliProcess.ShellCommand(["reproduce", .. common, "--threads", threads.ToString(CultureInfo.InvariantCulture)]) + " --only-run \"${runs[$SLURM_ARRAY_TASK_ID]}\"");
            string array = $"0-{runs.Count - 1}" + (slurm.MaxRunning is int k ? $"%{k}" : "");
            trainJob = Sbatch([$"--array={array}", "--requeue", "--job-name=spokendigits-train", $"--cpus-per-task={slurm.CpusPerTask}",
                .. slurm.Common(), $"--output={Path.Combine(folder, "train-%A_%a.out")}", "--open-mode=append", script]);
            output.WriteLine($"Submitted training array job {trainJob}: {runs.Count} runs ({array}), {slurm.CpusPerTask} CPUs and {threads} torch threads each");
        }

        var report = Script(folder, "report.sh",
            CliProcess.ShellCommand(["reproduce", .. experiments, .. common, "--reports-only", .. (readme ? new[] { "--readme" } : [])]));
        var reportJob = Sbatch(["--job-name=spokendigits-report", "--cpus-per-task=1", .. slurm.Common(),
            .. (trainJob is null ? Array.Empty<string>() : [$"--dependency=afterok:{trainJob}", "--kill-on-invalid-dep=yes"]),
            $"--output={Path.Combine(folder, "report-%j.out")}", report]);
        output.WriteLine($"Submitted report job {reportJob}{(trainJob is null ? "" : $" (after {trainJob} succeeds)")}; scripts and logs in {folder}");
        if (slurm.Wait) WaitFor([.. trainJob is null ? Array.Empty<string>() : [trainJob], reportJob]);
        return reportJob;
    }

    string Script(string folder, string name, params string[] lines)
    {
        var path = Path.Combine(folder, name);
        var text = new StringBuilder("#!/bin/bash\nset -euo pipefail\n");
        text.Append("cd ").Append(CliProcess.Quote(root)).Append('\n');
        foreach (var line in lines) text.Append(line).Append('\n');
        File.WriteAllText(path, text.ToString());
        File.SetUnixFileMode(path, File.GetUnixFileMode(path) | UnixFileMode.UserExecute);
        return path;
    }

    static string Sbatch(IEnumerable<string> arguments)
    {
        var (code, stdout, stderr) = Command("sbatch", ["--parsable", .. arguments]);
        if (code != 0) throw new InvalidOperationException($"sbatch failed (exit code {code}): {stderr.Trim()}");
        return stdout.Trim().Split(';')[0];
    }

    /// <summary>Waits until the jobs have left the queue (squeue lists them no more).</summary>
    void WaitFor(IReadOnlyList<string> jobs)
    {
        output.WriteLine($"Waiting for jobs {string.Join(", ", jobs)} to leave the queue ...");
        while (true)
        {
            var (code, stdout, stderr) = Command("squeue", ["-h", "-j", string.Join(',', jobs), "-o", "%i %T"]);
            if (code != 0 && !stderr.Contains("Invalid job id")) throw new InvalidOperationException($"squeue failed (exit code {code}): {stderr.Trim()}");
            if (code != 0 || stdout.Trim().Length == 0) break;
            Thread.Sleep(TimeSpan.FromSeconds(3));
        }
        output.WriteLine("The jobs have finished.");
    }

    static (int Code, string Stdout, string Stderr) Command(string file, IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in arguments) start.ArgumentList.Add(a);
        Process process;
        try { process = Process.Start(start)!; }
        catch (System.ComponentModel.Win32Exception e) { throw new InvalidOperationException($"{file} cannot be started ({e.Message}): is Slurm installed here?", e); }
        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            process.WaitForExit();
            return (process.ExitCode, stdout.Result, stderr.Result);
        }
    }
}
