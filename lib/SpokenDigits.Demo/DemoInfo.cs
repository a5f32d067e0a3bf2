namespace SpokenDigits.Demo;

/// <summary>What <c>GET /api/info</c> tells the page about the loaded run and the upload limits.</summary>
/// <param name="Run">The run folder's name.</param>
/// <param name="RunPath">Its full path.</param>
/// <param name="Models">Model class names with the page's titles, in the run's order.</param>
/// <param name="RunFindsTheWord">Whether the run's own endpointing places the word (see <see cref="LiveInference"/>).</param>
public sealed record DemoInfo(string Run, string RunPath, IReadOnlyList<DemoModel> Models, bool RunFindsTheWord, int SampleRate,
    long MaxUploadBytes, double MaxSeconds, IReadOnlyList<string> Unavailable)
{
    public static DemoInfo Of(LiveInference inference, DemoOptions options)
    {
        var run = inference.Predictor.Run;
        return new DemoInfo(run.Name, run.Path, run.Models.Select(m => new DemoModel(m.Name, LiveInference.Title(m.Name))).ToList(),
            inference.RunFindsTheWord, run.Features.SampleRate, options.MaxUploadBytes, options.MaxSeconds, run.Unavailable);
    }
}

/// <summary>A model of the run as the page lists it.</summary>
public sealed record DemoModel(string Name, string Title);
