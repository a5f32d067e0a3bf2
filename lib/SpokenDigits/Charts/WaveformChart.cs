using System.Text.Json.Nodes;
using static SpokenDigits.Charts.PlotlyFigure;

namespace SpokenDigits.Charts;

/// <summary>A waveform against time in seconds, downsampled so figures stay small.</summary>
public static class WaveformChart
{
    public const int DefaultMaxPoints = 2000;

    /// <summary>
    /// Line plot of <paramref name="samples"/> with time (s) on x. Longer signals are reduced with
    /// <see cref="Downsample"/> to at most <paramref name="maxPoints"/> points, keeping the min/max envelope.
    /// </summary>
    public static PlotlyChart For(float[] samples, int sampleRate, string title = "Waveform", int maxPoints = DefaultMaxPoints)
    {
        ArgumentNullException.ThrowIfNull(samples);
        var (seconds, values) = Downsample(samples, sampleRate, maxPoints);
        var line = Trace("scatter",
            ("name", "amplitude"),
            ("mode", "lines"),
            ("x", Rounded(seconds, 5)),
            ("y", Rounded(values.Select(v => (double)v), 4)),
            ("line", Obj(("color", "#1f77b4"), ("width", 1))),
            ("hovertemplate", "%{x:.3f} s: %{y:.3f}<extra></extra>"));
        double duration = sampleRate > 0 ? (double)samples.Length / sampleRate : 0;
        var layout = BaseLayout(title, 300,
            ("showlegend", false),
            ("xaxis", Axis("time (s)", ("range", new[] { 0.0, Math.Max(duration, 1e-3) }))),
            ("yaxis", Axis("amplitude", ("zeroline", true))));
        return Build([line], layout);
    }

    /// <summary>
    /// Reduces a signal to at most <paramref name="maxPoints"/> (time, value) points: signals that fit are
    /// returned whole; longer ones are cut into <c>maxPoints / 2</c> equal buckets and each bucket contributes
    /// its minimum and its maximum sample, in time order, at their own times. The envelope (every bucket's
    /// extremes, hence the global minimum and maximum) is kept exactly.
    /// </summary>
    public static (double[] Seconds, float[] Values) Downsample(float[] samples, int sampleRate, int maxPoints = DefaultMaxPoints)
    {
        ArgumentNullException.ThrowIfNull(samples);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(sampleRate);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxPoints, 2);
        int n = samples.Length;
        if (n <= maxPoints)
            return (Enumerable.Range(0, n).Select(i => (double)i / sampleRate).ToArray(), (float[])samples.Clone());

        int buckets = maxPoints / 2;
        var seconds = new List<double>(2 * buckets);
        var values = new List<float>(2 * buckets);
        for (int b = 0; b < buckets; b++)
        {
            int start = (int)((long)b * n / buckets);
            int end = (int)((long)(b + 1) * n / buckets);
            int iMin = start, iMax = start;
            for (int i = start + 1; i < end; i++)
            {
                if (samples[i] < samples[iMin]) iMin = i;
                if (samples[i] > samples[iMax]) iMax = i;
            }
            int first = Math.Min(iMin, iMax), second = Math.Max(iMin, iMax);
            seconds.Add((double)first / sampleRate);
            values.Add(samples[first]);
            if (second != first)
            {
                seconds.Add((double)second / sampleRate);
                values.Add(samples[second]);
            }
        }
        return (seconds.ToArray(), values.ToArray());
    }
}
