using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;
using NetMQ;
using SpokenDigits.Notebooks.Kernel;

namespace SpokenDigits.Notebooks.Tests.Kernel;

public class KernelTests
{
    private static readonly TimeSpan Short = TimeSpan.FromSeconds(1);

    [Fact]
    public void Kernel_info_describes_a_csharp_kernel()
    {
        using var h = new KernelHarness();
        var reply = h.Client.Request(h.Client.Shell, "kernel_info_request");
        Assert.Equal("kernel_info_reply", reply.MsgType);
        Assert.Equal("ok", reply.Str("status"));
        Assert.Equal("5.3", reply.Str("protocol_version"));
        Assert.Equal("spokendigits-csharp", reply.Str("implementation"));
        var li = reply.Content["language_info"]!.AsObject();
        Assert.Equal("csharp", li["name"]!.GetValue<string>());
        Assert.Equal("text/x-csharp", li["mimetype"]!.GetValue<string>());
        Assert.Equal(".cs", li["file_extension"]!.GetValue<string>());
        Assert.Equal("csharp", li["pygments_lexer"]!.GetValue<string>());
        Assert.Equal("text/x-csharp", li["codemirror_mode"]!.GetValue<string>());
        Assert.False(string.IsNullOrEmpty(li["version"]!.GetValue<string>()));
        Assert.False(string.IsNullOrEmpty(reply.Str("banner")));
        // also answered on control
        Assert.Equal("kernel_info_reply", h.Client.Request(h.Client.Control, "kernel_info_request").MsgType);
    }

    [Fact]
    public void State_carries_across_cells_with_execute_result_and_counts()
    {
        using var h = new KernelHarness();
        var (r1, io1) = h.Client.Execute("var x = 40;");
        Assert.Equal("ok", r1.Str("status"));
        Assert.Equal(1, r1.Content["execution_count"]!.GetValue<int>());
        Assert.Equal(["status", "execute_input", "status"], io1.Select(m => m.MsgType));
        Assert.Equal("busy", io1[0].Str("execution_state"));

        var (r2, io2) = h.Client.Execute("x + 2");
        Assert.Equal("ok", r2.Str("status"));
        Assert.Equal(2, r2.Content["execution_count"]!.GetValue<int>());
        var input = Assert.Single(io2, m => m.MsgType == "execute_input");
        Assert.Equal("x + 2", input.Str("code"));
        Assert.Equal(2, input.Content["execution_count"]!.GetValue<int>());
        var result = Assert.Single(io2, m => m.MsgType == "execute_result");
        Assert.Equal("execute_result", result.Topic);
        Assert.Equal("42", result.Content["data"]!["text/plain"]!.GetValue<string>());
        Assert.Equal(2, result.Content["execution_count"]!.GetValue<int>());
        Assert.IsType<JsonObject>(result.Content["metadata"]);
        Assert.Equal("idle", io2[^1].Str("execution_state"));
    }

    [Fact]
    public void Console_output_is_streamed_and_display_becomes_display_data()
    {
        using var h = new KernelHarness();
        var (reply, io) = h.Client.Execute("Console.WriteLine(\"hello\");\nConsole.Error.WriteLine(\"warn\");\nvar d = display(\"<b>hi</b>\", \"text/html\");\nd.Update(\"<b>bye</b>\");");
        Assert.Equal("ok", reply.Str("status"));
        var streams = io.Where(m => m.MsgType == "stream").ToList();
        Assert.Equal("hello\n", string.Concat(streams.Where(s => s.Str("name") == "stdout").Select(s => s.Str("text"))));
        Assert.Equal("warn\n", string.Concat(streams.Where(s => s.Str("name") == "stderr").Select(s => s.Str("text"))));
        var dd = Assert.Single(io, m => m.MsgType == "display_data");
        Assert.Equal("<b>hi</b>", dd.Content["data"]!["text/html"]!.GetValue<string>());
        var id = dd.Content["transient"]!["display_id"]!.GetValue<string>();
        var update = Assert.Single(io, m => m.MsgType == "update_display_data");
        Assert.Equal(id, update.Content["transient"]!["display_id"]!.GetValue<string>());
        Assert.Equal("<b>bye</b>", update.Content["data"]!["text/html"]!.GetValue<string>());
    }

    [Fact]
    public void Silent_execution_publishes_no_outputs_and_keeps_the_count()
    {
        using var h = new KernelHarness();
        var (r, io) = h.Client.Execute("Console.WriteLine(\"hidden\"); var s = 5; s", silent: true);
        Assert.Equal("ok", r.Str("status"));
        Assert.Equal(0, r.Content["execution_count"]!.GetValue<int>());
        Assert.Equal(["status", "status"], io.Select(m => m.MsgType));
        var (r2, io2) = h.Client.Execute("s * 2");
        Assert.Equal(1, r2.Content["execution_count"]!.GetValue<int>());
        Assert.Equal("10", Assert.Single(io2, m => m.MsgType == "execute_result").Content["data"]!["text/plain"]!.GetValue<string>());
    }

    [Fact]
    public void A_throwing_cell_reports_an_error_and_the_kernel_keeps_working()
    {
        using var h = new KernelHarness();
        var (reply, io) = h.Client.Execute("Console.WriteLine(\"before\");\nthrow new InvalidOperationException(\"boom\");");
        Assert.Equal("error", reply.Str("status"));
        Assert.Equal("InvalidOperationException", reply.Str("ename"));
        Assert.Equal("boom", reply.Str("evalue"));
        Assert.Equal(1, reply.Content["execution_count"]!.GetValue<int>());
        var error = Assert.Single(io, m => m.MsgType == "error");
        Assert.Equal("InvalidOperationException", error.Str("ename"));
        Assert.Equal("boom", error.Str("evalue"));
        Assert.NotEmpty(error.Content["traceback"]!.AsArray());
        Assert.Contains(io, m => m.MsgType == "stream" && m.Str("text") == "before\n");

        var (compile, cio) = h.Client.Execute("int y = \"text\";");
        Assert.Equal("error", compile.Str("status"));
        Assert.Equal("CompilationErrorException", Assert.Single(cio, m => m.MsgType == "error").Str("ename"));

        var (ok, okio) = h.Client.Execute("1 + 1");
        Assert.Equal("ok", ok.Str("status"));
        Assert.Equal(3, ok.Content["execution_count"]!.GetValue<int>());
        Assert.Equal("2", Assert.Single(okio, m => m.MsgType == "execute_result").Content["data"]!["text/plain"]!.GetValue<string>());
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Stop_on_error_aborts_execute_requests_queued_behind_a_failing_cell(bool stopOnError)
    {
        using var h = new KernelHarness();
        var c = h.Client;
        JsonObject Req(string code) => new() { ["code"] = code, ["silent"] = false, ["store_history"] = true, ["stop_on_error"] = stopOnError };
        var failing = c.Send(c.Shell, "execute_request", Req("System.Threading.Thread.Sleep(1000);\nthrow new Exception(\"first fails\");"));
        var queued = c.Send(c.Shell, "execute_request", Req("Console.WriteLine(\"second ran\");"));
        Assert.Equal("error", c.ReceiveReply(c.Shell, failing, KernelTestClient.Timeout)!.Str("status"));
        var second = c.ReceiveReply(c.Shell, queued, KernelTestClient.Timeout);
        Assert.NotNull(second);
        var io = c.IopubUntilIdle(queued);
        if (stopOnError)
        {
            Assert.Equal("aborted", second.Str("status"));
            Assert.DoesNotContain(io, m => m.MsgType == "stream");
        }
        else
        {
            Assert.Equal("ok", second.Str("status"));
            Assert.Contains(io, m => m.MsgType == "stream" && m.Str("text") == "second ran\n");
        }
        var (later, _) = c.Execute("\"later cells run\"");
        Assert.Equal("ok", later.Str("status"));
    }

    [Theory]
    [InlineData("while (true) { CancellationToken.ThrowIfCancellationRequested(); System.Threading.Thread.Sleep(10); }")]
    [InlineData("await Task.Delay(60000, CancellationToken);")]
    public void Interrupt_stops_a_long_cell(string code)
    {
        using var h = new KernelHarness();
        var c = h.Client;
        var id = c.Send(c.Shell, "execute_request", new JsonObject { ["code"] = code, ["silent"] = false, ["store_history"] = true });
        Assert.NotNull(c.NextIopub(m => m.ParentId == id && m.MsgType == "execute_input", DateTime.UtcNow + KernelTestClient.Timeout));
        Thread.Sleep(1500); // compiled and running
        var sw = Stopwatch.StartNew();
        var interrupt = c.Request(c.Control, "interrupt_request");
        Assert.Equal("interrupt_reply", interrupt.MsgType);
        Assert.Equal("ok", interrupt.Str("status"));
        var reply = c.ReceiveReply(c.Shell, id, KernelTestClient.Timeout);
        Assert.NotNull(reply);
        Assert.True(sw.Elapsed < TimeSpan.FromSeconds(5), $"interrupt took {sw.Elapsed}");
        Assert.Equal("error", reply.Str("status"));
        Assert.EndsWith("CanceledException", reply.Str("ename")); // OperationCanceled or TaskCanceled, whichever the engine saw first
        var io = c.IopubUntilIdle(id);
        Assert.Contains(io, m => m.MsgType == "error");

        var (after, _) = c.Execute("\"still alive\"");
        Assert.Equal("ok", after.Str("status"));
    }

    [Fact]
    public void Interrupt_while_idle_does_not_touch_the_next_cell()
    {
        using var h = new KernelHarness();
        var c = h.Client;
        var (failed, _) = c.Execute("throw new Exception(\"x\");");
        Assert.Equal("error", failed.Str("status"));
        var interrupt = c.Request(c.Control, "interrupt_request");
        Assert.Equal("ok", interrupt.Str("status"));
        var (next, io) = c.Execute("1 + 1");
        Assert.True(next.Str("status") == "ok", string.Join("\n", io));
    }

    /// <summary>A kernel that, once it has noted an interrupt_request, sets <paramref name="noted"/> and waits for
    /// <paramref name="held"/> before acting on it (at most 30 s).</summary>
    static KernelHarness HeldAtInterrupt(ManualResetEventSlim noted, ManualResetEventSlim held) =>
        new(controlMessageNoted: type =>
        {
            if (type != "interrupt_request") return;
            noted.Set();
            held.Wait(TimeSpan.FromSeconds(30));
        });

    private const string CooperativeCell =
        "Console.WriteLine(\"second started\");\n" +
        "for (int i = 0; i < 30; i++) { CancellationToken.ThrowIfCancellationRequested(); System.Threading.Thread.Sleep(100); }\n" +
        "\"second finished\"";

    [Fact]
    public void An_interrupt_that_arrives_as_a_cell_ends_does_not_cancel_the_next_cell()
    {
        // The interrupt arrives while the first cell runs; the kernel is held, after it noted that cell and before it acts,
        // until the first cell has ended and the second (queued) has started: the race of a stop button pressed just as a
        // cell finishes. The interrupt belongs to the first cell, which has ended, so it is dropped.
        using var held = new ManualResetEventSlim(false);
        using var noted = new ManualResetEventSlim(false);
        using var h = HeldAtInterrupt(noted, held);
        var c = h.Client;
        JsonObject Req(string code) => new() { ["code"] = code, ["silent"] = false, ["store_history"] = true, ["stop_on_error"] = true };
        var first = c.Send(c.Shell, "execute_request", Req("System.Threading.Thread.Sleep(1500);\n\"first finished\""));
        var second = c.Send(c.Shell, "execute_request", Req(CooperativeCell));
        Assert.NotNull(c.NextIopub(m => m.ParentId == first && m.MsgType == "execute_input", DateTime.UtcNow + KernelTestClient.Timeout));
        Thread.Sleep(300);   // compiled and sleeping
        var interrupt = c.Send(c.Control, "interrupt_request");
        Assert.True(noted.Wait(KernelTestClient.Timeout), "the interrupt_request never reached the control thread");

        Assert.Equal("ok", c.ReceiveReply(c.Shell, first, KernelTestClient.Timeout)?.Str("status"));
        Assert.NotNull(c.NextIopub(m => m.ParentId == second && m.MsgType == "stream" && m.Str("text") == "second started\n",
            DateTime.UtcNow + KernelTestClient.Timeout));
        held.Set();
        Assert.Equal("ok", c.ReceiveReply(c.Control, interrupt, KernelTestClient.Timeout)?.Str("status"));

        var reply = c.ReceiveReply(c.Shell, second, KernelTestClient.Timeout);
        Assert.NotNull(reply);
        var io = c.IopubUntilIdle(second);
        Assert.True(reply.Str("status") == "ok", "the second cell was cancelled by the first cell's interrupt: " + string.Join(" | ", io));
        Assert.Contains(io, m => m.MsgType == "execute_result" && m.Content["data"]!["text/plain"]!.GetValue<string>().Contains("second finished"));
        Assert.Contains("interrupt_request for In[1] arrived as it ended: dropped", h.Log);
    }

    [Fact]
    public void An_interrupt_held_while_its_cell_still_runs_interrupts_that_cell()
    {
        // The same hold, released while the cell the interrupt arrived for still runs: that cell stops.
        using var held = new ManualResetEventSlim(false);
        using var noted = new ManualResetEventSlim(false);
        using var h = HeldAtInterrupt(noted, held);
        var c = h.Client;
        var id = c.Send(c.Shell, "execute_request", new JsonObject { ["code"] = CooperativeCell, ["silent"] = false, ["store_history"] = true });
        Assert.NotNull(c.NextIopub(m => m.ParentId == id && m.MsgType == "stream", DateTime.UtcNow + KernelTestClient.Timeout));
        var interrupt = c.Send(c.Control, "interrupt_request");
        Assert.True(noted.Wait(KernelTestClient.Timeout));
        Thread.Sleep(200);
        held.Set();
        Assert.Equal("ok", c.ReceiveReply(c.Control, interrupt, KernelTestClient.Timeout)?.Str("status"));
        var reply = c.ReceiveReply(c.Shell, id, KernelTestClient.Timeout);
        Assert.NotNull(reply);
        Assert.Equal("error", reply.Str("status"));
        Assert.EndsWith("CanceledException", reply.Str("ename"));
        var (after, _) = c.Execute("\"still alive\"");
        Assert.Equal("ok", after.Str("status"));
    }

    [Fact]
    public void Complete_lists_members_of_a_variable_types_and_names()
    {
        using var h = new KernelHarness();
        h.Client.Execute("var x = 40; var words = new List<string> { \"a\" };");

        var r = h.Client.Request(h.Client.Shell, "complete_request", new JsonObject { ["code"] = "x.", ["cursor_pos"] = 2 });
        Assert.Equal("complete_reply", r.MsgType);
        Assert.Equal("ok", r.Str("status"));
        var matches = r.Content["matches"]!.AsArray().Select(m => m!.GetValue<string>()).ToList();
        Assert.Contains("ToString", matches);
        Assert.Contains("CompareTo", matches);
        Assert.Equal(2, r.Content["cursor_start"]!.GetValue<int>());
        Assert.Equal(2, r.Content["cursor_end"]!.GetValue<int>());

        List<string> Matches(string code, int? cursor = null)
        {
            var reply = h.Client.Request(h.Client.Shell, "complete_request", new JsonObject { ["code"] = code, ["cursor_pos"] = cursor ?? code.Length });
            return reply.Content["matches"]!.AsArray().Select(m => m!.GetValue<string>()).ToList();
        }
        Assert.Contains("WriteLine", Matches("Console.Wr"));
        Assert.DoesNotContain("ToString", Matches("Console.Wr"));
        Assert.Contains("Count", Matches("var n = words.Co"));
        Assert.Contains("Select", Matches("words.Sel")); // LINQ on enumerables
        Assert.Contains("words", Matches("wor"));
        Assert.Contains("Collections", Matches("System.Col"));
        Assert.Contains("CancellationToken", Matches("Cancell"));
        Assert.Contains("IsCancellationRequested", Matches("CancellationToken.IsCanc"));
        var mid = h.Client.Request(h.Client.Shell, "complete_request", new JsonObject { ["code"] = "x.Comp + 1", ["cursor_pos"] = 6 });
        Assert.Equal(2, mid.Content["cursor_start"]!.GetValue<int>());
        Assert.Equal(6, mid.Content["cursor_end"]!.GetValue<int>());
        Assert.Empty(Matches("nosuchvariable."));
    }

    [Fact]
    public void Inspect_shows_type_and_value_of_a_variable()
    {
        using var h = new KernelHarness();
        h.Client.Execute("var x = 40;");
        var r = h.Client.Request(h.Client.Shell, "inspect_request", new JsonObject { ["code"] = "x + 1", ["cursor_pos"] = 1, ["detail_level"] = 0 });
        Assert.Equal("inspect_reply", r.MsgType);
        Assert.True(r.Content["found"]!.GetValue<bool>());
        var text = r.Content["data"]!["text/plain"]!.GetValue<string>();
        Assert.Contains("System.Int32", text);
        Assert.Contains("40", text);
        var t = h.Client.Request(h.Client.Shell, "inspect_request", new JsonObject { ["code"] = "Console.WriteLine", ["cursor_pos"] = 12 });
        Assert.Contains("WriteLine(System.String value)", t.Content["data"]!["text/plain"]!.GetValue<string>());
        var missing = h.Client.Request(h.Client.Shell, "inspect_request", new JsonObject { ["code"] = "nothing", ["cursor_pos"] = 3 });
        Assert.False(missing.Content["found"]!.GetValue<bool>());
    }

    [Fact]
    public void Is_complete_uses_roslyn_script_parsing()
    {
        using var h = new KernelHarness();
        string Status(string code) => h.Client.Request(h.Client.Shell, "is_complete_request", new JsonObject { ["code"] = code }).Str("status")!;
        Assert.Equal("incomplete", Status("if (true) {"));
        Assert.Equal("incomplete", Status("var s = \"\"\"\nopen raw string"));
        Assert.Equal("complete", Status("var y = 1;"));
        Assert.Equal("complete", Status("#r \"System.Text.Json\"\nif (true) { }"));
        Assert.Equal("complete", Status(""));
        Assert.Equal("    ", h.Client.Request(h.Client.Shell, "is_complete_request", new JsonObject { ["code"] = "for (;;) {" }).Str("indent"));
    }

    [Fact]
    public void Comm_info_history_and_unknown_requests_get_replies()
    {
        using var h = new KernelHarness();
        var comm = h.Client.Request(h.Client.Shell, "comm_info_request");
        Assert.Equal("comm_info_reply", comm.MsgType);
        Assert.Empty(comm.Content["comms"]!.AsObject());
        var history = h.Client.Request(h.Client.Shell, "history_request", new JsonObject { ["hist_access_type"] = "tail", ["n"] = 10 });
        Assert.Equal("history_reply", history.MsgType);
        Assert.Empty(history.Content["history"]!.AsArray());
        var unknown = h.Client.Request(h.Client.Shell, "frobnicate_request");
        Assert.Equal("frobnicate_reply", unknown.MsgType);
        Assert.Equal("error", unknown.Str("status"));
        // a non-request of an unknown type: logged, no reply
        var id = h.Client.Send(h.Client.Shell, "something_else");
        Assert.Null(h.Client.ReceiveReply(h.Client.Shell, id, Short));
        Assert.Contains("something_else", h.Log);
    }

    [Fact]
    public void Messages_with_a_bad_signature_or_malformed_json_are_dropped()
    {
        using var h = new KernelHarness();
        var c = h.Client;
        var badId = c.Send(c.Shell, "kernel_info_request", signature: new string('0', 64));
        Assert.Null(c.ReceiveReply(c.Shell, badId, Short));
        Assert.Contains("invalid signature", h.Log);

        // correctly signed, but the header is not JSON
        var parts = new[] { "{not json", "{}", "{}", "{}" }.Select(Encoding.UTF8.GetBytes).ToArray();
        c.SendFrames(c.Shell, c.Sign(parts), parts);
        // correctly signed JSON that is not an object, and a message without the delimiter
        var arr = new[] { "[1,2]", "{}", "{}", "{}" }.Select(Encoding.UTF8.GetBytes).ToArray();
        c.SendFrames(c.Shell, c.Sign(arr), arr);
        c.Shell.SendFrame("garbage");
        var deadline = DateTime.UtcNow + KernelTestClient.Timeout;
        while (!h.Log.Contains("no <IDS|MSG> delimiter") && DateTime.UtcNow < deadline) Thread.Sleep(50);
        Assert.Contains("malformed JSON in header", h.Log);
        Assert.Contains("no <IDS|MSG> delimiter", h.Log);

        var good = c.Request(c.Shell, "kernel_info_request");
        Assert.Equal("ok", good.Str("status"));
        var (r, _) = c.Execute("6 * 7");
        Assert.Equal("ok", r.Str("status"));
    }

    [Fact]
    public void Heartbeat_echoes()
    {
        using var h = new KernelHarness();
        h.Client.Heartbeat.SendFrame("ping");
        Assert.True(h.Client.Heartbeat.TryReceiveFrameString(KernelTestClient.Timeout, out var echo));
        Assert.Equal("ping", echo);
    }

    [Fact]
    public void Shutdown_replies_and_stops_the_kernel()
    {
        using var h = new KernelHarness();
        var reply = h.Client.Request(h.Client.Control, "shutdown_request", new JsonObject { ["restart"] = false });
        Assert.Equal("shutdown_reply", reply.MsgType);
        Assert.Equal("ok", reply.Str("status"));
        Assert.False(reply.Content["restart"]!.GetValue<bool>());
        Assert.True(h.Kernel.Stopping.IsCancellationRequested);
        Assert.True(h.Kernel.Join(KernelTestClient.Timeout), "the kernel's threads did not stop");
    }

    [Fact]
    public async Task Run_returns_after_shutdown_when_started_from_a_connection_file()
    {
        using var tmp = new TempDir();
        var ports = FreePorts(5);
        var file = tmp.File("kernel-test.json");
        new ConnectionInfo
        {
            Ip = "127.0.0.1", ShellPort = ports[0], IopubPort = ports[1], StdinPort = ports[2], ControlPort = ports[3], HbPort = ports[4],
            Key = Guid.NewGuid().ToString(), KernelName = "spokendigits-csharp",
        }.Save(file);
        var connection = ConnectionInfo.Load(file);
        Assert.Equal(ports[3], connection.ControlPort);
        using var kernel = new JupyterKernel(connection, new JupyterKernelOptions { Log = TextWriter.Null });
        var run = Task.Factory.StartNew(() => kernel.Run(), TaskCreationOptions.LongRunning);
        using var client = new KernelTestClient(connection);
        client.WaitReady();
        var (r, io) = client.Execute("Environment.CurrentDirectory.Length > 0");
        Assert.Equal("True", Assert.Single(io, m => m.MsgType == "execute_result").Content["data"]!["text/plain"]!.GetValue<string>());
        client.Request(client.Shell, "shutdown_request", new JsonObject { ["restart"] = true });
        Assert.True(await Task.WhenAny(run, Task.Delay(KernelTestClient.Timeout)) == run, "Run did not return after shutdown_request");
        client.Dispose();
    }

    [Fact]
    public void Output_conversion_keeps_text_as_strings_and_json_mime_types_as_objects()
    {
        var bundle = new MimeBundle();
        bundle.SetFormatted(MimeBundle.PlotlyMimeType, "{\"data\":[{\"type\":\"scatter\",\"y\":[1,2]}],\"layout\":{}}");
        bundle["text/plain"] = "line 1\nline 2\n";
        bundle["text/html"] = "<div>\n</div>";
        var (type, content) = OutputMessages.ToMessage(new DisplayDataOutput(bundle), 3);
        Assert.Equal("display_data", type);
        var data = content["data"]!.AsObject();
        Assert.Equal("line 1\nline 2\n", data["text/plain"]!.GetValue<string>());
        Assert.Equal("<div>\n</div>", data["text/html"]!.GetValue<string>());
        var plotly = Assert.IsType<JsonObject>(data[MimeBundle.PlotlyMimeType]);
        Assert.Equal("scatter", plotly["data"]![0]!["type"]!.GetValue<string>());
        var (rt, rc) = OutputMessages.ToMessage(new ExecuteResultOutput(bundle, 1), 7);
        Assert.Equal("execute_result", rt);
        Assert.Equal(7, rc["execution_count"]!.GetValue<int>());
    }

    [Fact]
    public void Signer_matches_an_independent_hmac_and_rejects_tampering()
    {
        var signer = new MessageSigner("secret");
        var parts = new[] { "{\"a\":1}", "{}", "{}", "{\"code\":\"1\"}" }.Select(Encoding.UTF8.GetBytes).ToArray();
        using var hmac = new System.Security.Cryptography.HMACSHA256(Encoding.UTF8.GetBytes("secret"));
        var expected = Convert.ToHexString(hmac.ComputeHash(parts.SelectMany(p => p).ToArray())).ToLowerInvariant();
        Assert.Equal(expected, signer.Sign(parts));
        Assert.True(signer.Verify(expected, parts));
        parts[3] = Encoding.UTF8.GetBytes("{\"code\":\"2\"}");
        Assert.False(signer.Verify(expected, parts));
        Assert.True(new MessageSigner("").Verify("", parts)); // no key: unsigned
    }

    [Fact]
    public void Install_writes_a_kernelspec_under_the_prefix()
    {
        using var tmp = new TempDir();
        var dll = tmp.File("SpokenDigits.Cli.dll");
        var dir = KernelSpec.Install(dll, prefix: tmp.Path, name: "sd-test");
        Assert.Equal(Path.Combine(tmp.Path, "share", "jupyter", "kernels", "sd-test"), dir);
        var json = JsonNode.Parse(File.ReadAllText(Path.Combine(dir, "kernel.json")))!.AsObject();
        Assert.Equal(["dotnet", dll, "kernel", "-f", "{connection_file}"], json["argv"]!.AsArray().Select(a => a!.GetValue<string>()));
        Assert.Equal("C# (SpokenDigits)", json["display_name"]!.GetValue<string>());
        Assert.Equal("csharp", json["language"]!.GetValue<string>());
        Assert.Equal("message", json["interrupt_mode"]!.GetValue<string>());
        Assert.Throws<ArgumentException>(() => KernelSpec.Install(dll, tmp.Path, "../evil"));
        Assert.EndsWith(Path.Combine("jupyter", "kernels"), KernelSpec.KernelsDirectory(null));
    }

    [Fact]
    public async Task A_notebook_run_through_the_kernel_matches_the_headless_runner()
    {
        using var tmp = new TempDir();
        var nb = new NotebookBuilder()
            .Markdown("# Kernel vs runner")
            .Code("var values = new[] { 3, 1, 2 };\nint Twice(int v) => v * 2;")
            .Code("Console.WriteLine($\"sum = {values.Sum()}\");\nConsole.Write(\"partial\");")
            .Code("values.Select(Twice).OrderBy(v => v).ToList()")
            .Code("Console.Error.WriteLine(\"note\");\ndisplay(\"shown\");\nstring.Join(\",\", values)")
            .Code("record Point(int X, int Y);\nnew Point(1, 2)")
            .Code("var total = 0;\nfor (int i = 0; i < 3; i++) { total += Twice(i); Console.WriteLine(i); }\ntotal")
            .Build();
        var runner = await NotebookRunner.RunAsync(nb, tmp.Path, "kernel-vs-runner", new NotebookRunOptions { OutputDirectory = "" });
        Assert.True(runner.Success, runner.Message);
        var expected = runner.Notebook.CodeCells.Select(c => Summarize(c.Outputs)).ToList();

        using var h = new KernelHarness(baseDirectory: tmp.Path);
        var actual = new List<List<string>>();
        foreach (var cell in nb.CodeCells)
        {
            var (reply, io) = h.Client.Execute(cell.Source);
            Assert.Equal("ok", reply.Str("status"));
            actual.Add(Summarize(io.Where(m => m.MsgType is "stream" or "display_data" or "execute_result" or "error")
                .Select(m => CellOutput.FromJson(ToOutputJson(m))).Aggregate(new CollectingOutputSink(), (s, o) => { s.Publish(o); return s; }).Outputs));
        }
        Assert.Equal(expected, actual);
        Assert.Equal(6, expected.Count);
        Assert.Contains(expected[4], x => x.StartsWith("execute_result") && x.Contains('2')); // the record's formatted value
        Assert.Equal(["stream stdout: 0\n1\n2\n", "execute_result text/plain: 6"], expected[5]);
    }

    private static JsonObject ToOutputJson(ClientMessage m)
    {
        var o = (JsonObject)m.Content.DeepClone();
        o["output_type"] = m.MsgType;
        return o;
    }

    private static List<string> Summarize(IEnumerable<CellOutput> outputs) => outputs.Select(o => o switch
    {
        StreamOutput s => $"stream {s.Name}: {s.Text}",
        ExecuteResultOutput r => $"execute_result text/plain: {r.Data.GetText("text/plain")}",
        DisplayDataOutput d => $"display_data text/plain: {d.Data.GetText("text/plain")}",
        ErrorOutput e => $"error {e.EName}: {e.EValue}",
        _ => o.OutputType,
    }).ToList();

    private static int[] FreePorts(int n)
    {
        var listeners = Enumerable.Range(0, n).Select(_ => new TcpListener(IPAddress.Loopback, 0)).ToList();
        foreach (var l in listeners) l.Start();
        var ports = listeners.Select(l => ((IPEndPoint)l.LocalEndpoint).Port).ToArray();
        foreach (var l in listeners) l.Stop();
        return ports;
    }
}
