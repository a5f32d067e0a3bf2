using System.Text.Json;
using SpokenDigits.Training;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace SpokenDigits.Runs;

/// <summary>One model's training checkpoint after each epoch: model weights, optimizer state, the
/// best-so-far weights, the random generator state and the history. Only the newest is kept;
/// each is written to a temporary folder and renamed into place, so a run killed at any moment
/// resumes from the last complete epoch and ends exactly as an uninterrupted run would.</summary>
public sealed class CheckpointStore : ITrainingCheckpoints
{
    const string Current = "latest";
    readonly string _folder;

    public CheckpointStore(string folder) { _folder = Path.GetFullPath(folder); }

    public string Folder => _folder;
    string LatestFolder => Path.Combine(_folder, Current);

    public void Save(CheckpointState state, Module model, OptimizerHelper optimizer, ModelWeights best)
    {
        Directory.CreateDirectory(_folder);
        var staging = Path.Combine(_folder, $".epoch-{state.Epoch}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(staging);
        model.save(Path.Combine(staging, "model.dat"));
        optimizer.save_state_dict(Path.Combine(staging, "optimizer.dat"));
        using (var current = ModelWeights.Capture(model))
        {
            best.RestoreInto(model);
            model.save(Path.Combine(staging, "best.dat"));
            current.RestoreInto(model);
        }
        using (var rng = torch.get_rng_state()) rng.save(Path.Combine(staging, "rng.dat"));
        File.WriteAllText(Path.Combine(staging, "state.json"), ResultsJson.Serialize(state));

        var previous = LatestFolder + ".old";
        if (Directory.Exists(previous)) Directory.Delete(previous, recursive: true);
        if (Directory.Exists(LatestFolder)) Directory.Move(LatestFolder, previous);
        Directory.Move(staging, LatestFolder);
        if (Directory.Exists(previous)) Directory.Delete(previous, recursive: true);
    }

    /// <summary>Restores the newest checkpoint into <paramref name="model"/> and
    /// <paramref name="optimizer"/>; returns its state and the best weights, or null when there is none.</summary>
    public (CheckpointState State, ModelWeights Best)? Restore(Module model, OptimizerHelper optimizer)
    {
        var folder = Directory.Exists(LatestFolder) ? LatestFolder
                   : Directory.Exists(LatestFolder + ".old") ? LatestFolder + ".old" : null;
        if (folder is null) return null;
        try
        {
            var state = JsonSerializer.Deserialize<CheckpointState>(File.ReadAllText(Path.Combine(folder, "state.json")), ResultsJson.Options)
                        ?? throw new InvalidDataException("empty state");
            model.load(Path.Combine(folder, "best.dat"));
            var best = ModelWeights.Capture(model);
            model.load(Path.Combine(folder, "model.dat"));
            optimizer.load_state_dict(Path.Combine(folder, "optimizer.dat"));
            using var rng = Tensor.load(Path.Combine(folder, "rng.dat"));
            torch.set_rng_state(rng);
            return (state, best);
        }
        catch (Exception e) when (e is IOException or JsonException or InvalidDataException or ArgumentException)
        {
            throw new InvalidDataException($"{folder}: the checkpoint cannot be read ({e.Message}); delete it to start this model afresh.", e);
        }
    }

    /// <summary>Removes this model's checkpoints, and the checkpoints folder once it is empty.</summary>
    public void Delete()
    {
        if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
        var parent = Path.GetDirectoryName(_folder);
        if (parent is not null && Directory.Exists(parent) && !Directory.EnumerateFileSystemEntries(parent).Any())
            Directory.Delete(parent);
    }
}
