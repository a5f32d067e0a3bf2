using System.Diagnostics;
using SpokenDigits.Audio;

namespace SpokenDigits.Tests.Audio;

public class ResamplerTests
{
    private static float[] Sine(double frequency, int rate, int length, double amplitude = 1.0)
        => Enumerable.Range(0, length).Select(i => (float)(amplitude * Math.Sin(2 * Math.PI * frequency * i / rate))).ToArray();

    /// <summary>Amplitude of the <paramref name="frequency"/> component (Goertzel-style single-bin DFT, Hann-windowed, middle part only).</summary>
    private static double Amplitude(float[] x, double frequency, int rate)
    {
        int start = x.Length / 8, length = x.Length * 3 / 4;
        double re = 0, im = 0, windowSum = 0;
        for (int i = 0; i < length; i++)
        {
            double w = 0.5 - 0.5 * Math.Cos(2 * Math.PI * i / (length - 1));
            double phase = 2 * Math.PI * frequency * (start + i) / rate;
            re += w * x[start + i] * Math.Cos(phase);
            im += w * x[start + i] * Math.Sin(phase);
            windowSum += w;
        }

        return 2 * Math.Sqrt(re * re + im * im) / windowSum;
    }

    private static double PeakFrequency(float[] x, int rate)
    {
        double best = 0, bestAmplitude = -1;
        for (double f = 20; f < rate / 2.0; f += 5)
        {
            double a = Amplitude(x, f, rate);
            if (a > bestAmplitude)
                (best, bestAmplitude) = (f, a);
        }

        return best;
    }

    [Fact]
    public void Downsampling440HzKeepsFrequencyAndAmplitude()
    {
        float[] output = Resampler.Resample(Sine(440, 48000, 48000), 48000, 8000);
        Assert.Equal(8000, output.Length);
        Assert.InRange(PeakFrequency(output, 8000), 435, 445);
        Assert.InRange(Amplitude(output, 440, 8000), 0.98, 1.02);
    }

    [Fact]
    public void SixKilohertzIsRemovedNotAliasedWhenDownsamplingTo8k()
    {
        float[] output = Resampler.Resample(Sine(6000, 48000, 48000), 48000, 8000);
        double alias = Amplitude(output, 2000, 8000);
        double rms = Math.Sqrt(output.Skip(500).Take(7000).Average(s => (double)s * s));
        Assert.True(20 * Math.Log10(alias) < -40, $"alias at 2 kHz is {20 * Math.Log10(alias):F1} dB");
        Assert.True(20 * Math.Log10(rms * Math.Sqrt(2)) < -40, $"residual level is {20 * Math.Log10(rms * Math.Sqrt(2)):F1} dB");
    }

    [Fact]
    public void Upsampling1kHzKeepsFrequency()
    {
        float[] output = Resampler.Resample(Sine(1000, 8000, 8000), 8000, 16000);
        Assert.Equal(16000, output.Length);
        Assert.InRange(PeakFrequency(output, 16000), 995, 1005);
        Assert.InRange(Amplitude(output, 1000, 16000), 0.98, 1.02);
    }

    [Fact]
    public void NonIntegerRatioKeepsFrequency()
    {
        float[] output = Resampler.Resample(Sine(500, 44100, 44100), 44100, 16000);
        Assert.Equal(16000, output.Length);
        Assert.InRange(PeakFrequency(output, 16000), 495, 505);
        Assert.InRange(Amplitude(output, 500, 16000), 0.98, 1.02);
    }

    [Fact]
    public void EqualRatesReturnACopy()
    {
        float[] input = [0.1f, -0.2f, 0.3f];
        float[] output = Resampler.Resample(input, 8000, 8000);
        Assert.Equal(input, output);
        Assert.NotSame(input, output);
    }

    [Theory]
    [InlineData(48000, 48000, 8000, 8000)]
    [InlineData(100, 48000, 8000, 17)]     // 16.67 rounds to 17
    [InlineData(7, 8000, 16000, 14)]
    [InlineData(1000, 44100, 8000, 181)]   // 181.4
    [InlineData(0, 8000, 16000, 0)]
    public void OutputLengthIsRoundedRatio(int n, int from, int to, int expected)
    {
        Assert.Equal(expected, Resampler.OutputLength(n, from, to));
        Assert.Equal(expected, Resampler.Resample(new float[n], from, to).Length);
    }

    [Fact]
    public void DcIsPreserved()
    {
        float[] output = Resampler.Resample(Enumerable.Repeat(0.5f, 4800).ToArray(), 48000, 8000);
        Assert.All(output.Skip(50).Take(700), s => Assert.Equal(0.5f, s, 1e-4f));
    }

    [Fact]
    public void ResamplesManyClipsQuickly()
    {
        float[] clip = Sine(440, 48000, 48000, 0.5);
        Resampler.Resample(clip, 48000, 8000); // builds the filter bank
        var watch = Stopwatch.StartNew();
        for (int i = 0; i < 100; i++)
            Resampler.Resample(clip, 48000, 8000);
        watch.Stop();
        // a Debug build is several times slower than Release; the bound leaves room for a busy shared machine
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"100 clips took {watch.Elapsed.TotalSeconds:F2} s");
    }
}
