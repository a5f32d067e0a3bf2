namespace SpokenDigits.Data;

/// <summary>
/// Ways to partition recordings into train/validation/test. Every split is deterministic for a seed
/// (<c>new Random(seed)</c>), no recording lands in two parts, the parts together are the input, and each part
/// is sorted by <see cref="Recording.Id"/> (ordinal). Validation is always drawn stratified by digit and spread
/// evenly across speakers. A fraction of 0 gives an empty validation part; otherwise an empty part is an error.
/// </summary>
public static class Splits
{
    /// <summary>Number of takes per speaker and digit that FSDD's official protocol puts in the test set (takes 0–4).</summary>
    public const int OfficialTestTakes = 5;

    /// <summary>
    /// FSDD's official split: takes 0–4 are test, the rest train; <paramref name="validationFraction"/> of the
    /// train recordings (per digit) become validation. Protocol "official".
    /// </summary>
    public static DatasetSplit Official(IReadOnlyList<Recording> all, double validationFraction, int seed)
    {
        CheckInput(all);
        CheckFraction(validationFraction, nameof(validationFraction));
        List<Recording> test = all.Where(r => r.Take < OfficialTestTakes).ToList();
        var (validation, train) = StratifiedSampler.Take(all.Where(r => r.Take >= OfficialTestTakes), validationFraction, new Random(seed));
        return Build("official", seed, train, validation, test, validationFraction);
    }

    /// <summary>
    /// Stratified split: per digit, <paramref name="testFraction"/> of the recordings go to test and
    /// <paramref name="validationFraction"/> to validation (both fractions of the whole), the rest to train.
    /// Protocol "stratified".
    /// </summary>
    public static DatasetSplit Stratified(IReadOnlyList<Recording> all, double testFraction, double validationFraction, int seed)
    {
        CheckInput(all);
        CheckFraction(testFraction, nameof(testFraction));
        CheckFraction(validationFraction, nameof(validationFraction));
        if (testFraction <= 0)
            throw new DatasetException($"A stratified split needs a test fraction above 0 (got {testFraction}).");
        if (testFraction + validationFraction >= 1)
            throw new DatasetException($"Test fraction {testFraction} plus validation fraction {validationFraction} leave nothing to train on.");

        var random = new Random(seed);
        var (test, rest) = StratifiedSampler.Take(all, testFraction, random);
        double ofRest = validationFraction / (1 - testFraction);
        var (validation, train) = StratifiedSampler.Take(rest, ofRest, random);
        return Build("stratified", seed, train, validation, test, validationFraction);
    }

    /// <summary>
    /// Holds out whole speakers as test; validation is <paramref name="validationFraction"/> of the remaining
    /// speakers' recordings (per digit). Protocol <c>speakers-out:a+b</c> (names sorted ordinally).
    /// </summary>
    /// <exception cref="DatasetException">A test speaker is unknown, or no speaker is left for training.</exception>
    public static DatasetSplit SpeakersOut(IReadOnlyList<Recording> all, IReadOnlyCollection<string> testSpeakers, double validationFraction, int seed)
    {
        CheckInput(all);
        ArgumentNullException.ThrowIfNull(testSpeakers);
        CheckFraction(validationFraction, nameof(validationFraction));
        var held = new SortedSet<string>(testSpeakers, StringComparer.Ordinal);
        if (held.Count == 0)
            throw new DatasetException("A speakers-out split needs at least one test speaker.");

        var known = new SortedSet<string>(all.Select(r => r.Speaker), StringComparer.Ordinal);
        string[] unknown = held.Where(s => !known.Contains(s)).ToArray();
        if (unknown.Length > 0)
            throw new DatasetException($"Unknown speaker(s) {string.Join(", ", unknown)}; the recordings have: {string.Join(", ", known)}.");
        if (held.Count == known.Count)
            throw new DatasetException($"Holding out every speaker ({string.Join(", ", known)}) leaves nothing to train on.");

        List<Recording> test = all.Where(r => held.Contains(r.Speaker)).ToList();
        var (validation, train) = StratifiedSampler.Take(all.Where(r => !held.Contains(r.Speaker)), validationFraction, new Random(seed));
        return Build($"speakers-out:{string.Join('+', held)}", seed, train, validation, test, validationFraction);
    }

    /// <summary>One <see cref="SpeakersOut"/> split per speaker, in ordinal speaker order.</summary>
    public static IReadOnlyList<DatasetSplit> LeaveOneSpeakerOut(IReadOnlyList<Recording> all, double validationFraction, int seed)
    {
        CheckInput(all);
        return all.Select(r => r.Speaker)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .Select(speaker => SpeakersOut(all, [speaker], validationFraction, seed))
            .ToList();
    }

    private static DatasetSplit Build(string protocol, int seed, List<Recording> train, List<Recording> validation, List<Recording> test, double validationFraction)
    {
        if (train.Count == 0)
            throw new DatasetException($"Split '{protocol}' would leave the train part empty.");
        if (test.Count == 0)
            throw new DatasetException($"Split '{protocol}' would leave the test part empty.");
        if (validation.Count == 0 && validationFraction > 0)
            throw new DatasetException($"Split '{protocol}' would leave the validation part empty (validation fraction {validationFraction} is too small for {train.Count} recordings; use 0 for no validation).");
        return new DatasetSplit(protocol, seed, ById(train), ById(validation), ById(test));
    }

    private static IReadOnlyList<Recording> ById(List<Recording> part)
        => part.OrderBy(r => r.Id, StringComparer.Ordinal).ThenBy(r => r.Path, StringComparer.Ordinal).ToArray();

    private static void CheckInput(IReadOnlyList<Recording> all)
    {
        ArgumentNullException.ThrowIfNull(all);
        if (all.Count == 0)
            throw new DatasetException("Cannot split an empty list of recordings.");
        string? duplicate = all.GroupBy(r => r.Id, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1)?.Key;
        if (duplicate is not null)
            throw new DatasetException($"Recording id '{duplicate}' occurs more than once; ids must be unique to split.");
    }

    private static void CheckFraction(double fraction, string name)
    {
        if (!(fraction >= 0 && fraction < 1))
            throw new DatasetException($"{name} must be in [0, 1), got {fraction}.");
    }
}
