using System.Diagnostics;
using System.Text.RegularExpressions;
using Xunit.Abstractions;

namespace SpokenDigits.Notebooks.Tests.FrontEnds;

/// <summary>
/// Every notebook in notebooks/, as a user runs it from a Jupyter front end: <c>jupyter nbconvert --execute</c> in
/// quick mode (an injected <c>quick = true;</c> cell after the parameters cell, as papermill does), once in the .NET
/// Interactive kernel the notebooks' metadata name and once in the project's own kernel, the same cells in both.
/// A cell error fails; every cell that calls a chart class shows a plotly chart, and both kernels show the same charts
/// and the same audio players.
/// </summary>
[Collection(JupyterKernelsCollection.Name)]
public class NotebooksInBothKernelsTests(JupyterKernels kernels, ITestOutputHelper output)
{
    private static readonly TimeSpan NotebookTimeout = TimeSpan.FromMinutes(10);

    public static TheoryData<string> Notebooks()
    {
        var data = new TheoryData<string>();
        foreach (var path in Directory.EnumerateFiles(RepositoryFiles.NotebooksFolder, "*.ipynb").Order(StringComparer.Ordinal))
            data.Add(Path.GetFileName(path));
        return data;
    }

    [Theory]
    [MemberData(nameof(Notebooks))]
    public void Runs_in_both_kernels_with_its_charts_inline(string notebook)
    {
        var interactive = Execute(notebook, JupyterKernels.DotNetInteractive);
        var project = Execute(notebook, JupyterKernels.Project);

        foreach (var run in new[] { interactive, project })
        {
            Assert.True(run.ChartsPerCell.Sum() > 0 || !run.Cells.Any(c => c.CallsAChart), $"{run.Name}: no chart at all");
            for (int i = 0; i < run.Cells.Count; i++)
                if (run.Cells[i].CallsAChart)
                    Assert.True(run.Cells[i].Charts > 0, $"{run.Name}, code cell {i}: calls a chart but shows none:\n{run.Cells[i].Source}");
            for (int i = 0; i < run.Cells.Count; i++)
                if (run.Cells[i].Source.Contains("AudioPlayer.", StringComparison.Ordinal))
                    Assert.True(run.Cells[i].AudioPlayers > 0, $"{run.Name}, code cell {i}: makes an audio player but shows none:\n{run.Cells[i].Source}");
        }
        Assert.Equal(project.ChartsPerCell, interactive.ChartsPerCell);
        Assert.Equal(project.AudioPlayersPerCell, interactive.AudioPlayersPerCell);
        ExportsOffline(interactive);
        output.WriteLine($"{notebook}: {project.ChartsPerCell.Sum()} charts, {project.AudioPlayersPerCell.Sum()} audio players in each kernel");
    }

    /// <summary>The offline HTML export of the notebook as the .NET Interactive kernel left it: plotly.js inlined once, nothing from a CDN, a drawing per chart.</summary>
    private static void ExportsOffline(NotebookOutputs run)
    {
        string html = HtmlExporter.Export(Notebook.Load(run.Path), run.Name);
        int charts = run.ChartsPerCell.Sum();
        if (charts == 0) return;
        Assert.Single(Regex.Matches(html, $"id=\"{HtmlExporter.PlotlyScriptId}\""));
        Assert.DoesNotContain("<script src=", html);
        Assert.True(Regex.Matches(html, @"Plotly\.(newPlot|react)\(").Count >= charts, $"{run.Name}: fewer drawings than the {charts} charts in its HTML export");
    }

    private NotebookOutputs Execute(string notebook, string kernel)
    {
        string home = kernels.Scratch($"{Path.GetFileNameWithoutExtension(notebook)}-{kernel.TrimStart('.')}");
        string copy = QuickNotebook.CopyInto(home, notebook);
        string folder = Path.GetDirectoryName(copy)!;

        string executed = Path.Combine(home, "executed");
        var psi = kernels.Jupyter(folder, "nbconvert", "--to", "notebook", "--execute",
            $"--ExecutePreprocessor.kernel_name={kernel}", $"--ExecutePreprocessor.timeout={(int)NotebookTimeout.TotalSeconds}",
            "--output-dir", executed, copy);
        psi.Environment["SPOKENDIGITS_NOTEBOOK_RUNS"] = Path.Combine(home, "runs");
        psi.Environment["SPOKENDIGITS_DATA"] = RepositoryFiles.Recordings;

        var clock = Stopwatch.StartNew();
        using var p = Process.Start(psi)!;
        var stderr = p.StandardError.ReadToEndAsync();
        var stdout = p.StandardOutput.ReadToEndAsync();
        bool exited = p.WaitForExit(NotebookTimeout + TimeSpan.FromMinutes(1));
        if (!exited) p.Kill(entireProcessTree: true);
        output.WriteLine($"{notebook} in {kernel}: {(exited ? $"exit {p.ExitCode}" : "timed out")} after {clock.Elapsed.TotalSeconds:0} s");
        string log = stderr.Result;
        Assert.True(exited && p.ExitCode == 0, $"{notebook} in {kernel} failed:\n{Tail(log, 4000)}");

        var outputs = NotebookOutputs.Load(Path.Combine(executed, notebook));
        Assert.Empty(outputs.Cells.SelectMany(c => c.Errors));
        return outputs;
    }

    private static string Tail(string text, int chars) => text.Length <= chars ? text : "…" + text[^chars..];
}
