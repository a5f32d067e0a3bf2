namespace SpokenDigits.Data;

/// <summary>A train/validation/test partition of recordings; no recording sits in two parts.</summary>
/// <param name="Protocol">How it was made, e.g. "official", "stratified", "speakers-out:theo".</param>
public sealed record DatasetSplit(
    string Protocol,
    int Seed,
    IReadOnlyList<Recording> Train,
    IReadOnlyList<Recording> Validation,
    IReadOnlyList<Recording> Test);
