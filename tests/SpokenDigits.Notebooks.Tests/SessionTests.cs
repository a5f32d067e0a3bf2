using System.Text.Json.Nodes;

namespace SpokenDigits.Notebooks.Tests;

public class SessionTests
{
    [Fact]
    public async Task State_carries_across_cells_and_counts_increase()
    {
        using var s = new NotebookSession();
        var r1 = await s.ExecuteAsync("var x = 40;\nint Twice(int v) => v * 2;");
        Assert.True(r1.Success);
        Assert.Empty(r1.Outputs);
        var r2 = await s.ExecuteAsync("x + 2");
        Assert.True(r2.Success);
        var result = Assert.IsType<ExecuteResultOutput>(Assert.Single(r2.Outputs));
        Assert.Equal("42", result.Data.GetText("text/plain"));
        Assert.Equal(2, result.ExecutionCount);
        var r3 = await s.ExecuteAsync("Twice(x);");
        Assert.Empty(r3.Outputs); // statement with ';': no execute_result
        Assert.Equal(3, r3.ExecutionCount);
        Assert.True(s.TryGetVariable("x", out var v, out var t));
        Assert.Equal(40, v);
        Assert.Equal(typeof(int), t);
    }

    [Fact]
    public async Task Console_and_display_become_outputs_in_order()
    {
        using var s = new NotebookSession();
        var r = await s.ExecuteAsync("""
            Console.WriteLine("hello");
            Console.Write("no newline");
            Console.Error.WriteLine("oops");
            display(123);
            Console.WriteLine("after");
            await Task.Run(() => Console.WriteLine("from task"));
            Console.WriteLine("x") 
            """);
        Assert.True(r.Success, r.Error?.EValue);
        var kinds = r.Outputs.Select(o => o is StreamOutput so ? so.Name : o.OutputType).ToList();
        Assert.Equal(["stdout", "stderr", "display_data", "stdout"], kinds);
        Assert.Equal("hello\nno newline", ((StreamOutput)r.Outputs[0]).Text);
        Assert.Equal("oops\n", ((StreamOutput)r.Outputs[1]).Text);
        var dd = (DisplayDataOutput)r.Outputs[2];
        Assert.Equal("123", dd.Data.GetText("text/plain"));
        Assert.Equal("after\nfrom task\nx\n", ((StreamOutput)r.Outputs[3]).Text);
        // console restored to the original writer outside cells
        Assert.DoesNotContain(r.Outputs, o => o is ExecuteResultOutput);
    }

    [Fact]
    public async Task Display_with_mime_type_and_html_preferred_types()
    {
        using var s = new NotebookSession();
        var r = await s.ExecuteAsync("""
            display("<b>hi</b>", "text/html");
            new { A = 1, B = "two" }
            """);
        Assert.True(r.Success, r.Error?.EValue);
        var d = (DisplayDataOutput)r.Outputs[0];
        Assert.Equal("<b>hi</b>", d.Data.GetText("text/html"));
        Assert.Equal("<b>hi</b>", d.Data.GetText("text/plain"));
        var er = (ExecuteResultOutput)r.Outputs[1];
        Assert.True(er.Data.ContainsKey("text/plain"));
        Assert.Contains("text/html", er.Data.Keys); // Formatter's default preferred type for objects
    }

    [Fact]
    public async Task Compile_error_is_an_error_output_and_state_survives()
    {
        using var s = new NotebookSession();
        await s.ExecuteAsync("var ok = 1;");
        var r = await s.ExecuteAsync("var y = 2;\nvar z = undefinedName + 1;", cellName: "Cell 7");
        Assert.False(r.Success);
        var e = Assert.IsType<ErrorOutput>(r.Outputs.Last());
        Assert.Equal("CompilationErrorException", e.EName);
        Assert.Contains("CS0103", e.EValue);
        Assert.StartsWith("(2,9)", e.EValue);
        Assert.Contains(e.Traceback, l => l.StartsWith("Cell 7, line 2, column 9"));
        var after = await s.ExecuteAsync("ok");
        Assert.Equal("1", ((ExecuteResultOutput)after.Outputs[0]).Data.GetText("text/plain"));
    }

    [Fact]
    public async Task Runtime_exception_is_an_error_output()
    {
        using var s = new NotebookSession();
        var r = await s.ExecuteAsync("Console.WriteLine(\"before\");\nthrow new InvalidOperationException(\"boom\");");
        Assert.False(r.Success);
        Assert.Equal("before\n", ((StreamOutput)r.Outputs[0]).Text);
        var e = (ErrorOutput)r.Outputs[1];
        Assert.Equal("InvalidOperationException", e.EName);
        Assert.Equal("boom", e.EValue);
        Assert.NotEmpty(e.Traceback);
    }

    [Fact]
    public async Task Magics_and_unsupported_references()
    {
        using var s = new NotebookSession();
        var ok = await s.ExecuteAsync("#!csharp\n#!time\n1 + 1");
        Assert.True(ok.Success, ok.Error?.EValue);
        Assert.Contains(ok.Outputs, o => o is StreamOutput { Text: var t } && t.StartsWith("Wall time"));
        var about = await s.ExecuteAsync("#!about\n2");
        Assert.True(about.Success);
        Assert.Contains(about.Outputs, o => o is StreamOutput { Name: "stderr" });
        var fs = await s.ExecuteAsync("#!fsharp\nlet x = 1");
        Assert.False(fs.Success);
        Assert.Contains("C# only", fs.Error!.EValue);
        var nuget = await s.ExecuteAsync("#r \"nuget: TorchSharp, 0.107.0\"");
        Assert.False(nuget.Success);
        Assert.Contains("NuGet references are not supported", nuget.Error!.EValue);
    }

    [Fact]
    public async Task Cancellation_and_timeout()
    {
        using var s = new NotebookSession(new NotebookSessionOptions { CellTimeout = TimeSpan.FromMilliseconds(300) });
        var r = await s.ExecuteAsync("while (true) { await Task.Delay(20, CancellationToken); }");
        Assert.False(r.Success);
        Assert.True(r.Cancelled);
        Assert.Empty(s.AbandonedCellsStillRunning); // cooperative code stopped
        var next = await s.ExecuteAsync("3");
        Assert.True(next.Success);
    }

    [Fact]
    public async Task A_cell_that_ignores_the_interrupt_is_abandoned_and_the_session_goes_on()
    {
        using var s = new NotebookSession();
        Assert.True((await s.ExecuteAsync("var keep = 41;")).Success);
        using var stop = new CancellationTokenSource(TimeSpan.FromMilliseconds(500));
        // ignores its token: Thread.Sleep cannot be cancelled; the line after it must never reach the notebook
        var r = await s.ExecuteAsync("System.Threading.Thread.Sleep(4000); Console.WriteLine(\"late\"); var lost = 1;", cancellationToken: stop.Token);
        Assert.True(r.Cancelled);
        Assert.Contains("goes on running in the background", r.Error!.EValue);
        Assert.Equal(["Cell [2]"], s.AbandonedCellsStillRunning);

        var next = await s.ExecuteAsync("keep + 1");
        Assert.True(next.Success, next.Error?.EValue);
        Assert.Equal(42, next.ReturnValue);
        Assert.Contains(next.Outputs, o => o is StreamOutput { Name: "stderr", Text: var t } && t.Contains("Cell [2] was interrupted") && t.Contains("still running"));

        await Task.Delay(4000);
        var later = await s.ExecuteAsync("keep");
        Assert.Contains(later.Outputs, o => o is StreamOutput { Name: "stderr", Text: var t } && t.Contains("has now ended in the background"));
        Assert.DoesNotContain(r.Outputs.Concat(next.Outputs).Concat(later.Outputs), o => o is StreamOutput { Text: var t } && t.Contains("late"));
        Assert.Empty(s.AbandonedCellsStillRunning);
        Assert.False((await s.ExecuteAsync("lost")).Success); // the abandoned cell's variables were discarded
    }

    [Fact]
    public async Task The_library_sees_the_running_cells_cancellation()
    {
        using var s = new NotebookSession();
        var r = await s.ExecuteAsync($"#r \"{FrontEnds.RepositoryFiles.LibraryDll}\"\n" +
            "SpokenDigits.Runtime.AmbientCancellation.Current == CancellationToken && CancellationToken.CanBeCanceled");
        Assert.True(r.Success, r.Error?.EValue);
        Assert.Equal(true, r.ReturnValue);
    }

    [Fact]
    public async Task Reference_loads_a_library_and_its_formatter_once()
    {
        using var tmp = new TempDir();
        TestLibrary.Build(tmp.Path, "FormatterLib", """
            using Microsoft.DotNet.Interactive.Formatting;
            namespace FormatterLib;
            public sealed class Score { public double Value { get; init; } }
            public static class Setup
            {
                public static void Register()
                {
                    Formatter.Register<Score>(s => $"<div class=\"score\">{s.Value:0.00}</div>", "text/html");
                    Formatter.Register<Score>(s => "{\"data\":[{\"y\":[" + s.Value.ToString(System.Globalization.CultureInfo.InvariantCulture) + "]}],\"layout\":{}}", "application/vnd.plotly.v1+json");
                    Formatter.SetPreferredMimeTypesFor(typeof(Score), "text/html", "application/vnd.plotly.v1+json");
                }
                public static System.Reflection.Assembly FormattingAssembly => typeof(Formatter).Assembly;
            }
            """);
        var nbDir = Path.Combine(tmp.Path, "notebooks");
        Directory.CreateDirectory(nbDir);
        using var s = new NotebookSession(new NotebookSessionOptions { BaseDirectory = nbDir });
        var r1 = await s.ExecuteAsync("#r \"../lib/FormatterLib.dll\"\nusing FormatterLib;\nSetup.Register();\nvar first = new Score { Value = 0.5 };\nfirst");
        Assert.True(r1.Success, r1.Error?.EValue + string.Join("\n", r1.Error?.Traceback ?? []));
        var er = Assert.IsType<ExecuteResultOutput>(r1.Outputs.Last());
        Assert.Equal("<div class=\"score\">0.50</div>", er.Data.GetText("text/html"));
        Assert.IsType<JsonObject>(er.Data[MimeBundle.PlotlyMimeType]);

        // a second #r of the same file and the types are the same across cells
        var r2 = await s.ExecuteAsync("#r \"../lib/FormatterLib.dll\"\nvar second = new Score { Value = 2 };\n$\"{first.GetType() == second.GetType()} {Setup.FormattingAssembly == typeof(Microsoft.DotNet.Interactive.Formatting.Formatter).Assembly}\"");
        Assert.True(r2.Success, r2.Error?.EValue);
        Assert.Equal("True True", ((ExecuteResultOutput)r2.Outputs.Last()).Data.GetText("text/plain"));

        // exactly one FormatterLib and one Formatting assembly in the process, in the default context
        var libs = AppDomain.CurrentDomain.GetAssemblies().Where(a => a.GetName().Name == "FormatterLib").ToList();
        var lib = Assert.Single(libs);
        Assert.Equal(System.Runtime.Loader.AssemblyLoadContext.Default, System.Runtime.Loader.AssemblyLoadContext.GetLoadContext(lib));
        Assert.Single(AppDomain.CurrentDomain.GetAssemblies(), a => a.GetName().Name == "Microsoft.DotNet.Interactive.Formatting");

        // a second session (another notebook) referencing it again gets the same loaded copy
        using var s2 = new NotebookSession(new NotebookSessionOptions { BaseDirectory = nbDir });
        var r3 = await s2.ExecuteAsync("#r \"../lib/FormatterLib.dll\"\nnew FormatterLib.Score { Value = 1 }");
        Assert.True(r3.Success, r3.Error?.EValue);
        Assert.Equal("<div class=\"score\">1.00</div>", ((ExecuteResultOutput)r3.Outputs.Last()).Data.GetText("text/html"));
    }

    [Fact]
    public async Task Reference_to_an_already_loaded_assembly_from_another_path_reuses_it()
    {
        // like the CLI, which references SpokenDigits itself while notebooks #r the library's own build output
        using var tmp = new TempDir();
        var here = typeof(SessionTests).Assembly.Location;
        var copy = tmp.File(Path.GetFileName(here));
        File.Copy(here, copy);
        using var s = new NotebookSession(new NotebookSessionOptions { BaseDirectory = tmp.Path });
        var r = await s.ExecuteAsync($"#r \"{Path.GetFileName(copy)}\"\ntypeof(SpokenDigits.Notebooks.Tests.SessionTests).Assembly.Location");
        Assert.True(r.Success, r.Error?.EValue);
        Assert.Equal(here, ((ExecuteResultOutput)r.Outputs.Last()).Data.GetText("text/plain"));
        Assert.Contains(r.Outputs, o => o is StreamOutput { Name: "stderr", Text: var t } && t.Contains("already loaded"));
        Assert.Single(AppDomain.CurrentDomain.GetAssemblies(), a => a.GetName().Name == typeof(SessionTests).Assembly.GetName().Name);
    }

    [Fact]
    public async Task Missing_reference_is_an_error()
    {
        using var tmp = new TempDir();
        using var s = new NotebookSession(new NotebookSessionOptions { BaseDirectory = tmp.Path });
        var r = await s.ExecuteAsync("#r \"nope/Missing.dll\"\n1");
        Assert.False(r.Success);
        Assert.Contains("Missing.dll", r.Error!.EValue);
    }
}
