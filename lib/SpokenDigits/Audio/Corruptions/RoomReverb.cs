using TorchSharp;

namespace SpokenDigits.Audio.Corruptions;

/// <summary>Synthetic room reverberation: an impulse response of exponentially decaying Gaussian noise with a given
/// RT60 (the time the energy takes to fall by 60 dB) after a unit direct path, convolved with the signal and
/// rescaled to the signal's RMS.</summary>
public static class RoomReverb
{
    /// <summary>An impulse response <paramref name="rt60Seconds"/> long in RT60 terms, 1.2·RT60 long in samples.</summary>
    public static float[] ImpulseResponse(double rt60Seconds, int sampleRate, Random random)
    {
        if (!(rt60Seconds > 0)) throw new ArgumentException($"reverb: RT60 must be positive (got {rt60Seconds})");
        var length = Math.Max(2, (int)(1.2 * rt60Seconds * sampleRate));
        var decay = 3 * Math.Log(10) / (rt60Seconds * sampleRate);           // amplitude e^(−decay·n): energy −60 dB at RT60
        var response = new float[length];
        response[0] = 1;
        for (int n = 1; n < length; n++) response[n] = (float)(0.3 * SignalLevel.Gaussian(random) * Math.Exp(-decay * n));
        return response;
    }

    /// <summary>The signal convolved with <paramref name="response"/>, cut to its length and scaled back to its RMS.</summary>
    public static float[] Apply(ReadOnlySpan<float> signal, ReadOnlySpan<float> response) =>
        Apply([signal.ToArray()], [response.ToArray()])[0];

    /// <summary>Each signal convolved with its own response, cut to its length and scaled back to its RMS. The convolutions
    /// run together through torch's real FFT (zero-padded to a power of two, so they are linear, not circular): a batch of
    /// 1 s clips with responses up to 1 s costs about as much as one.</summary>
    public static float[][] Apply(IReadOnlyList<float[]> signals, IReadOnlyList<float[]> responses)
    {
        if (signals.Count != responses.Count) throw new ArgumentException($"reverb: {signals.Count} signals but {responses.Count} responses");
        if (signals.Count == 0) return [];
        if (responses.Any(r => r.Length == 0)) throw new ArgumentException("reverb: an impulse response is empty");
        var outputs = Convolve(signals, responses);
        for (int r = 0; r < outputs.Length; r++)
        {
            double before = SignalLevel.Rms(signals[r]), after = SignalLevel.Rms(outputs[r]);
            if (after > 0)
                for (int i = 0; i < outputs[r].Length; i++) outputs[r][i] = (float)(outputs[r][i] * before / after);
        }
        return outputs;
    }

    /// <summary>The first signal.Length samples of signal * response (linear convolution) for each pair.</summary>
    static float[][] Convolve(IReadOnlyList<float[]> signals, IReadOnlyList<float[]> responses)
    {
        using var scope = torch.NewDisposeScope();
        int rows = signals.Count, longest = signals.Max(s => s.Length), longestResponse = responses.Max(h => h.Length);
        long size = 1;
        while (size < longest + longestResponse - 1) size <<= 1;
        var x = torch.tensor(Padded(signals, longest), new long[] { rows, longest });               // (B, N)
        var h = torch.tensor(Padded(responses, longestResponse), new long[] { rows, longestResponse }); // (B, L)
        var spectrum = torch.fft.rfft(x, size, dim: 1) * torch.fft.rfft(h, size, dim: 1);       // (B, size/2 + 1), complex
        var y = torch.fft.irfft(spectrum, size, dim: 1).narrow(1, 0, longest).contiguous();     // (B, N)
        var flat = y.data<float>().ToArray();
        return signals.Select((s, r) => flat.AsSpan(r * longest, s.Length).ToArray()).ToArray();
    }

    static float[] Padded(IReadOnlyList<float[]> rows, int length)
    {
        var flat = new float[rows.Count * length];
        for (int r = 0; r < rows.Count; r++) rows[r].CopyTo(flat, r * length);
        return flat;
    }

    /// <summary>RT60 of an impulse response by Schroeder backward integration: the slope of the energy decay
    /// curve between −5 and −25 dB (T20), extrapolated to 60 dB.</summary>
    public static double EstimateRt60(ReadOnlySpan<float> response, int sampleRate)
    {
        var curve = new double[response.Length];
        double sum = 0;
        for (int n = response.Length - 1; n >= 0; n--) curve[n] = sum += (double)response[n] * response[n];
        int start = -1, end = -1;
        for (int n = 0; n < curve.Length; n++)
        {
            var db = 10 * Math.Log10(curve[n] / curve[0]);
            if (start < 0 && db <= -5) start = n;
            if (db <= -25) { end = n; break; }
        }
        if (start < 0 || end <= start) throw new ArgumentException("reverb: the response does not decay by 25 dB");
        // least-squares slope of the decay curve in dB per sample over [start, end]
        double sx = 0, sy = 0, sxx = 0, sxy = 0; int count = end - start + 1;
        for (int n = start; n <= end; n++)
        {
            var y = 10 * Math.Log10(curve[n] / curve[0]);
            sx += n; sy += y; sxx += (double)n * n; sxy += n * y;
        }
        var slope = (count * sxy - sx * sy) / (count * sxx - sx * sx);
        return -60 / slope / sampleRate;
    }
}
