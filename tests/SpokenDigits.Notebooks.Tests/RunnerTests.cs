using System.Text.Json.Nodes;

namespace SpokenDigits.Notebooks.Tests;

public class RunnerTests
{
    [Fact]
    public async Task Runs_a_notebook_with_injected_parameters_and_writes_outputs()
    {
        using var tmp = new TempDir();
        var path = tmp.File("params.ipynb");
        new NotebookBuilder()
            .Markdown("# Parameters demo")
            .Code("var before = 1;")
            .Parameters("int epochs = 3;\ndouble rate = 0.1;\nbool quick = false;\nstring name = \"default\";")
            .Code("$\"{epochs}|{rate}|{quick}|{name}|{extra}|{extraD}|{extraS}\"")
            .Save(path);
        var outDir = Path.Combine(tmp.Path, "out");
        var progress = new List<CellProgress>();
        var result = await NotebookRunner.RunAsync(path, new NotebookRunOptions
        {
            OutputDirectory = outDir,
            Parameters = new() { ["epochs"] = "7", ["rate"] = "2", ["quick"] = "true", ["name"] = "a \"b\"", ["extra"] = "5", ["extraD"] = "1.5", ["extraS"] = "hello" },
            Progress = progress.Add,
        });
        Assert.True(result.Success, result.Message);
        var nb = Notebook.Load(result.OutputNotebookPath!);
        Assert.Empty(NotebookValidator.Validate(File.ReadAllText(result.OutputNotebookPath!)));
        var code = nb.Cells.Where(c => c.CellType == CellType.Code).ToList();
        Assert.Equal(4, code.Count);
        Assert.True(code[1].HasTag("parameters"));
        Assert.True(code[2].HasTag("injected-parameters"));
        Assert.Contains("epochs = 7;", code[2].Source);
        Assert.Contains("rate = 2.0;", code[2].Source);
        Assert.Contains("var extra = 5;", code[2].Source);
        Assert.Equal([1, 2, 3, 4], code.Select(c => c.ExecutionCount ?? 0));
        var value = ((ExecuteResultOutput)code[3].Outputs.Single()).Data.GetText("text/plain");
        Assert.Equal("7|2|True|a \"b\"|5|1.5|hello", value);
        Assert.True(File.Exists(result.HtmlPath));
        Assert.Equal(8, progress.Count);
        Assert.Equal(4, progress[^1].Count);

        // re-running the executed notebook replaces the previous injection
        var again = await NotebookRunner.RunAsync(result.OutputNotebookPath!, new NotebookRunOptions
        {
            OutputDirectory = Path.Combine(tmp.Path, "out2"),
            Parameters = new() { ["epochs"] = "1" },
        });
        Assert.False(again.Success); // extra* are gone now: compile error in the last cell
        Assert.Single(again.Notebook.Cells, c => c.HasTag("injected-parameters"));
    }

    [Fact]
    public async Task Failing_cell_stops_the_run_and_the_partial_notebook_is_written()
    {
        using var tmp = new TempDir();
        var path = tmp.File("fails.ipynb");
        new NotebookBuilder()
            .Code("Console.WriteLine(\"one\");")
            .Code("// the bad one\nthrow new InvalidOperationException(\"broken\");")
            .Code("Console.WriteLine(\"never\");")
            .Save(path);
        var result = await NotebookRunner.RunAsync(path, new NotebookRunOptions { OutputDirectory = Path.Combine(tmp.Path, "out") });
        Assert.False(result.Success);
        Assert.Equal(1, result.FailedCellIndex);
        Assert.Equal("// the bad one", result.FailedCellFirstLine);
        Assert.Contains("fails.ipynb", result.Message);
        Assert.Contains("cell 1", result.Message);
        Assert.Contains("broken", result.Message);
        var json = File.ReadAllText(result.OutputNotebookPath!);
        Assert.Empty(NotebookValidator.Validate(json));
        var nb = Notebook.Parse(json);
        Assert.Equal("one\n", ((StreamOutput)nb.Cells[0].Outputs[0]).Text);
        var err = (ErrorOutput)nb.Cells[1].Outputs.Single();
        Assert.Equal("InvalidOperationException", err.EName);
        Assert.Null(nb.Cells[2].ExecutionCount);
        Assert.Empty(nb.Cells[2].Outputs);
        Assert.Contains("broken", File.ReadAllText(result.HtmlPath!));
    }

    [Fact]
    public async Task Relative_references_resolve_against_the_notebook_folder()
    {
        using var tmp = new TempDir();
        TestLibrary.Build(tmp.Path, "RelLib", "namespace RelLib; public static class Answer { public static int Value => 42; }");
        var nbDir = Path.Combine(tmp.Path, "notebooks");
        Directory.CreateDirectory(nbDir);
        var path = Path.Combine(nbDir, "rel.ipynb");
        new NotebookBuilder().Code("#r \"../lib/RelLib.dll\"\nRelLib.Answer.Value").Save(path);
        var result = await NotebookRunner.RunAsync(path, new NotebookRunOptions { OutputDirectory = Path.Combine(tmp.Path, "out") });
        Assert.True(result.Success, result.Message);
        Assert.Equal("42", ((ExecuteResultOutput)result.Notebook.Cells[0].Outputs.Single()).Data.GetText("text/plain"));
    }
}
