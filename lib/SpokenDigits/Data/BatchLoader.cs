using static TorchSharp.torch;

namespace SpokenDigits.Data;

/// <summary>One mini-batch: raw (B, T), spectrograms (B, 1, F, T_spec), labels (B,), and which
/// dataset rows they are. Dispose it when the step is done.</summary>
public sealed record Batch(Tensor Raw, Tensor Spectrograms, Tensor Labels, int[] Indices) : IDisposable
{
    public int Size => Indices.Length;

    public void Dispose()
    {
        Raw.Dispose();
        Spectrograms.Dispose();
        Labels.Dispose();
    }
}

/// <summary>Mini-batches over a <see cref="FusionDataset"/>. The order of epoch e is a shuffle
/// drawn from (seed, e), so a run, or a resumed run, sees the same batches.</summary>
public sealed class BatchLoader
{
    readonly FusionDataset _data;
    readonly int _batchSize;
    readonly bool _shuffle;
    readonly int _seed;

    public BatchLoader(FusionDataset data, int batchSize, bool shuffle, int seed)
    {
        if (batchSize < 1) throw new ArgumentOutOfRangeException(nameof(batchSize), "batch size must be at least 1");
        _data = data;
        _batchSize = batchSize;
        _shuffle = shuffle;
        _seed = seed;
    }

    public int BatchCount => (_data.Count + _batchSize - 1) / _batchSize;

    /// <summary>Row order for epoch <paramref name="epoch"/> (identity when not shuffling).</summary>
    public int[] Order(int epoch)
    {
        var order = Enumerable.Range(0, _data.Count).ToArray();
        if (_shuffle) new Random(unchecked(_seed * 1_000_003 + epoch)).Shuffle(order);
        return order;
    }

    public IEnumerable<Batch> Epoch(int epoch)
    {
        var order = Order(epoch);
        for (int start = 0; start < order.Length; start += _batchSize)
        {
            var indices = order[start..Math.Min(order.Length, start + _batchSize)];
            using var rows = tensor(indices.Select(i => (long)i).ToArray());
            yield return new Batch(
                _data.Raw.index_select(0, rows),           // (B, T)
                _data.Spectrograms.index_select(0, rows),  // (B, 1, F, T_spec)
                _data.Labels.index_select(0, rows),        // (B,)
                indices);
        }
    }
}
