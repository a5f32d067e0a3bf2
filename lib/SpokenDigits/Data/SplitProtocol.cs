namespace SpokenDigits.Data;

/// <summary>Which split a run uses, as written on the command line: <c>official</c>,
/// <c>stratified</c> or <c>speakers:NAME[,NAME…]</c> (those speakers held out as the test part).</summary>
public sealed record SplitProtocol(string Kind, IReadOnlyList<string> TestSpeakers, double TestFraction = 0.1)
{
    public static SplitProtocol Official { get; } = new("official", Array.Empty<string>());

    public static SplitProtocol Parse(string text)
    {
        var t = text.Trim();
        if (t.Equals("official", StringComparison.OrdinalIgnoreCase)) return Official;
        if (t.Equals("stratified", StringComparison.OrdinalIgnoreCase)) return new("stratified", Array.Empty<string>());
        if (t.StartsWith("speakers:", StringComparison.OrdinalIgnoreCase))
        {
            var names = t["speakers:".Length..].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (names.Length == 0) throw new ArgumentException("speakers: needs at least one speaker name, e.g. speakers:theo");
            return new("speakers", names);
        }
        throw new ArgumentException($"unknown split '{text}': use official, stratified or speakers:NAME[,NAME...]");
    }

    /// <summary>Makes the split of <paramref name="recordings"/>; deterministic in <paramref name="seed"/>.</summary>
    public DatasetSplit Apply(IReadOnlyList<Recording> recordings, double validationFraction, int seed) => Kind switch
    {
        "official" => Splits.Official(recordings, validationFraction, seed),
        "stratified" => Splits.Stratified(recordings, TestFraction, validationFraction, seed),
        "speakers" => Splits.SpeakersOut(recordings, TestSpeakers.ToArray(), validationFraction, seed),
        _ => throw new ArgumentException($"unknown split kind '{Kind}'"),
    };

    public override string ToString() => Kind == "speakers" ? "speakers:" + string.Join(',', TestSpeakers) : Kind;
}
