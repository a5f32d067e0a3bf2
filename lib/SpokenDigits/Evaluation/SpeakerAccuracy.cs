namespace SpokenDigits.Evaluation;

/// <summary>Test accuracy on one speaker's recordings.</summary>
public sealed record SpeakerAccuracy(string Speaker, int Recordings, double Accuracy)
{
    /// <summary>The speaker named in a recording id <c>{digit}_{speaker}_{take}</c> (a folder before it is ignored);
    /// null for an id of another form.</summary>
    public static string? SpeakerOf(string recordingId)
    {
        var name = recordingId[(recordingId.LastIndexOf('/') + 1)..];
        int first = name.IndexOf('_'), last = name.LastIndexOf('_');
        return first >= 0 && last > first + 1 ? name[(first + 1)..last] : null;
    }

    /// <summary>Accuracy per speaker, speakers in ordinal order; recordings without a speaker in their id are left out.</summary>
    public static IReadOnlyList<SpeakerAccuracy> Of(IEnumerable<Prediction> predictions) =>
        predictions.Select(p => (Speaker: SpeakerOf(p.RecordingId), p.IsCorrect))
            .Where(p => p.Speaker is not null)
            .GroupBy(p => p.Speaker!, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new SpeakerAccuracy(g.Key, g.Count(), g.Count(p => p.IsCorrect) / (double)g.Count()))
            .ToList();
}
