namespace SpokenDigits.Runtime;

/// <summary>How many torch threads a training uses when none are asked for: one per core that no other
/// process is keeping busy, at least one.
///
/// libtorch splits every operation evenly over its OpenMP threads and waits at the end of each for the
/// slowest; idle threads spin before they sleep. When another process holds a core, one of our threads
/// keeps losing it for a scheduler time slice and the rest spin waiting: a spectrogram training step went
/// from 49 ms to 180 ms beside one busy process with two threads on two cores, and to 82 ms with one thread.
/// Making the threads sleep at once instead (<c>OMP_WAIT_POLICY=PASSIVE</c>) halves that collapse but costs
/// 38 % on a quiet machine, so the project keeps libtorch's waiting and gives busy cores up instead.
///
/// The choice is made once, at the start of a run, and saved with its settings: float sums depend on the
/// thread count, so a run is reproduced by passing the same <c>--threads</c>.</summary>
/// <param name="Threads">Threads chosen.</param>
/// <param name="Cores">Cores this process may use.</param>
/// <param name="OtherLoad">Cores' worth of CPU other processes used while we looked; null where unknown.</param>
public sealed record TorchThreads(int Threads, int Cores, double? OtherLoad)
{
    /// <summary>How long the machine is watched before choosing.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromMilliseconds(300);

    /// <summary>Other processes' load from which one core counts as taken.</summary>
    public const double BusyCoreThreshold = 0.5;

    public static TorchThreads Choose() => Choose(Environment.ProcessorCount, CpuLoad.OtherProcesses(Window));

    /// <summary>One thread per core, less one for every <see cref="BusyCoreThreshold"/>-rounded core of other load.</summary>
    public static TorchThreads Choose(int cores, double? otherLoad)
    {
        int taken = otherLoad is { } load ? (int)Math.Floor(load + (1 - BusyCoreThreshold)) : 0;
        return new TorchThreads(Math.Max(1, cores - taken), cores, otherLoad);
    }

    /// <summary>True when busy cores were left out.</summary>
    public bool Reduced => Threads < Cores;

    public override string ToString() => Reduced
        ? $"{Threads} torch thread{(Threads == 1 ? "" : "s")}: other processes keep {OtherLoad:F1} of the {Cores} cores busy (pass --threads {Cores} to use every core anyway)"
        : $"{Threads} torch thread{(Threads == 1 ? "" : "s")}, one per core";
}
