namespace SpokenDigits.Training;

/// <summary>Console progress for long work: one line per epoch with elapsed time and ETA.</summary>
public sealed class TrainingProgress
{
    readonly TextWriter _out;

    public TrainingProgress(TextWriter output) { _out = output; }

    /// <summary>Writes nothing (shared: subscribe to <see cref="EpochEnded"/> on an instance of your own).</summary>
    public static TrainingProgress Silent { get; } = new(TextWriter.Null);

    /// <summary>Raised once per trained epoch with the model's name and the epoch's record, after the epoch is reported
    /// and its checkpoint (in a run folder) is written: a handler that cancels the run there stops it before the next
    /// epoch, and <c>--resume</c> goes on from this one.</summary>
    public event Action<string, EpochRecord>? EpochEnded;

    internal void EndEpoch(string model, EpochRecord record) => EpochEnded?.Invoke(model, record);

    /// <param name="firstEpoch">The epoch this session started at (after a resume), for the ETA.</param>
    public void Epoch(string model, EpochRecord r, int totalEpochs, TimeSpan elapsed, bool isBest, int firstEpoch = 1)
    {
        var eta = TimeSpan.FromSeconds(elapsed.TotalSeconds / (r.Epoch - firstEpoch + 1) * (totalEpochs - r.Epoch));
        _out.WriteLine($"  [{model}] epoch {r.Epoch,3}/{totalEpochs}  loss {r.TrainLoss:F4}  acc {r.TrainAccuracy:P1}  " +
                       $"val loss {r.ValidationLoss:F4}  val acc {r.ValidationAccuracy:P1}{(isBest ? " *" : "  ")}  " +
                       $"{r.Seconds:F1}s  elapsed {Format(elapsed)}  ETA {Format(eta)}");
        _out.Flush();
    }

    public void Line(string text)
    {
        _out.WriteLine(text);
        _out.Flush();
    }

    static string Format(TimeSpan t) => t.TotalHours >= 1 ? t.ToString(@"h\:mm\:ss") : t.ToString(@"m\:ss");
}
