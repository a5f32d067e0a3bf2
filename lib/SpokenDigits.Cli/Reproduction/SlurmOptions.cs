namespace SpokenDigits.Cli.Reproduction;

/// <summary>The usual sbatch knobs, passed through as given (null: the cluster's default).</summary>
/// <param name="MaxRunning">At most this many array tasks at once (<c>--array=0-N%K</c>); null: no limit.</param>
public sealed record SlurmOptions(string? Partition, string? Time, int CpusPerTask, string? Account, int? MaxRunning, bool Wait)
{
    /// <summary>The sbatch options every job of the plan gets.</summary>
    public IEnumerable<string> Common()
    {
        if (Partition is not null) yield return $"--partition={Partition}";
        if (Time is not null) yield return $"--time={Time}";
        if (Account is not null) yield return $"--account={Account}";
    }
}
