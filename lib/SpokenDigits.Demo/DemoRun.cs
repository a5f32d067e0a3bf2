using SpokenDigits.Inference;

namespace SpokenDigits.Demo;

/// <summary>Which run the demo loads.</summary>
public static class DemoRun
{
    /// <summary><paramref name="runFolder"/> when given, else the newest complete run under <paramref name="resultsRoot"/>
    /// (<see cref="TrainedRun.FindLatest"/>: all three models with their weights).</summary>
    /// <exception cref="InvalidDataException">None was named and none is found; the message says what to do.</exception>
    public static string Resolve(string? runFolder, string resultsRoot)
    {
        if (!string.IsNullOrWhiteSpace(runFolder)) return Path.GetFullPath(runFolder);
        return TrainedRun.FindLatest(resultsRoot)
               ?? throw new InvalidDataException(
                   $"no complete run under {resultsRoot} (a run folder with results.json and the weights of RawOnlyModel, SpecOnlyModel " +
                   "and TwoStreamFusionModel): train one with `./spokendigits train`, or name one with --run DIR");
    }
}
