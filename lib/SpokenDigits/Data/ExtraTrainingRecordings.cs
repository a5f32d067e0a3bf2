namespace SpokenDigits.Data;

/// <summary>Recordings added to a split's training part only (e.g. synthetic voices from
/// <see cref="Synthetic.SyntheticCorpus"/>): validation and test stay as the split made them, so every number is still
/// measured on the corpus's own recordings.</summary>
public static class ExtraTrainingRecordings
{
    /// <summary>The split with every recording of <paramref name="folder"/> (FSDD layout; with <paramref name="maxTake"/>,
    /// only takes below it) appended to its training part.</summary>
    /// <exception cref="DatasetException">The folder is missing or empty, or one of its speakers also speaks in the split.</exception>
    public static (DatasetSplit Split, int Added) AddTo(DatasetSplit split, string folder, int? maxTake = null)
    {
        var extra = RecordingCatalog.Discover(folder, DatasetLayout.Fsdd).Where(r => maxTake is null || r.Take < maxTake).ToList();
        var speakers = split.Train.Concat(split.Validation).Concat(split.Test).Select(r => r.Speaker).ToHashSet(StringComparer.Ordinal);
        if (extra.FirstOrDefault(r => speakers.Contains(r.Speaker)) is { } clash)
            throw new DatasetException($"extra training recordings in '{Path.GetFullPath(folder)}': speaker '{clash.Speaker}' ({clash.Path}) " +
                "also speaks in the corpus; extra speakers must be new ones, or they would leak into validation and test");
        return (split with { Train = [.. split.Train, .. extra] }, extra.Count);
    }
}
