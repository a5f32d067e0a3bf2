using System.Numerics;
using System.Runtime.InteropServices;

namespace SpokenDigits.Audio;

/// <summary>
/// Windowed-sinc (Kaiser) low-pass filters for one rate pair, one filter per output phase.
/// The output sample <c>m</c> sits at input time <c>m · from / to = n₀ + p / L</c> (L = to / gcd);
/// phase <c>p</c>'s filter holds the kernel sampled at the input samples around that time.
/// </summary>
internal sealed class PolyphaseFilterBank
{
    /// <summary>Stop-band attenuation the filters are designed for.</summary>
    public const double AttenuationDb = 60;

    /// <summary>Pass band ends at this fraction of the lower rate; the stop band starts at its Nyquist (0.5).</summary>
    public const double PassBandEdge = 0.4;

    /// <summary>More phases than this are quantised to the nearest of this many (error &lt; 1/8192 sample).</summary>
    private const int MaxPhases = 4096;

    private readonly float[] _coefficients; // phase-major: [phase * Taps + k]

    public PolyphaseFilterBank(int fromRate, int toRate)
    {
        int gcd = (int)BigInteger.GreatestCommonDivisor(fromRate, toRate);
        Up = toRate / gcd;
        Down = fromRate / gcd;
        Phases = Math.Min(Up, MaxPhases);

        double lower = Math.Min(fromRate, toRate);
        double transition = (0.5 - PassBandEdge) * lower / fromRate;          // cycles per input sample
        double cutoff = (PassBandEdge + 0.5) / 2 * lower / fromRate;          // -6 dB point, cycles per input sample
        HalfWidth = Math.Max(2, (KaiserWindow.Length(AttenuationDb, transition) + 1) / 2);
        Taps = 2 * HalfWidth;
        double beta = KaiserWindow.Beta(AttenuationDb);

        _coefficients = new float[Phases * Taps];
        for (int phase = 0; phase < Phases; phase++)
        {
            double fraction = (double)phase / Phases;
            Span<float> filter = _coefficients.AsSpan(phase * Taps, Taps);
            double sum = 0;
            var values = new double[Taps];
            for (int k = 0; k < Taps; k++)
            {
                double tau = k - (HalfWidth - 1) - fraction; // input sample offset from the output time
                double value = 2 * cutoff * Sinc(2 * cutoff * tau) * KaiserWindow.Value(tau / HalfWidth, beta);
                values[k] = value;
                sum += value;
            }

            for (int k = 0; k < Taps; k++)
                filter[k] = (float)(values[k] / sum); // unit gain at DC for every phase
        }
    }

    /// <summary>Interpolation factor L = to / gcd(from, to).</summary>
    public int Up { get; }

    /// <summary>Decimation factor M = from / gcd(from, to).</summary>
    public int Down { get; }

    /// <summary>Number of stored phases (L, or <see cref="MaxPhases"/> when L is larger).</summary>
    public int Phases { get; }

    /// <summary>Taps on each side of the output time, in input samples.</summary>
    public int HalfWidth { get; }

    /// <summary>Taps per phase (2 × <see cref="HalfWidth"/>).</summary>
    public int Taps { get; }

    /// <summary>Filters <paramref name="input"/> into <paramref name="outputLength"/> output samples.</summary>
    public float[] Apply(float[] input, int outputLength)
    {
        // zero padding on both sides so the inner loop needs no bounds checks
        int pad = HalfWidth + 2;
        var padded = new float[input.Length + 2 * pad];
        input.CopyTo(padded, pad);

        var output = new float[outputLength];
        for (int m = 0; m < outputLength; m++)
        {
            long position = (long)m * Down;
            long n0 = position / Up;
            long remainder = position % Up;
            int phase = (int)(Phases == Up ? remainder : Math.Round(remainder * (double)Phases / Up));
            if (phase == Phases)
            {
                phase = 0;
                n0++;
            }

            int start = (int)(n0 - (HalfWidth - 1) + pad);
            output[m] = Dot(padded.AsSpan(start, Taps), _coefficients.AsSpan(phase * Taps, Taps));
        }

        return output;
    }

    private static float Dot(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        int i = 0;
        var accumulator = Vector<float>.Zero;
        if (Vector.IsHardwareAccelerated && a.Length >= Vector<float>.Count)
        {
            ReadOnlySpan<Vector<float>> va = MemoryMarshal.Cast<float, Vector<float>>(a);
            ReadOnlySpan<Vector<float>> vb = MemoryMarshal.Cast<float, Vector<float>>(b);
            for (int v = 0; v < va.Length; v++)
                accumulator += va[v] * vb[v];
            i = va.Length * Vector<float>.Count;
        }

        float sum = Vector.Sum(accumulator);
        for (; i < a.Length; i++)
            sum += a[i] * b[i];
        return sum;
    }

    private static double Sinc(double x) => x == 0 ? 1 : Math.Sin(Math.PI * x) / (Math.PI * x);
}
