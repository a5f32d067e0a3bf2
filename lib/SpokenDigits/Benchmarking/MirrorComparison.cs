using System.Diagnostics;
using System.Text.Json;

namespace SpokenDigits.Benchmarking;

/// <summary>One model's figures from the PyTorch mirror's bench mode.</summary>
public sealed record MirrorModelSpeed(string Model, double TrainSamplesPerSecond, double SingleP50Milliseconds, double BatchedMillisecondsPerRecording);

/// <summary>The PyTorch mirror (<c>shared/reference/torch_mirror.py</c>: the same models, split, augmentation and
/// bench method in PyTorch) run by <c>bench --compare</c> right after this project's own bench, in the same
/// invocation, with the same torch threads, steps and allocator settings.</summary>
/// <param name="Script">The mirror that ran.</param>
/// <param name="TorchVersion">PyTorch's version as the mirror reported it.</param>
/// <param name="Command">The command line it ran with.</param>
/// <param name="AllocatorEnvironment">glibc malloc variables given to it: the same settings this process applied with mallopt.</param>
/// <param name="Models">Its figures per model.</param>
public sealed record MirrorComparison(string Script, string TorchVersion, string Command,
    IReadOnlyDictionary<string, string> AllocatorEnvironment, IReadOnlyList<MirrorModelSpeed> Models)
{
    /// <summary>Our median training throughput over the mirror's, per model; null where the mirror lacks the model.</summary>
    public double? TrainingSpeedup(ModelSpeed ours) =>
        Models.FirstOrDefault(m => m.Model == ours.Model) is { TrainSamplesPerSecond: > 0 } mirror
            ? ours.TrainSamplesPerSecond.Median / mirror.TrainSamplesPerSecond : null;

    /// <summary>Debian's Python, whose python3-torch package the mirror is written for (a python3 earlier on PATH,
    /// such as a pyenv one, usually lacks torch); plain <c>python3</c> where there is none.</summary>
    public static string DefaultPython => File.Exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3";

    /// <summary>The default place of the mirror beside a checkout: <c>../shared/reference/torch_mirror.py</c>.</summary>
    public static string? DefaultScript(string? projectRoot) =>
        projectRoot is null ? null : Path.GetFullPath(Path.Combine(projectRoot, "..", "shared", "reference", "torch_mirror.py"));

    /// <summary>Runs the mirror's bench mode on <paramref name="dataFolder"/> with as many timed steps as our
    /// trials together, echoing its output to <paramref name="log"/>.</summary>
    /// <exception cref="InvalidOperationException">python3 or its torch module is missing, or the mirror failed.</exception>
    public static MirrorComparison Run(string script, string dataFolder, int threads, BenchSettings settings,
        IReadOnlyDictionary<string, string> allocatorEnvironment, TextWriter log, string? python = null)
    {
        python ??= DefaultPython;
        if (!File.Exists(script)) throw new FileNotFoundException($"bench --compare: the PyTorch mirror {script} does not exist", script);
        var (probeCode, probeOut) = RunProcess(python, new[] { "-c", "import torch; print(torch.__version__)" }, allocatorEnvironment, null);
        if (probeCode != 0)
            throw new InvalidOperationException($"bench --compare needs PyTorch for {python} (Debian: apt-get install python3-torch): {probeOut.Trim()}");
        var json = Path.Combine(Path.GetTempPath(), $"spokendigits-mirror-{Environment.ProcessId}-{Guid.NewGuid():N}.json");
        var arguments = new[]
        {
            script, dataFolder, "--threads", threads.ToString(), "--bench-steps", (settings.Trials * settings.StepsPerTrial).ToString(),
            "--bench-warmup", settings.WarmupSteps.ToString(), "--latency-samples", settings.LatencySamples.ToString(),
            "--inference-batches", settings.Trials.ToString(), "--out", json,
        };
        string command = string.Join(' ', allocatorEnvironment.Select(kv => $"{kv.Key}={kv.Value}").Append(python).Concat(arguments));
        log.WriteLine($"PyTorch mirror: {command}");
        try
        {
            var (code, output) = RunProcess(python, arguments, allocatorEnvironment, log);
            if (code != 0 || !File.Exists(json))
                throw new InvalidOperationException($"the PyTorch mirror {script} exited with code {code}: {LastLines(output, 5)}");
            return Parse(script, command, allocatorEnvironment, File.ReadAllText(json));
        }
        finally
        {
            File.Delete(json);
        }
    }

    /// <summary>Reads the mirror's JSON (its <c>--out</c> file in bench mode).</summary>
    internal static MirrorComparison Parse(string script, string command, IReadOnlyDictionary<string, string> environment, string json)
    {
        using var doc = JsonDocument.Parse(json);
        var root = doc.RootElement;
        if (!root.TryGetProperty("bench", out var bench))
            throw new InvalidDataException($"the PyTorch mirror's output has no 'bench' section (was it run with --bench-steps?)");
        var models = bench.GetProperty("models").EnumerateArray().Select(m => new MirrorModelSpeed(
            m.GetProperty("model").GetString()!,
            m.GetProperty("trainSamplesPerSecond").GetDouble(),
            m.GetProperty("singleRecording").GetProperty("p50").GetDouble(),
            m.GetProperty("batchedMillisecondsPerRecording").GetDouble())).ToList();
        return new MirrorComparison(script, root.GetProperty("environment").GetProperty("torch").GetString() ?? "?", command, environment, models);
    }

    static (int Code, string Output) RunProcess(string file, IEnumerable<string> arguments, IReadOnlyDictionary<string, string> environment, TextWriter? echo)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in arguments) start.ArgumentList.Add(a);
        foreach (var (key, value) in environment) start.Environment[key] = value;
        using var process = new Process { StartInfo = start };
        var output = new System.Text.StringBuilder();
        void OnLine(object _, DataReceivedEventArgs e)
        {
            if (e.Data is null) return;
            lock (output) output.AppendLine(e.Data);
            if (echo is not null) lock (echo) echo.WriteLine($"  [mirror] {e.Data}");
        }
        process.OutputDataReceived += OnLine;
        process.ErrorDataReceived += OnLine;
        try { process.Start(); }
        catch (System.ComponentModel.Win32Exception e) { return (-1, $"{file} cannot be started: {e.Message}"); }
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        process.WaitForExit();
        return (process.ExitCode, output.ToString());
    }

    static string LastLines(string text, int n) =>
        string.Join(" | ", text.Split('\n', StringSplitOptions.RemoveEmptyEntries).TakeLast(n));
}
