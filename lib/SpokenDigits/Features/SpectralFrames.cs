namespace SpokenDigits.Features;

/// <summary>Hann-windowed power spectra of a signal's frames, restricted to a frequency band: what
/// <see cref="SpeechDetector"/> measures. The band's bins are computed by a direct DFT (a few dozen bins
/// per frame), so no FFT size constrains the frame length.</summary>
internal sealed class SpectralFrames
{
    readonly double[][] _power;   // [frame][band bin]
    readonly double _fullScale;   // band power of a full-scale sine: 0 dBFS

    SpectralFrames(double[][] power, int hop, int length, double fullScale)
    {
        _power = power;
        Hop = hop;
        FrameLength = length;
        _fullScale = fullScale;
    }

    public int Count => _power.Length;
    public int Hop { get; }
    public int FrameLength { get; }
    public int Centre(int frame) => frame * Hop + FrameLength / 2;
    public double Energy(int frame) => _power[frame].Sum();
    public double Dbfs(int frame) => 10 * Math.Log10(Math.Max(Energy(frame), 1e-30) / _fullScale);

    /// <summary>Frames start every hop and cover the input; an input shorter than a frame gives one zero-padded frame.</summary>
    public static SpectralFrames Compute(ReadOnlySpan<float> samples, int sampleRate, EndpointSettings settings)
    {
        int length = Math.Max(2, (int)Math.Round(sampleRate * settings.FrameMs / 1000));
        int hop = Math.Max(1, (int)Math.Round(sampleRate * settings.HopMs / 1000));
        if (samples.Length == 0) return new SpectralFrames(Array.Empty<double[]>(), hop, length, 1);
        int count = samples.Length <= length ? 1 : 1 + (samples.Length - length + hop - 1) / hop;

        double binHz = (double)sampleRate / length;
        int low = Math.Max(1, (int)Math.Ceiling(settings.LowHz / binHz));
        int high = Math.Min(length / 2, (int)Math.Floor(Math.Min(settings.HighHz, sampleRate / 2.0) / binHz));
        if (high < low) high = low;
        int bins = high - low + 1;

        var window = new double[length];
        double windowSum = 0;
        for (int i = 0; i < length; i++) { window[i] = 0.5 - 0.5 * Math.Cos(2 * Math.PI * i / length); windowSum += window[i]; }
        var cos = new double[bins * length];
        var sin = new double[bins * length];
        for (int b = 0; b < bins; b++)
            for (int i = 0; i < length; i++)
            {
                double phase = 2 * Math.PI * ((long)(low + b) * i % length) / length;
                cos[b * length + i] = Math.Cos(phase) * window[i];
                sin[b * length + i] = Math.Sin(phase) * window[i];
            }

        var power = new double[count][];
        var frame = new double[length];
        for (int f = 0; f < count; f++)
        {
            int start = f * hop;
            for (int i = 0; i < length; i++) frame[i] = start + i < samples.Length ? samples[start + i] : 0;
            var p = power[f] = new double[bins];
            for (int b = 0; b < bins; b++)
            {
                double re = 0, im = 0;
                int offset = b * length;
                for (int i = 0; i < length; i++) { re += frame[i] * cos[offset + i]; im += frame[i] * sin[offset + i]; }
                p[b] = re * re + im * im;
            }
        }
        return new SpectralFrames(power, hop, length, windowSum * windowSum / 4);
    }

    /// <summary>Mean band spectrum of the quietest frames (those at or below <paramref name="percentile"/> of
    /// band energy, at least one), floored so that ratios stay finite.</summary>
    public double[] FloorSpectrum(double percentile)
    {
        int take = Math.Max(1, (int)Math.Ceiling(Count * percentile / 100));
        var quietest = Enumerable.Range(0, Count).OrderBy(Energy).ThenBy(f => f).Take(take).ToList();
        int bins = _power[0].Length;
        var floor = new double[bins];
        foreach (var f in quietest)
            for (int b = 0; b < bins; b++) floor[b] += _power[f][b] / take;
        double tiny = _fullScale * 1e-12;
        for (int b = 0; b < bins; b++) floor[b] = Math.Max(floor[b], tiny);
        return floor;
    }

    /// <summary>Spectral flatness (geometric over arithmetic mean, 0–1) of <paramref name="frame"/>'s spectrum divided
    /// by <paramref name="floor"/>: near 0.56 for steady noise of any colour, low for harmonic (voiced) sound.</summary>
    public double RelativeFlatness(int frame, double[] floor)
    {
        var p = _power[frame];
        double logSum = 0, sum = 0;
        for (int b = 0; b < p.Length; b++)
        {
            double r = Math.Max(p[b] / floor[b], 1e-30);
            logSum += Math.Log(r);
            sum += r;
        }
        return Math.Exp(logSum / p.Length) / (sum / p.Length);
    }
}
