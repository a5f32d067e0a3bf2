using System.Diagnostics;
using SpokenDigits.Audio;
using SpokenDigits.Data;
using SpokenDigits.Evaluation.Robustness;
using SpokenDigits.Runs;
using SpokenDigits.Runtime;

namespace SpokenDigits.Inference;

/// <summary>How to run a robustness study.</summary>
/// <param name="Seed">Seeds every corrupted recording and probe (<see cref="StableSeed"/>).</param>
/// <param name="Conditions">The conditions (default <see cref="RobustnessConditions.Standard"/>).</param>
/// <param name="Recordings">Use only this many test recordings (every digit in turn, in id order); null: all of the test part.</param>
/// <param name="Probes">Silence and as many noise-only recordings for the "no speech" goal.</param>
/// <param name="DataFolder">Where the recordings are; null: the folder the first run was trained on, else as for train.</param>
/// <param name="Command">The command line, saved with the results.</param>
/// <param name="Threads">Torch threads and parallel corruption workers (null: as torch is set now).</param>
/// <param name="Part">The runs' split part studied: the test part (the default), or the validation part, where a
/// recipe can be chosen by its robustness without looking at the test part or a test-only corpus.</param>
/// <param name="Variants">Fused variants (e.g. the ablation's pick) whose runs answer the same recordings beside the runs of the
/// same model seed.</param>
public sealed record RobustnessOptions(
    int Seed = RobustnessOptions.DefaultSeed,
    IReadOnlyList<RobustnessCondition>? Conditions = null,
    int? Recordings = null,
    int Probes = RobustnessOptions.DefaultProbes,
    string? DataFolder = null,
    string? Command = null,
    int? Threads = null,
    SplitPart Part = SplitPart.Test,
    IReadOnlyList<RobustnessVariant>? Variants = null)
{
    public const int DefaultSeed = 2020;
    public const int DefaultProbes = 100;
}

/// <summary>The robustness study (issue 20, part 4): every model of one or several trained runs (e.g. model seeds of one
/// configuration) on the runs' FSDD test (or validation) part under controlled corruptions, plus silence and noise-only recordings.
/// The corrupted audio is made once per condition and given to every run, so every model hears the same recordings.</summary>
public static class RobustnessStudy
{
    /// <summary>The run folders <paramref name="paths"/> name: a run folder (results.json), or a report folder whose
    /// seed-&lt;n&gt;/ runs are taken in seed order.</summary>
    /// <exception cref="InvalidDataException">A path is neither.</exception>
    public static IReadOnlyList<string> ExpandRuns(IReadOnlyList<string> paths)
    {
        var runs = new List<string>();
        foreach (var path in paths)
        {
            var full = Path.GetFullPath(path);
            if (File.Exists(Path.Combine(full, RunFolder.ResultsFile))) { runs.Add(full); continue; }
            var seeds = Directory.Exists(full) ? new ReportFolder(full).SeedRunFolders() : [];
            if (seeds.Count == 0)
                throw new InvalidDataException($"'{full}' is neither a run folder (no {RunFolder.ResultsFile}) nor a report folder with seed-<n>/ runs");
            runs.AddRange(seeds.Select(s => s.Path));
        }
        return runs;
    }

    /// <summary>Loads the runs, corrupts their test recordings and asks every model; writes nothing.</summary>
    /// <exception cref="InvalidDataException">A run cannot be loaded, or the runs differ in test part or sample rate.</exception>
    public static RobustnessResults Run(IReadOnlyList<string> runFolders, RobustnessOptions? options = null, TextWriter? log = null,
        CancellationToken cancellation = default)
    {
        cancellation = AmbientCancellation.Or(cancellation);
        options ??= new RobustnessOptions();
        if (runFolders.Count == 0) throw new ArgumentException("robustness: no run to study");
        var clock = Stopwatch.StartNew();
        if (options.Threads is { } threads) TorchSharp.torch.set_num_threads(threads);
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = TorchSharp.torch.get_num_threads(), CancellationToken = cancellation };
        var predictors = new List<Predictor>();
        var variantPredictors = new List<(RobustnessVariant Variant, int Base, Predictor Predictor)>();
        try
        {
            foreach (var folder in runFolders) predictors.Add(Predictor.Load(folder));
            foreach (var variant in options.Variants ?? [])
                foreach (var folder in variant.RunFolders)
                {
                    var predictor = Predictor.Load(folder);
                    variantPredictors.Add((variant, MatchingRun(predictors, predictor, variant), predictor));
                }
            var (dataFolder, clips) = TestClips([.. predictors.Select(p => p.Run), .. variantPredictors.Select(v => v.Predictor.Run)], options, parallel);
            var first = predictors[0].Features;
            var conditions = options.Conditions ?? RobustnessConditions.Standard;
            log?.WriteLine($"Robustness study: {predictors.Count} run(s), {clips.Count} {Name(options.Part)} recordings from {dataFolder}, {conditions.Count} conditions, seed {options.Seed}");
            var corruptor = new ConditionCorruptor(clips, first.SampleRate, first.ClipSamples, options.Seed);
            var perRun = predictors.Select(_ => new List<ConditionOutcome>()).ToArray();
            foreach (var condition in conditions)
            {
                cancellation.ThrowIfCancellationRequested();
                var started = clock.Elapsed;
                var audio = new AudioClip[clips.Count];
                Parallel.For(0, clips.Count, parallel, i => audio[i] = new AudioClip(corruptor.Apply(condition, i), first.SampleRate, $"{clips[i].Id} [{condition.Key}]"));
                var outcomes = predictors.Select(p => Outcomes(p, audio, clips)).ToArray();
                foreach (var (_, b, predictor) in variantPredictors)   // the variant's answers join those of the run with its seed
                    outcomes[b] = outcomes[b].Zip(Outcomes(predictor, audio, clips), (own, joined) =>
                        own with { Predicted = [.. own.Predicted, .. joined.NoSpeech ? joined.Predicted.Select(_ => -1) : joined.Predicted] }).ToList();
                for (int r = 0; r < predictors.Count; r++) perRun[r].Add(new ConditionOutcome(condition, outcomes[r]));
                log?.WriteLine(FormattableString.Invariant($"  {condition.Label,-52} {(clock.Elapsed - started).TotalSeconds,6:0.0} s  ") +
                    string.Join("  ", predictors[0].ModelNames.Select((m, k) => FormattableString.Invariant($"{m} {100.0 * perRun[0][^1].Clips.Count(c => c.Correct(k)) / clips.Count:0.0}%"))));
            }
            var probes = NoSpeechProbe.Set(options.Probes, options.Seed);
            var probeAudio = probes.Select(p => new AudioClip(p.Samples(first.SampleRate, options.Seed), first.SampleRate, p.Id)).ToList();
            var runs = new List<RunRobustness>();
            for (int r = 0; r < predictors.Count; r++)
            {
                var answered = probeAudio.Count == 0 ? [] : predictors[r].Predict(probeAudio).Select((a, i) => (a, i)).Where(x => !x.a.NoSpeech).Select(x => probes[x.i].Id).ToList();
                var run = predictors[r].Run;
                var models = predictors[r].ModelNames.Concat(variantPredictors.Where(v => v.Base == r)
                    .SelectMany(v => v.Predictor.ModelNames.Select(v.Variant.ModelName))).ToList();
                runs.Add(new RunRobustness(run.Path, run.Results.Training.Seed, models, perRun[r], new ProbeOutcome(probes, answered)));
            }
            log?.WriteLine(FormattableString.Invariant($"  no-speech probes: {probes.Count - runs[0].Probes.AnsweredWithDigit.Count} of {probes.Count} answered \"no speech\"; total {clock.Elapsed.TotalSeconds:0} s"));
            var info = RunInfo.Capture(options.Command ?? "RobustnessStudy.Run", ProjectPaths.TryFindRoot(), TorchSharp.torch.get_num_threads()) with { Finished = DateTimeOffset.Now };
            return new RobustnessResults(info, options.Seed, dataFolder, clips.Count, conditions, runs, Math.Round(clock.Elapsed.TotalSeconds, 1), options.Part,
                options.Variants is { Count: > 0 } v ? v.Select(x => x with { RunFolders = x.RunFolders.Select(Path.GetFullPath).ToList() }).ToList() : null);
        }
        finally
        {
            foreach (var p in predictors) p.Dispose();
            foreach (var v in variantPredictors) v.Predictor.Dispose();
        }
    }

    /// <summary>Each recording's answer by every model of <paramref name="predictor"/> ("no speech": −1 for every model).</summary>
    static List<ClipOutcome> Outcomes(Predictor predictor, IReadOnlyList<AudioClip> audio, IReadOnlyList<RobustnessClip> clips) =>
        predictor.Predict(audio).Select((a, i) => new ClipOutcome(clips[i].Id, clips[i].Digit, a.NoSpeech,
            a.NoSpeech ? predictor.ModelNames.Select(_ => -1).ToArray() : a.Models.Select(m => m.Digit).ToArray())).ToList();

    /// <summary>The index of the study run with the variant run's model seed.</summary>
    /// <exception cref="InvalidDataException">No run has that seed, or the variant hears recordings differently (sample rate, window).</exception>
    static int MatchingRun(IReadOnlyList<Predictor> runs, Predictor variant, RobustnessVariant of)
    {
        var seed = variant.Run.Results.Training.Seed;
        var index = runs.ToList().FindIndex(p => p.Run.Results.Training.Seed == seed);
        if (index < 0)
            throw new InvalidDataException($"{variant.Run.Path}: variant '{of.Label}' has model seed {seed}, which none of the study's runs has " +
                $"({string.Join(", ", runs.Select(p => p.Run.Results.Training.Seed))}): a variant is compared seed for seed");
        if (variant.Features.SampleRate != runs[index].Features.SampleRate || variant.Features.ClipSamples != runs[index].Features.ClipSamples)
            throw new InvalidDataException($"{variant.Run.Path}: variant '{of.Label}' hears {variant.Features.ClipSamples} samples at {variant.Features.SampleRate} Hz, " +
                $"the run of seed {seed} {runs[index].Features.ClipSamples} at {runs[index].Features.SampleRate} Hz");
        return index;
    }

    /// <summary>The study of <paramref name="runFolders"/> in <paramref name="folder"/>: read back when its robustness.json holds
    /// exactly these runs, seed and conditions, else run and saved; the summary, page and figures are (re)written either way.</summary>
    public static (RobustnessResults Results, Analysis.Robustness.RobustnessSummary Summary) LoadOrRun(IReadOnlyList<string> runFolders,
        RobustnessFolder folder, RobustnessOptions? options = null, TextWriter? log = null, int resamples = 10000)
    {
        options ??= new RobustnessOptions();
        var runs = runFolders.Select(Path.GetFullPath).ToList();
        var conditions = options.Conditions ?? RobustnessConditions.Standard;
        if (File.Exists(folder.File(RobustnessFolder.ResultsFile)))
        {
            var saved = folder.Load();
            var variants = (options.Variants ?? []).Select(v => (v.Label, string.Join("|", v.RunFolders.Select(Path.GetFullPath)))).ToList();
            if (saved.Seed == options.Seed && saved.Part == options.Part && saved.Conditions.SequenceEqual(conditions)
                && (saved.Variants ?? []).Select(v => (v.Label, string.Join("|", v.RunFolders))).SequenceEqual(variants) && saved.Runs.Select(r => r.RunFolder).SequenceEqual(runs)
                && (options.Recordings is null || saved.TestRecordings == options.Recordings))
            {
                log?.WriteLine($"Read back {folder.File(RobustnessFolder.ResultsFile)} ({saved.Runs.Count} run(s), {saved.TestRecordings} recordings, {saved.Seconds:0} s when measured)");
                return (saved, Report(saved, folder, resamples).Summary);
            }
        }
        var results = Run(runs, options, log);
        return (results, Save(results, folder, resamples).Summary);
    }

    /// <summary>Saves robustness.json, then the analysis of it: summary.md, robustness.html and figures/ (see
    /// <see cref="Rendering.Robustness.RobustnessReport"/>). Returns the summary and why PNG figures were skipped (or null).</summary>
    public static (Analysis.Robustness.RobustnessSummary Summary, string? PngSkipped) Save(RobustnessResults results, RobustnessFolder folder,
        int resamples = 10000)
    {
        folder.Save(results);
        return Report(results, folder, resamples);
    }

    /// <summary>The analysis of saved results written beside them (summary.md, robustness.html, figures/).</summary>
    public static (Analysis.Robustness.RobustnessSummary Summary, string? PngSkipped) Report(RobustnessResults results, RobustnessFolder folder,
        int resamples = 10000)
    {
        var summary = Analysis.Robustness.RobustnessSummary.From(results, resamples: resamples);
        return (summary, Rendering.Robustness.RobustnessReport.Write(folder, summary, results));
    }

    /// <summary>The runs' common test (or validation: <see cref="RobustnessOptions.Part"/>) part, decoded at their sample rate
    /// (limited to <see cref="RobustnessOptions.Recordings"/>), and the folder it was read from.</summary>
    /// <exception cref="InvalidDataException">The runs differ in that part or in sample rate.</exception>
    public static (string Folder, IReadOnlyList<RobustnessClip> Clips) TestClips(IReadOnlyList<TrainedRun> runs, RobustnessOptions options,
        ParallelOptions? parallel = null)
    {
        parallel ??= new ParallelOptions();
        var first = runs[0];
        var rate = first.Features.SampleRate;
        var ids = PartIds(first, options.Part);
        foreach (var run in runs.Skip(1))
        {
            if (run.Features.SampleRate != rate)
                throw new InvalidDataException($"{run.Path}: its models run at {run.Features.SampleRate} Hz, those of {first.Path} at {rate} Hz: study runs of one configuration together");
            if (!PartIds(run, options.Part).SequenceEqual(ids))
                throw new InvalidDataException($"{Path.Combine(run.Path, RunFolder.SplitFile)}: its {Name(options.Part)} part differs from that of {first.Path}: the runs must share one split");
        }
        var folder = options.DataFolder is null && Directory.Exists(first.Results.DataFolder)
            ? first.Results.DataFolder
            : DataLocator.FindRecordings(options.DataFolder);
        var byId = RecordingCatalog.Discover(folder).ToDictionary(r => r.Id, StringComparer.Ordinal);
        var missing = ids.Where(id => !byId.ContainsKey(id)).ToList();
        if (missing.Count > 0)
            throw new DatasetException($"{folder}: {missing.Count} {Name(options.Part)} recordings of {first.Path} are missing (e.g. {string.Join(", ", missing.Take(3))}); pass --data");
        var chosen = options.Recordings is { } limit
            ? ids.Select(id => byId[id]).GroupBy(r => r.Digit).SelectMany(g => g.Select((r, i) => (r, i))).OrderBy(x => x.i).ThenBy(x => x.r.Digit)
                .Take(Math.Max(2, limit)).Select(x => x.r).OrderBy(r => r.Id, StringComparer.Ordinal).ToList()
            : ids.Select(id => byId[id]).ToList();
        var clips = new RobustnessClip[chosen.Count];
        Parallel.For(0, chosen.Count, parallel, i =>
        {
            var clip = Resampler.Resample(WavReader.Read(chosen[i].Path), rate);
            clips[i] = new RobustnessClip(chosen[i].Id, chosen[i].Digit, chosen[i].Speaker, clip.Samples);
        });
        return (folder, clips);
    }

    static IReadOnlyList<string> PartIds(TrainedRun run, SplitPart part) =>
        SplitManifest.Load(Path.Combine(run.Path, RunFolder.SplitFile)).Ids(part).Order(StringComparer.Ordinal).ToList();

    /// <summary>"test" or "validation".</summary>
    public static string Name(SplitPart part) => part.ToString().ToLowerInvariant();
}
