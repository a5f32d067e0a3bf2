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
    /// <param name="speech">(B, L) booleans, or null for every frame: only these frames (the word's) are reduced, in their
    /// order; the vector is what is left of them.</param>
    public static GreedyPairingResult Reduce(Tensor sequence, Func<Tensor, (Tensor Codes, Tensor Errors)> compress, bool detachEachLevel = false,
        Tensor? speech = null)
    {
        long batch = sequence.shape[0], length = sequence.shape[1], size = sequence.shape[2];
        var x = sequence;
        var words = full(new long[] { batch }, length, dtype: ScalarType.Int64);        // (B,) frames left of each word
        if (speech is not null)
        {
            // the word's frames first, in order; what follows them is never merged
            var order = (speech.logical_not().to_type(ScalarType.Int64) * length + arange(length, dtype: ScalarType.Int64).unsqueeze(0)).argsort(1);   // (B, L)
            x = x.gather(1, order.unsqueeze(-1).expand(batch, length, size));           // (B, L, C)
            words = speech.to_type(ScalarType.Int64).sum(1).clamp_min(1);               // (B,)
        }
        var vector = x.select(1, 0);                                                     // (B, C): a one-frame word is itself
        var merged = new List<long[]>();
        Tensor errorSum = zeros(1).squeeze();
        long mergesCounted = 0;
        for (long n = length; n > 1 && words.max().item<long>() > 1; n--)
        {
            if (detachEachLevel) x = x.detach();
            var pairs = cat(new[] { x.narrow(1, 0, n - 1), x.narrow(1, 1, n - 1) }, 2);   // (B, n−1, 2C)
            var (codes, errors) = compress(pairs);                                         // (B, n−1, C), (B, n−1)
            var positions = arange(n - 1, dtype: ScalarType.Int64).unsqueeze(0);         // (1, n−1)
            var valid = positions.add(1).lt(words.unsqueeze(1));                         // (B, n−1): both frames of the word
            var active = words.gt(1);                                                    // (B,) words still to reduce
            errorSum = errorSum + (errors * valid).sum() / valid.sum().clamp_min(1);
            mergesCounted++;
            var best = where(valid, errors.detach(), full_like(errors, float.PositiveInfinity)).argmin(1, keepdim: true);   // (B, 1)
            best = where(active.unsqueeze(1), best, full_like(best, n - 2));             // a finished word merges its tail
            merged.Add(best.flatten().data<long>().ToArray());
            var source = positions + positions.gt(best).to_type(ScalarType.Int64);       // (B, n−1): j, or j+1 after the pair
            var kept = x.gather(1, source.unsqueeze(-1).expand(batch, n - 1, size));     // (B, n−1, C)
            var code = codes.gather(1, best.unsqueeze(-1).expand(batch, 1, size));       // (B, 1, C)
            x = where(positions.eq(best).unsqueeze(-1), code, kept);                     // (B, n−1, C)
            words = words - active.to_type(ScalarType.Int64);
            vector = where(active.logical_and(words.eq(1)).unsqueeze(1), x.select(1, 0), vector);   // (B, C) when a word is down to one
        }
        return new GreedyPairingResult(vector, mergesCounted == 0 ? errorSum : errorSum / mergesCounted, merged);
    }
}

/// <summary>What <see cref="GreedyPairing.Reduce"/> returns: the last vector (B, C), the mean reconstruction error over
/// all candidate pairs of all levels (a scalar), and, per level, the position each sequence merged.</summary>
public sealed record GreedyPairingResult(Tensor Vector, Tensor MeanError, IReadOnlyList<long[]> MergedPositions);
