namespace SpokenDigits.Data;

/// <summary>
/// Draws a fraction of recordings per digit, spread evenly across speakers: within each digit the speakers are
/// visited round-robin (in a shuffled order), each giving its next shuffled recording, until the digit's quota
/// <c>round(fraction × count)</c> is met. Deterministic for a given <see cref="Random"/> state and input order.
/// </summary>
internal static class StratifiedSampler
{
    public static (List<Recording> Taken, List<Recording> Remaining) Take(IEnumerable<Recording> recordings, double fraction, Random random)
    {
        var taken = new List<Recording>();
        var rest = new List<Recording>();
        var byDigit = recordings.OrderBy(r => r, RecordingOrder.Instance).GroupBy(r => r.Digit).OrderBy(g => g.Key);

        foreach (IGrouping<int, Recording> digit in byDigit)
        {
            List<Recording> all = digit.ToList();
            int quota = (int)Math.Round(fraction * all.Count, MidpointRounding.AwayFromZero);

            List<Queue<Recording>> speakers = all
                .GroupBy(r => r.Speaker, StringComparer.Ordinal)
                .OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => new Queue<Recording>(Shuffled(g.ToList(), random)))
                .ToList();
            speakers = Shuffled(speakers, random);

            var picked = new HashSet<Recording>(ReferenceEqualityComparer.Instance);
            while (picked.Count < quota)
            {
                foreach (Queue<Recording> queue in speakers)
                {
                    if (picked.Count == quota)
                        break;
                    if (queue.Count > 0)
                        picked.Add(queue.Dequeue());
                }
            }

            foreach (Recording r in all)
                (picked.Contains(r) ? taken : rest).Add(r);
        }

        return (taken, rest);
    }

    /// <summary>Fisher–Yates shuffle of a copy, driven by <paramref name="random"/>.</summary>
    public static List<T> Shuffled<T>(List<T> items, Random random)
    {
        var copy = new List<T>(items);
        for (int i = copy.Count - 1; i > 0; i--)
        {
            int j = random.Next(i + 1);
            (copy[i], copy[j]) = (copy[j], copy[i]);
        }

        return copy;
    }
}
