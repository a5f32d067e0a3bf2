using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Xunit.Abstractions;

namespace SpokenDigits.Notebooks.Tests;

/// <summary>
/// Runs every notebook of notebooks/ once, in order, in quick mode on the shared FSDD copy, with the executed
/// notebooks, their HTML pages and the saved runs all in a temporary folder (never the repository's results/).
/// The training notebooks save their models; 05-comparison reads them back.
/// </summary>
public sealed class QuickNotebookRuns : IDisposable
{
    public static readonly string[] Names = ["01-data", "02-raw-only", "03-spec-only", "04-fusion", "05-comparison", "06-try-it-yourself", "07-fusion-ablation", "09-robustness"];

    private readonly TempDir _temp = new();

    public QuickNotebookRuns()
    {
        RepoRoot = FindRepoRoot();
        OutputDirectory = _temp.File("out");
        RunsDirectory = _temp.File("runs");
        foreach (var name in Names)
        {
            var sw = Stopwatch.StartNew();
            var result = NotebookRunner.RunAsync(Path.Combine(RepoRoot, "notebooks", name + ".ipynb"), new NotebookRunOptions
            {
                OutputDirectory = OutputDirectory,
                Parameters = { ["quick"] = "true", ["runsDir"] = RunsDirectory },
                CellTimeout = TimeSpan.FromMinutes(4),
            }).GetAwaiter().GetResult();
            Results[name] = result;
            Timings.Add($"{name}: {sw.Elapsed.TotalSeconds:0.0}s ({(result.Success ? "ok" : result.Message)})");
        }
    }

    public string RepoRoot { get; }
    public string OutputDirectory { get; }
    public string RunsDirectory { get; }
    public Dictionary<string, NotebookRunResult> Results { get; } = new();
    public List<string> Timings { get; } = new();

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "SpokenDigits.slnx"))) return dir.FullName;
        throw new InvalidOperationException("SpokenDigits.slnx not found above " + AppContext.BaseDirectory);
    }

    public void Dispose() => _temp.Dispose();
}

public sealed class NotebookExecutionTests(QuickNotebookRuns runs, ITestOutputHelper output) : IClassFixture<QuickNotebookRuns>
{
    public static TheoryData<string> Notebooks => new(QuickNotebookRuns.Names);

    /// <summary>Plotly trace types of every chart output, in order (one list per chart).</summary>
    private static List<string[]> ChartTraceTypes(Notebook nb) =>
        nb.CodeCells.SelectMany(c => c.Outputs).OfType<DisplayDataOutput>()
            .Where(o => o.Data.ContainsKey(MimeBundle.PlotlyMimeType))
            .Select(o =>
            {
                var node = o.Data[MimeBundle.PlotlyMimeType];
                var fig = node is JsonValue v && v.TryGetValue<string>(out var s) ? JsonNode.Parse(s)! : node!;
                return fig["data"]!.AsArray().Select(t => (string?)t!["type"] ?? "scatter").ToArray();
            })
            .ToList();

    private static int Charts(List<string[]> charts, string type) => charts.Count(c => c.Contains(type));

    [Theory]
    [MemberData(nameof(Notebooks))]
    public void Every_code_cell_runs_without_errors(string name)
    {
        output.WriteLine(string.Join("\n", runs.Timings));
        var result = runs.Results[name];
        Assert.True(result.Success, result.Message + "\n" + string.Join("\n", result.Error?.Traceback ?? []));
        var saved = Notebook.Load(result.OutputNotebookPath!);
        var code = saved.CodeCells.ToList();
        Assert.NotEmpty(code);
        Assert.All(code, c => Assert.NotNull(c.ExecutionCount));
        Assert.All(code, c => Assert.DoesNotContain(c.Outputs, o => o is ErrorOutput));
        Assert.Contains(saved.Cells, c => c.HasTag(NotebookRunner.ParametersTag));
        Assert.Contains(saved.Cells, c => c.HasTag(NotebookRunner.InjectedParametersTag) && c.Source.Contains("quick = true"));
    }

    [Theory]
    [MemberData(nameof(Notebooks))]
    public void Written_notebook_is_valid_small_and_its_page_has_plotly_js_once(string name)
    {
        var result = runs.Results[name];
        Assert.StartsWith(runs.OutputDirectory, result.OutputNotebookPath);
        var json = File.ReadAllText(result.OutputNotebookPath!);
        Assert.Empty(NotebookValidator.Validate(json));
        Assert.True(json.Length < 1_500_000, $"{name}.ipynb is {json.Length} characters");
        Assert.DoesNotContain("plotly.js v", json);    // the plotly.js banner: no library inlined in outputs

        var html = File.ReadAllText(result.HtmlPath!);
        Assert.Single(Regex.Matches(html, $"<script id=\"{HtmlExporter.PlotlyScriptId}\"[ >]"));
        Assert.DoesNotContain("<script src=\"https://cdn.plot.ly", html);
    }

    [Fact]
    public void Data_notebook_shows_counts_waveforms_spectrograms_audio_and_split()
    {
        var nb = runs.Results["01-data"].Notebook;
        var charts = ChartTraceTypes(nb);
        Assert.Equal(1, Charts(charts, "bar"));
        Assert.Equal(3, Charts(charts, "scatter"));
        Assert.Equal(3, Charts(charts, "heatmap"));
        var html = string.Concat(nb.CodeCells.SelectMany(c => c.Outputs).OfType<DisplayDataOutput>().Select(o => o.Data.GetText("text/html")));
        Assert.Contains("<audio controls", html);
        Assert.Contains("class=\"sd-counts\"", html);
        Assert.Contains("class=\"sd-split\"", html);
        var stdout = string.Concat(nb.CodeCells.SelectMany(c => c.Outputs).OfType<StreamOutput>().Where(s => s.Name == "stdout").Select(s => s.Text));
        Assert.Contains(", 0 in both", stdout);
    }

    [Theory]
    [InlineData("02-raw-only", "RawOnlyModel")]
    [InlineData("03-spec-only", "SpecOnlyModel")]
    [InlineData("04-fusion", "TwoStreamFusionModel")]
    public void Training_notebooks_show_curves_and_both_confusion_matrices_and_save_their_model(string name, string model)
    {
        var nb = runs.Results[name].Notebook;
        var charts = ChartTraceTypes(nb);
        Assert.Equal(2, Charts(charts, "heatmap"));   // counts and row-normalised
        Assert.True(Charts(charts, "scatter") >= 1, "training curves");
        var stdout = string.Concat(nb.CodeCells.SelectMany(c => c.Outputs).OfType<StreamOutput>().Select(s => s.Text));
        Assert.Contains($"[{model}] epoch   2/2", stdout);
        Assert.True(File.Exists(Path.Combine(runs.RunsDirectory, "official-seed42-e2-subset10", model, "metrics.json")));
    }

    [Fact]
    public void Try_it_yourself_plays_a_recording_and_shows_what_each_model_hears()
    {
        var nb = runs.Results["06-try-it-yourself"].Notebook;
        var charts = ChartTraceTypes(nb);
        Assert.Equal(1, Charts(charts, "scatter"));   // waveform
        Assert.Equal(1, Charts(charts, "heatmap"));   // spectrogram
        Assert.Equal(1, Charts(charts, "bar"));       // the three models' probabilities
        var html = string.Concat(nb.CodeCells.SelectMany(c => c.Outputs).OfType<DisplayDataOutput>().Select(o => o.Data.GetText("text/html")));
        Assert.Contains("<audio controls", html);
        foreach (var model in new[] { "RawOnlyModel", "SpecOnlyModel", "TwoStreamFusionModel" }) Assert.Contains(model, html);
    }

    [Fact]
    public void Comparison_notebook_reuses_the_saved_models_and_discusses_the_run()
    {
        var nb = runs.Results["05-comparison"].Notebook;
        var charts = ChartTraceTypes(nb);
        Assert.True(Charts(charts, "bar") >= 3, "accuracy/macro-F1, per-class F1 and fusion gain bars");
        Assert.Equal(1, Charts(charts, "heatmap"));
        var outputs = nb.CodeCells.SelectMany(c => c.Outputs).ToList();
        var stdout = string.Concat(outputs.OfType<StreamOutput>().Select(s => s.Text));
        Assert.Contains("Loaded RawOnlyModel, SpecOnlyModel, TwoStreamFusionModel", stdout);   // no retraining
        Assert.DoesNotContain("epoch", stdout);

        // the discussion's numbers are those of the saved run
        var discussion = outputs.OfType<DisplayDataOutput>().Select(o => o.Data.GetText("text/markdown")).Single(t => t is not null)!;
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(runs.RunsDirectory, "official-seed42-e2-subset10", "results.json")));
        var models = doc.RootElement.GetProperty("models").EnumerateArray().ToList();
        Assert.Equal(["RawOnlyModel", "SpecOnlyModel", "TwoStreamFusionModel"], models.Select(m => m.GetProperty("modelName").GetString()));
        foreach (var m in models)
        {
            var accuracy = m.GetProperty("test").GetProperty("accuracy").GetDouble();
            Assert.Contains((100 * accuracy).ToString("0.00", System.Globalization.CultureInfo.InvariantCulture) + "%", discussion);
        }
    }

    [Fact]
    public void Fusion_ablation_trains_a_tiny_ablation_and_shows_its_tables_charts_and_discussion()
    {
        var nb = runs.Results["07-fusion-ablation"].Notebook;
        var charts = ChartTraceTypes(nb);
        Assert.True(Charts(charts, "bar") >= 3, "accuracy, raw weight per digit and per-digit gain bars");
        Assert.True(Charts(charts, "scatter") >= 1, "branch train-vs-validation curves");
        var outputs = nb.CodeCells.SelectMany(c => c.Outputs).ToList();
        var stdout = string.Concat(outputs.OfType<StreamOutput>().Select(s => s.Text));
        Assert.Contains("=== Variant gated-aux+moddrop", stdout);
        var markdown = string.Join("\n", outputs.OfType<DisplayDataOutput>().Select(o => o.Data.GetText("text/markdown")).Where(t => t is not null));
        Assert.Contains("| gated-aux+moddrop", markdown);
        Assert.Contains("| concat-none (baseline", markdown);
        Assert.Contains("Leave one speaker out: nothing to show", markdown);

        // the tables and the discussion show the numbers of the runs it trained (read back from ablation folder's runs)
        var folder = Path.Combine(runs.RunsDirectory, "ablation-official-seed42-e2-subset6");
        foreach (var results in new[] { Path.Combine(folder, "seed-42", "results.json"), Path.Combine(folder, "variants", "gated-aux+moddrop", "seed-42", "results.json") })
        {
            using var doc = JsonDocument.Parse(File.ReadAllText(results));
            foreach (var m in doc.RootElement.GetProperty("models").EnumerateArray())
            {
                var accuracy = m.GetProperty("test").GetProperty("accuracy").GetDouble();
                Assert.Contains((100 * accuracy).ToString("0.00", System.Globalization.CultureInfo.InvariantCulture) + " ± 0.00%", markdown);
            }
        }
        // the tiny ablation sets itself no goals (`ablation --goals FILE` does): the goals cell says so, the discussion names none
        Assert.Contains("Goals of this study: nothing to show here", markdown);
        Assert.DoesNotContain("Against the goals", markdown);
    }

    [Fact]
    public void Robustness_notebook_runs_the_study_on_the_saved_models_and_discusses_its_numbers()
    {
        var nb = runs.Results["09-robustness"].Notebook;
        var charts = ChartTraceTypes(nb);
        Assert.Equal(7, Charts(charts, "scatter"));   // one accuracy-against-severity chart per corruption
        var outputs = nb.CodeCells.SelectMany(c => c.Outputs).ToList();
        var html = string.Concat(outputs.OfType<DisplayDataOutput>().Select(o => o.Data.GetText("text/html")));
        Assert.Equal(7, Regex.Matches(html, "<audio controls").Count);
        var stdout = string.Concat(outputs.OfType<StreamOutput>().Select(s => s.Text));
        Assert.Contains("Loaded RawOnlyModel, SpecOnlyModel, TwoStreamFusionModel", stdout);   // the models of notebooks 2-4
        Assert.Contains("20 recordings, 30 conditions", stdout);

        // the tables and the discussion show the numbers of the study the notebook saved
        var markdown = string.Join("\n", outputs.OfType<DisplayDataOutput>().Select(o => o.Data.GetText("text/markdown")).Where(t => t is not null));
        Assert.Contains("Fusion − better single branch", markdown);
        Assert.Contains("Goal ", markdown);
        var saved = Path.Combine(runs.RunsDirectory, "robustness-quick", "robustness.json");
        using var doc = JsonDocument.Parse(File.ReadAllText(saved));
        var clean = doc.RootElement.GetProperty("runs")[0].GetProperty("conditions")[0];
        Assert.Equal("clean", clean.GetProperty("condition").GetProperty("family").GetString());
        var clips = clean.GetProperty("clips").EnumerateArray().ToList();
        var rawRight = clips.Count(c => !c.GetProperty("noSpeech").GetBoolean() && c.GetProperty("predicted")[0].GetInt32() == c.GetProperty("truth").GetInt32());
        Assert.Contains($"| clean | {(100.0 * rawRight / clips.Count).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture)} % [", markdown);
    }

    [Fact]
    public void Repository_notebooks_are_committed_without_outputs_and_with_stable_ids()
    {
        foreach (var name in QuickNotebookRuns.Names)
        {
            var path = Path.Combine(runs.RepoRoot, "notebooks", name + ".ipynb");
            var nb = Notebook.Load(path);
            Assert.Empty(NotebookValidator.Validate(File.ReadAllText(path)));
            Assert.All(nb.Cells, c => Assert.False(string.IsNullOrEmpty(c.Id)));
            Assert.All(nb.CodeCells, c => Assert.Empty(c.Outputs));
            Assert.Equal("csharp", nb.Metadata["polyglot_notebook"]!["kernelInfo"]!["defaultKernelName"]!.GetValue<string>());
            var first = nb.CodeCells.First().Source;
            Assert.StartsWith("#r \"../lib/SpokenDigits/bin/Debug/net10.0/SpokenDigits.dll\"", first);
            Assert.Contains("SpokenDigitsFormatters.Register();", first);
            // lab-report style: a markdown cell before every code cell
            for (int i = 0; i < nb.Cells.Count; i++)
                if (nb.Cells[i].CellType == CellType.Code)
                    Assert.True(i > 0 && nb.Cells[i - 1].CellType == CellType.Markdown, $"{name}: code cell {nb.Cells[i].Id} has no markdown before it");
        }
    }
}
