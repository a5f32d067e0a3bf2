using SpokenDigits.Analysis.EarlierMethods;
using SpokenDigits.Charts;
using SpokenDigits.Data;
using SpokenDigits.Experiments;
using SpokenDigits.Inference;
using SpokenDigits.Models;
using SpokenDigits.Rendering;
using SpokenDigits.Runs;
using SpokenDigits.Training;
using static TorchSharp.torch;

namespace SpokenDigits.Interactive;

/// <summary>The earlier-methods notebook's data: the committed comparison of <c>results/earlier-methods</c> (full mode,
/// when it is there), otherwise one seed trained now through <see cref="EarlierMethodsProtocol"/> into
/// <c>&lt;runs&gt;/earlier-&lt;key&gt;/</c> (quick mode: a few takes, 2 epochs, 1 pre-training epoch). Finished runs are read back.</summary>
public static class NotebookEarlierMethods
{
    /// <summary>The committed comparison full mode shows.</summary>
    public static EarlierMethodsFolders Committed => new(Path.Combine(ProjectPaths.ResultsFolder, "earlier-methods"), null);

    /// <summary>Quick mode trains on takes 0–5 (take 5 is the whole training part).</summary>
    public const int QuickSubset = 6;

    /// <summary>Reads the committed comparison (full mode, when there) or trains / reads back one seed with <paramref name="options"/>.</summary>
    public static (EarlierMethodsSummary Summary, EarlierMethodsFolders Folders) LoadOrTrain(ExperimentOptions options, bool quick,
        string? runsDir = null, TrainingProgress? progress = null)
    {
        progress ??= TrainingProgress.Silent;
        if (!quick && File.Exists(Committed.Markdown))
        {
            progress.Line($"Reading the committed comparison in {Committed.Root}");
            return (EarlierMethodsSummary.Load(Committed), Committed);
        }
        if (quick) options = options with { Subset = QuickSubset, Training = options.TrainingOrDefault with { PretrainEpochs = 1 } };
        var folders = new EarlierMethodsFolders(Path.Combine(NotebookSetup.RunsRoot(runsDir), "earlier-" + NotebookRuns.Key(options)), null);
        new EarlierMethodsProtocol(options, [options.TrainingOrDefault.Seed], progress).Run("notebook 08-earlier-methods", folders);
        return (EarlierMethodsSummary.Load(folders), folders);
    }

    /// <summary>The comparison as Markdown (the table beside the assignment's numbers, the dataset difference, the findings).</summary>
    public static string Describe(EarlierMethodsSummary summary, string command = "notebook 08-earlier-methods") =>
        EarlierMethodsMarkdown.Render(summary, command);

    /// <summary>The first CBAM's spatial attention over the spectrograms of the first <paramref name="count"/> test recordings
    /// of the first seed's CNN + CBAM, one chart each (the map upsampled from half resolution to the spectrogram's grid).</summary>
    public static IReadOnlyList<PlotlyChart> AttentionMaps(EarlierMethodsFolders folders, int count = 3)
    {
        var runFolder = Directory.EnumerateDirectories(folders.Group(EarlierMethodsFolders.CbamGroup).Path, "seed-*").Order().First();
        using var run = TrainedRun.Load(runFolder);
        var model = (SpecOnlyModel)run[ModelCatalog.Name(ModelKind.Spec)].Module;
        // one recording of each of the first digits, in test order
        var picks = run.Results.Models[0].Predictions.GroupBy(p => p.Truth).OrderBy(g => g.Key).Take(count).Select(g => g.First()).ToList();
        var byId = RecordingCatalog.Discover(run.Results.DataFolder).ToDictionary(r => r.Id);
        var clips = ClipLoader.Load(picks.Select(p => byId[p.RecordingId]).ToList(), run.Features);
        using var pipeline = run.CreatePipeline();
        var charts = new List<PlotlyChart>();
        using var noGrad = no_grad();
        for (int i = 0; i < picks.Count; i++)
        {
            using var scope = NewDisposeScope();
            var prediction = picks[i];
            var spectrogram = pipeline.Compute(tensor(clips.Clip(i).ToArray()).unsqueeze(0));   // (1, 1, F, T_spec)
            var map = model.Branch.SpatialAttentionMaps(spectrogram)[0];                      // (1, 1, F/2, T_spec/2)
            var upsampled = nn.functional.interpolate(map, new long[] { spectrogram.shape[2], spectrogram.shape[3] },
                mode: InterpolationMode.Bilinear, align_corners: false);                      // (1, 1, F, T_spec)
            charts.Add(AttentionMapChart.For(ToGrid(spectrogram[0, 0]), ToGrid(upsampled[0, 0]), run.Features.HopMs / 1000,
                $"{prediction.RecordingId}: digit {prediction.Truth}, predicted {prediction.Predicted}"));
        }
        return charts;
    }

    static float[,] ToGrid(Tensor t)
    {
        int rows = (int)t.shape[0], columns = (int)t.shape[1];
        var values = t.contiguous().data<float>().ToArray();
        var grid = new float[rows, columns];
        for (int r = 0; r < rows; r++)
            for (int c = 0; c < columns; c++) grid[r, c] = values[r * columns + c];
        return grid;
    }
}
