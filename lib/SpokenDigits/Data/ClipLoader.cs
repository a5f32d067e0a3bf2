using SpokenDigits.Audio;
using SpokenDigits.Features;

namespace SpokenDigits.Data;

/// <summary>Recordings decoded, resampled and fitted to T samples, in one flat buffer (N · T).</summary>
/// <param name="Speech">What endpointing found in each recording (same order as <paramref name="Recordings"/>).</param>
public sealed record LoadedClips(IReadOnlyList<Recording> Recordings, float[] Samples, int ClipSamples, IReadOnlyList<BadRecording> Bad,
    IReadOnlyList<DetectedSpeech> Speech)
{
    public int Count => Recordings.Count;

    /// <summary>Recordings in which the detector found no word (they are kept, centre fitted).</summary>
    public IReadOnlyList<Recording> NoSpeech => Recordings.Where((_, i) => Speech[i].NoSpeech).ToList();
    public ReadOnlySpan<float> Clip(int index) => Samples.AsSpan(index * ClipSamples, ClipSamples);
}

/// <summary>Step one of the pipeline: WAV file → fixed-length, standardised raw clip.</summary>
public static class ClipLoader
{
    /// <summary>One decoded clip → the model's raw input: resampled to the settings' rate, the word found
    /// and placed in the middle of <see cref="FeatureSettings.ClipSamples"/> samples (the length of
    /// <paramref name="destination"/>) and standardised (<see cref="ClipShaper.Shape"/>). Every entry point
    /// (train, evaluate, predict, notebooks) prepares clips here.</summary>
    public static DetectedSpeech Prepare(AudioClip clip, FeatureSettings settings, Span<float> destination)
    {
        if (destination.Length != settings.ClipSamples)
            throw new ArgumentException($"destination holds {destination.Length} samples, the settings ask for {settings.ClipSamples}");
        var samples = clip.SampleRate == settings.SampleRate
            ? clip.Samples
            : Resampler.Resample(clip.Samples, clip.SampleRate, settings.SampleRate);
        return ClipShaper.Shape(samples, settings, destination);
    }

    /// <summary>Loads every recording (in parallel, order kept). A file that cannot be read is
    /// reported by name: with <paramref name="skipBad"/> it is left out and listed in
    /// <see cref="LoadedClips.Bad"/>; otherwise loading stops with a <see cref="DatasetException"/>
    /// that names every bad file, before any training starts.</summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellation"/> was cancelled (checked per recording).</exception>
    public static LoadedClips Load(IReadOnlyList<Recording> recordings, FeatureSettings settings, bool skipBad = false,
        CancellationToken cancellation = default)
    {
        int t = settings.ClipSamples;
        var buffer = new float[(long)recordings.Count * t];
        var problems = new string?[recordings.Count];
        var speech = new DetectedSpeech[recordings.Count];
        Parallel.For(0, recordings.Count, new ParallelOptions { CancellationToken = cancellation }, i =>
        {
            try
            {
                speech[i] = Prepare(WavReader.Read(recordings[i].Path), settings, buffer.AsSpan(i * t, t));
            }
            catch (WavFormatException e) { problems[i] = e.Problem; }
            catch (IOException e) { problems[i] = e.Message; }
            catch (UnauthorizedAccessException e) { problems[i] = e.Message; }
        });

        var bad = recordings.Select((r, i) => problems[i] is null ? null : new BadRecording(r.Path, problems[i]!))
            .OfType<BadRecording>().ToList();
        if (bad.Count == 0) return new LoadedClips(recordings, buffer, t, bad, speech);
        if (!skipBad)
            throw new DatasetException($"{bad.Count} of {recordings.Count} recordings cannot be read (pass --skip-bad to leave them out):"
                + Environment.NewLine + string.Join(Environment.NewLine, bad.Select(b => "  " + b)));

        var keep = Enumerable.Range(0, recordings.Count).Where(i => problems[i] is null).ToArray();
        var compact = new float[(long)keep.Length * t];
        for (int k = 0; k < keep.Length; k++) buffer.AsSpan(keep[k] * t, t).CopyTo(compact.AsSpan(k * t, t));
        return new LoadedClips(keep.Select(i => recordings[i]).ToList(), compact, t, bad, keep.Select(i => speech[i]).ToList());
    }
}
