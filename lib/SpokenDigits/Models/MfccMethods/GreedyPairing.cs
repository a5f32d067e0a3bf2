using static TorchSharp.torch;

namespace SpokenDigits.Models.MfccMethods;

/// <summary>Method C's reduction of a sequence to one vector: compress every adjacent pair, replace the pair with the
/// lowest reconstruction error by its code, and repeat until one vector is left (L − 1 merges). Batched: every
/// sequence of the batch picks its own pair at each level.</summary>
public static class GreedyPairing
{
    /// <param name="sequence">(B, L, C).</param>
    /// <param name="compress">Pairs (B, n − 1, 2C) → codes (B, n − 1, C) and reconstruction errors (B, n − 1).</param>
    /// <param name="detachEachLevel">Cut the gradient between levels (pre-training: each level trains the
    /// autoencoder on the pairs it sees, not through the levels before).</param>
    public static GreedyPairingResult Reduce(Tensor sequence, Func<Tensor, (Tensor Codes, Tensor Errors)> compress, bool detachEachLevel = false)
    {
        long batch = sequence.shape[0], size = sequence.shape[2];
        var merged = new List<long[]>();
        Tensor? errorSum = null;
        var x = sequence;
        for (long n = sequence.shape[1]; n > 1; n--)
        {
            if (detachEachLevel) x = x.detach();
            var pairs = cat(new[] { x.narrow(1, 0, n - 1), x.narrow(1, 1, n - 1) }, 2);   // (B, n−1, 2C)
            var (codes, errors) = compress(pairs);                                         // (B, n−1, C), (B, n−1)
            errorSum = errorSum is null ? errors.mean() : errorSum + errors.mean();
            var best = errors.detach().argmin(1, keepdim: true);                          // (B, 1)
            merged.Add(best.flatten().data<long>().ToArray());
            var positions = arange(n - 1, dtype: ScalarType.Int64).unsqueeze(0);         // (1, n−1)
            var source = positions + positions.gt(best).to_type(ScalarType.Int64);       // (B, n−1): j, or j+1 after the pair
            var kept = x.gather(1, source.unsqueeze(-1).expand(batch, n - 1, size));     // (B, n−1, C)
            var code = codes.gather(1, best.unsqueeze(-1).expand(batch, 1, size));       // (B, 1, C)
            x = where(positions.eq(best).unsqueeze(-1), code, kept);                     // (B, n−1, C)
        }
        return new GreedyPairingResult(x.squeeze(1), errorSum is null ? zeros(1).squeeze() : errorSum / merged.Count, merged);
    }
}

/// <summary>What <see cref="GreedyPairing.Reduce"/> returns: the last vector (B, C), the mean reconstruction error over
/// all candidate pairs of all levels (a scalar), and, per level, the position each sequence merged.</summary>
public sealed record GreedyPairingResult(Tensor Vector, Tensor MeanError, IReadOnlyList<long[]> MergedPositions);
