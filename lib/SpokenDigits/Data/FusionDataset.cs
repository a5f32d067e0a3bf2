using SpokenDigits.Features;
using static TorchSharp.torch;

namespace SpokenDigits.Data;

/// <summary>Every recording as the triple (raw signal (T), spectrogram (1, F, T_spec), label), all
/// from the same recording. Features are computed once, here, and kept in memory.</summary>
public sealed class FusionDataset : IDisposable
{
    FusionDataset(IReadOnlyList<Recording> recordings, IReadOnlyList<DetectedSpeech> speech, Tensor raw, Tensor spectrograms, Tensor labels, SpectrogramPipeline pipeline)
    {
        Speech = speech;
        Pipeline = pipeline;
        Recordings = recordings;
        Raw = raw;
        Spectrograms = spectrograms;
        Labels = labels;
    }

    public IReadOnlyList<Recording> Recordings { get; }
    /// <summary>What endpointing found in each recording (same order).</summary>
    public IReadOnlyList<DetectedSpeech> Speech { get; }
    /// <summary>(N, T) standardised raw clips.</summary>
    public Tensor Raw { get; }
    /// <summary>(N, 1, F, T_spec) normalised log-mel spectrograms.</summary>
    public Tensor Spectrograms { get; }
    /// <summary>(N,) int64 digit labels.</summary>
    public Tensor Labels { get; }
    public int Count => Recordings.Count;
    /// <summary>The pipeline that made <see cref="Spectrograms"/> from <see cref="Raw"/> (owned by whoever
    /// created the dataset); augmentation uses it to recompute the spectrograms of altered clips.</summary>
    public SpectrogramPipeline Pipeline { get; }

    /// <summary>The triple for recording <paramref name="index"/>: raw (T), spectrogram (1, F, T_spec), label.</summary>
    public (Tensor Raw, Tensor Spectrogram, int Label) this[int index] =>
        (Raw[index], Spectrograms[index], Recordings[index].Digit);

    /// <summary>Builds the dataset from loaded clips; spectrograms are computed in batches through
    /// <paramref name="pipeline"/>, which the caller keeps alive (and disposes) for the dataset's lifetime.</summary>
    public static FusionDataset Create(LoadedClips clips, SpectrogramPipeline pipeline)
    {
        var raw = tensor(clips.Samples, new long[] { clips.Count, clips.ClipSamples });          // (N, T)
        var logMel = ComputeLogMel(raw, pipeline.Spectrogram);                                    // (N, 1, F, T_spec)
        var normalised = pipeline.Normaliser.Apply(logMel);
        if (!ReferenceEquals(normalised, logMel)) logMel.Dispose();
        var labels = tensor(clips.Recordings.Select(r => (long)r.Digit).ToArray());               // (N,)
        return new FusionDataset(clips.Recordings, clips.Speech, raw, normalised, labels, pipeline);
    }

    /// <summary>Log-mel spectrograms of every clip, in chunks so peak memory stays small.</summary>
    public static Tensor ComputeLogMel(Tensor raw, LogMelSpectrogram spectrogram, int chunk = 512)
    {
        var parts = new List<Tensor>();
        for (long start = 0; start < raw.shape[0]; start += chunk)
        {
            using var slice = raw.narrow(0, start, Math.Min(chunk, raw.shape[0] - start));
            parts.Add(spectrogram.Compute(slice));
        }
        if (parts.Count == 0) throw new DatasetException("no recordings to compute features for");
        var all = cat(parts, 0);
        foreach (var p in parts) p.Dispose();
        return all;
    }

    public void Dispose()
    {
        Raw.Dispose();
        Spectrograms.Dispose();
        Labels.Dispose();
    }
}
