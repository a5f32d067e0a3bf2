namespace SpokenDigits.Data;

/// <summary>A train/validation/test partition of recordings; no recording sits in two parts.</summary>
/// <param name="Protocol">How it was made, e.g. "official", "stratified", "speakers-out:theo".</param>
/// <param name="Seed">The seed it was drawn with.</param>
/// <param name="Train">Training recordings.</param>
/// <param name="Validation">Validation recordings (may be empty).</param>
/// <param name="Test">Test recordings.</param>
public sealed record DatasetSplit(
    string Protocol,
    int Seed,
    IReadOnlyList<Recording> Train,
    IReadOnlyList<Recording> Validation,
    IReadOnlyList<Recording> Test)
{
    /// <summary>The ids of each part, ready to save as JSON.</summary>
    public SplitManifest ToManifest() => SplitManifest.From(this);

    /// <summary>Saves the split's ids as JSON (see <see cref="SplitManifest"/>).</summary>
    public void Save(string path) => ToManifest().Save(path);

    /// <summary>Loads a split saved with <see cref="Save"/>, resolving its ids against <paramref name="all"/>.</summary>
    public static DatasetSplit Load(string path, IReadOnlyList<Recording> all) => SplitManifest.Load(path).Resolve(all);
}
