using SpokenDigits.Data;
using SpokenDigits.Features;
using TorchSharp;
using static TorchSharp.torch;

namespace SpokenDigits.Training;

/// <summary>Applies <see cref="AugmentationSettings"/> to a training batch: a random speed per recording
/// (when on), a random time shift per recording (zero-filled), white noise at a random SNR on some recordings, then the spectrograms
/// recomputed from the altered waveforms. Draws from torch's generator, which the trainer seeds per epoch.</summary>
public sealed class WaveformAugmentation
{
    readonly AugmentationSettings _settings;
    readonly SpectrogramPipeline _pipeline;
    readonly int _maxShift;
    readonly RecordingCorruptor? _corruptor;

    public WaveformAugmentation(AugmentationSettings settings, SpectrogramPipeline pipeline, int sampleRate)
    {
        _settings = settings.Validated();
        _pipeline = pipeline;
        _maxShift = (int)Math.Round(settings.MaxShiftMs * sampleRate / 1000);
        _corruptor = settings.CorruptionsOrNone.AnyOn ? new RecordingCorruptor(settings.CorruptionsOrNone, sampleRate, get_num_threads()) : null;
    }

    /// <summary>A new batch of altered recordings (same labels and rows); <paramref name="batch"/> is left as it was.</summary>
    /// <param name="batch">The stored batch.</param>
    /// <param name="recomputeSpectrograms">False for a model that does not read spectrograms
    /// (<see cref="Models.DigitClassifier.ReadsSpectrograms"/>): the new batch then carries the stored ones (the
    /// same tensors, not recomputed), and the altered waveforms are the same as with true (computing spectrograms draws no random numbers).</param>
    public Batch Apply(Batch batch, bool recomputeSpectrograms = true)
    {
        using var scope = NewDisposeScope();
        var raw = ChangeSpeed(batch.Raw);                                                 // (B, T)
        raw = Shift(raw);                                                                 // (B, T)
        raw = Corrupt(raw);                                                               // (B, T)
        raw = AddNoise(raw);                                                              // (B, T)
        var spectrograms = recomputeSpectrograms ? _pipeline.Compute(raw)                 // (B, 1, F, T_spec)
            : batch.Spectrograms.alias();
        return new Batch(raw.MoveToOuterDisposeScope(), spectrograms.MoveToOuterDisposeScope(),
            batch.Labels.alias().MoveToOuterDisposeScope(), batch.Indices);
    }

    /// <summary>Each row played at its own speed factor f drawn uniformly in [min, max], about the clip's
    /// centre: output sample i reads the input at c + (i − c)·f by linear interpolation, zero outside.
    /// f &gt; 1 makes the word shorter and higher-pitched (zero-filled edges), f &lt; 1 longer and lower (edges cut off),
    /// as with a different speaker's tempo and vocal tract. (No anti-alias filter: at f ≤ 1.15 only the top 13 % of the band folds.)</summary>
    Tensor ChangeSpeed(Tensor raw)
    {
        if (!_settings.PerturbsSpeed) return raw;
        long b = raw.shape[0], t = raw.shape[1];
        // Every number handed to libtorch is an explicit Scalar disposed after use (see ScalarSafeAdamW for why).
        using Scalar span = (_settings.MaxSpeed - _settings.MinSpeed).ToScalar(), slowest = _settings.MinSpeed.ToScalar();
        using Scalar centre = ((t - 1) / 2.0).ToScalar(), one = 1.ToScalar(), length = t.ToScalar();
        var factors = rand(b, 1).mul(span).add(slowest);                                               // (B, 1)
        var position = arange(length, dtype: float32).unsqueeze(0).sub(centre).mul(factors).add(centre);   // (B, T): where each sample is read
        var left = position.floor();
        var weight = position - left;                                                               // (B, T) in [0, 1)
        var leftIndex = left.to_type(int64);
        var rightIndex = leftIndex.add(one);
        return Sample(raw, leftIndex) * weight.neg().add(one) + Sample(raw, rightIndex) * weight;   // (B, T)
    }

    /// <summary>raw[b, index[b, i]], zero where the index falls outside the clip.</summary>
    static Tensor Sample(Tensor raw, Tensor index)
    {
        long t = raw.shape[1];
        using Scalar first = 0.ToScalar(), end = t.ToScalar(), last = (t - 1).ToScalar();
        var inside = index.ge(first).logical_and(index.lt(end)).to_type(raw.dtype);
        return raw.gather(1, index.clamp(first, last)) * inside;
    }

    /// <summary>Each row moved by its own whole number of samples in [−max, max]; vacated samples are zero.</summary>
    Tensor Shift(Tensor raw)
    {
        if (_maxShift == 0) return raw.clone();
        long b = raw.shape[0], t = raw.shape[1];
        var shifts = randint(-_maxShift, _maxShift + 1, new long[] { b, 1 });           // (B, 1)
        using Scalar length = t.ToScalar();
        var source = arange(length, dtype: int64).unsqueeze(0) - shifts;                 // (B, T): where each sample comes from
        return Sample(raw, source);                                                       // (B, T)
    }

    /// <summary>The switchable corruptions (<see cref="CorruptionSettings"/>), each row from a seed drawn from torch's
    /// generator; with all of them off nothing is drawn, so older runs keep their random stream.</summary>
    Tensor Corrupt(Tensor raw)
    {
        if (_corruptor is null) return raw;
        long b = raw.shape[0], t = raw.shape[1];
        var seeds = randint(0, int.MaxValue, new long[] { b }).data<long>().Select(s => (int)s).ToArray();
        var flat = raw.to_type(float32).contiguous().data<float>().ToArray();                  // (B·T)
        var rows = Enumerable.Range(0, (int)b).Select(r => flat.AsSpan(r * (int)t, (int)t).ToArray()).ToArray();
        var corrupted = _corruptor.Apply(rows, seeds);
        for (int r = 0; r < b; r++) corrupted[r].CopyTo(flat, r * (int)t);
        return tensor(flat, new long[] { b, t }).to_type(raw.dtype);                              // (B, T)
    }

    /// <summary>White noise at an SNR drawn uniformly in dB, on a random share of the rows.</summary>
    Tensor AddNoise(Tensor raw)
    {
        if (_settings.NoiseProbability == 0) return raw;
        long b = raw.shape[0];
        using Scalar span = (_settings.MaxSnrDb - _settings.MinSnrDb).ToScalar(), lowest = _settings.MinSnrDb.ToScalar();
        using Scalar toAmplitude = (-Math.Log(10) / 20).ToScalar(), probability = _settings.NoiseProbability.ToScalar();
        var rms = raw.square().mean(new long[] { 1 }, keepdim: true).sqrt();             // (B, 1)
        var snrDb = rand(b, 1).mul(span).add(lowest);                                     // (B, 1)
        var noiseRms = rms * snrDb.mul(toAmplitude).exp();                                 // (B, 1): rms · 10^(−snr/20)
        var chosen = rand(b, 1).lt(probability).to_type(raw.dtype);                        // (B, 1)
        return raw + randn_like(raw) * noiseRms * chosen;
    }
}
