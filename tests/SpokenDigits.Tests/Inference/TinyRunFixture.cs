using SpokenDigits.Models;
using SpokenDigits.Training;
using SpokenDigits.Experiments;
using SpokenDigits.Runs;

namespace SpokenDigits.Tests.Inference;

/// <summary>One tiny real run of all three models (FSDD takes 0–5, one epoch), trained once for every
/// inference test and deleted afterwards.</summary>
public sealed class TinyRunFixture : IDisposable
{
    public TinyRunFixture()
    {
        Root = Path.Combine(Path.GetTempPath(), "sd-inference-" + Guid.NewGuid().ToString("N"));
        Folder = new RunFolder(Path.Combine(Root, "tiny"));
        Options = new ExperimentOptions(
            Models: ModelCatalog.All,
            Training: new TrainingSettings(Epochs: 1, Seed: 3),
            Subset: 6);   // official split: takes 0–4 test (300), take 5 train/validation (60)
        Results = new Experiment(Options, new TrainingProgress(_output)).Run("inference tests", Folder);
    }

    private readonly StringWriter _output = new();

    /// <summary>What the training printed (the lines the CLI and the notebooks show).</summary>
    public string TrainingOutput => _output.ToString();

    /// <summary>What the run was trained with (per-utterance normalisation).</summary>
    public ExperimentOptions Options { get; }
    public string Root { get; }
    public RunFolder Folder { get; }
    public RunResults Results { get; }

    /// <summary>A copy of the run folder to damage, under <see cref="Root"/>.</summary>
    public string CopyRun()
    {
        var target = Path.Combine(Root, "copy-" + Guid.NewGuid().ToString("N")[..8]);
        foreach (var file in Directory.EnumerateFiles(Folder.Path, "*", SearchOption.AllDirectories))
        {
            var destination = Path.Combine(target, Path.GetRelativePath(Folder.Path, file));
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(file, destination);
        }
        return target;
    }

    public void Dispose()
    {
        if (Directory.Exists(Root)) Directory.Delete(Root, recursive: true);
    }
}
