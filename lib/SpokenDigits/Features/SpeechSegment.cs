namespace SpokenDigits.Features;

/// <summary>Where the spoken word lies in a recording, in samples of the recording at the run's
/// rate (after resampling): <c>[Start, End)</c>.</summary>
public sealed record SpeechSegment(int Start, int End, int SampleRate)
{
    public int Length => End - Start;
    public double StartSeconds => (double)Start / SampleRate;
    public double EndSeconds => (double)End / SampleRate;
}
