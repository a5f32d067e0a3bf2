using System.Numerics;

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
    public static float[] Apply(ReadOnlySpan<float> signal, ReadOnlySpan<float> response)
    {
        var output = new float[signal.Length];
        for (int i = 0; i < signal.Length; i++)
        {
            var x = signal[i];
            if (x == 0) continue;
            var end = Math.Min(response.Length, signal.Length - i);
            AddScaled(output.AsSpan(i, end), response[..end], x);
        }
        double before = SignalLevel.Rms(signal), after = SignalLevel.Rms(output);
        if (after > 0)
            for (int i = 0; i < output.Length; i++) output[i] = (float)(output[i] * before / after);
        return output;
    }

    /// <summary>target[k] += x · source[k], in SIMD blocks (each element gets exactly the scalar loop's float operations,
    /// so the result does not depend on the vector width).</summary>
    static void AddScaled(Span<float> target, ReadOnlySpan<float> source, float x)
    {
        int k = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var scale = new Vector<float>(x);
            for (; k <= target.Length - Vector<float>.Count; k += Vector<float>.Count)
                (new Vector<float>(target[k..]) + scale * new Vector<float>(source[k..])).CopyTo(target[k..]);
        }
        for (; k < target.Length; k++) target[k] += x * source[k];
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
