using SpokenDigits.Features;

namespace SpokenDigits.Data;

/// <summary>The three parts of a split as feature datasets, built with one feature pipeline.
/// With dataset-statistics normalisation the statistics come from the training part only.</summary>
public sealed class SplitDatasets : IDisposable
{
    SplitDatasets(DatasetSplit split, FusionDataset train, FusionDataset validation, FusionDataset test, IReadOnlyList<BadRecording> skipped,
        NormaliserStatistics? statistics, SpectrogramPipeline pipeline, IReadOnlyList<Recording> noSpeech)
    {
        NoSpeech = noSpeech;
        Pipeline = pipeline;
        NormaliserStatistics = statistics;
        Split = split;
        Train = train;
        Validation = validation;
        Test = test;
        Skipped = skipped;
    }

    public DatasetSplit Split { get; }
    public FusionDataset Train { get; }
    public FusionDataset Validation { get; }
    public FusionDataset Test { get; }
    /// <summary>Recordings left out because they could not be read (only with skip-bad).</summary>
    public IReadOnlyList<BadRecording> Skipped { get; }
    /// <summary>Recordings of any part in which the detector found no word (kept, centre fitted; train reports them).</summary>
    public IReadOnlyList<Recording> NoSpeech { get; }
    /// <summary>The training statistics every part was normalised with (dataset-statistics normalisation only).</summary>
    public NormaliserStatistics? NormaliserStatistics { get; }
    /// <summary>The feature pipeline all three parts were computed with (disposed with this object).</summary>
    public SpectrogramPipeline Pipeline { get; }

    public static SplitDatasets Build(DatasetSplit split, FeatureSettings settings, bool skipBad = false, CancellationToken cancellation = default)
    {
        var train = ClipLoader.Load(split.Train, settings, skipBad, cancellation);
        var validation = ClipLoader.Load(split.Validation, settings, skipBad, cancellation);
        var test = ClipLoader.Load(split.Test, settings, skipBad, cancellation);
        foreach (var (part, clips) in new[] { ("train", train), ("validation", validation), ("test", test) })
            if (clips.Count == 0) throw new DatasetException($"the {part} part of split '{split.Protocol}' has no readable recordings");

        var spectrogram = new LogMelSpectrogram(settings);
        var normaliser = settings.Normalisation == SpectrogramNormalisation.DatasetStatistics
            ? FitOnTrain(train, spectrogram)
            : FeatureNormaliser.PerUtterance();
        var pipeline = new SpectrogramPipeline(spectrogram, normaliser);
        var skipped = train.Bad.Concat(validation.Bad).Concat(test.Bad).ToList();
        return new SplitDatasets(split,
            FusionDataset.Create(train, pipeline),
            FusionDataset.Create(validation, pipeline),
            FusionDataset.Create(test, pipeline),
            skipped,
            normaliser.Statistics,
            pipeline,
            train.NoSpeech.Concat(validation.NoSpeech).Concat(test.NoSpeech).ToList());
    }

    static FeatureNormaliser FitOnTrain(LoadedClips train, LogMelSpectrogram spectrogram)
    {
        using var raw = TorchSharp.torch.tensor(train.Samples, new long[] { train.Count, train.ClipSamples });
        using var logMel = FusionDataset.ComputeLogMel(raw, spectrogram);
        return FeatureNormaliser.FitDatasetStatistics(logMel);
    }

    public void Dispose()
    {
        Train.Dispose();
        Validation.Dispose();
        Test.Dispose();
        Pipeline.Dispose();
    }
}
