using System.Text;

namespace SpokenDigits.Evaluation.Robustness;

/// <summary>A seed for one corrupted recording from the study's seed, the condition and the recording: the same
/// for every model, run, process and machine (FNV-1a over the UTF-8 text; <see cref="string.GetHashCode()"/> changes per process).</summary>
public static class StableSeed
{
    public static int Of(int seed, string condition, string recording)
    {
        uint hash = 2166136261;
        foreach (var b in Encoding.UTF8.GetBytes($"{seed}|{condition}|{recording}"))
            hash = (hash ^ b) * 16777619;
        return (int)(hash & 0x7fffffff);
    }
}
