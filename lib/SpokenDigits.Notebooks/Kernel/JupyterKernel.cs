using System.Collections.Concurrent;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.CodeAnalysis.CSharp;
using NetMQ;
using NetMQ.Sockets;

namespace SpokenDigits.Notebooks.Kernel;

public sealed class JupyterKernelOptions
{
    /// <summary>Options of the kernel's one <see cref="NotebookSession"/> (base directory: the current directory, as Jupyter starts kernels in the notebook's folder).</summary>
    public NotebookSessionOptions Session { get; set; } = new();

    /// <summary>Where the kernel logs protocol problems (dropped messages...). Default: the process's stderr.</summary>
    public TextWriter? Log { get; set; }

    /// <summary>Tests only: called on the control thread with each control message's type after the kernel noted which
    /// cell was running when the message arrived and before it is handled (lets a test hold an interrupt in that window).</summary>
    internal Action<string>? ControlMessageNoted { get; set; }
}

/// <summary>
/// A Jupyter kernel (messaging protocol 5.3 over ZeroMQ) in front of one <see cref="NotebookSession"/>:
/// the same engine the headless runner uses. Threads: shell (requests, cells run here one at a time),
/// control (interrupt/shutdown, served while a cell runs), iopub (the only thread that touches the PUB
/// socket; everything else queues), heartbeat (echo). The stdin socket is bound but input requests
/// are not supported (Console.ReadLine in a cell reads the kernel process's stdin).
/// After a failed cell (stop_on_error, the default) execute_requests already queued are answered "aborted".
/// Invalid signatures, malformed frames or JSON: logged and dropped. Unknown *_request types: a
/// reply with status "error"; other unknown types (comm_* ...): logged and ignored.
/// </summary>
public sealed class JupyterKernel : IDisposable
{
    public const string Implementation = "spokendigits-csharp";
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(100);

    private readonly ConnectionInfo _connection;
    private readonly MessageSigner _signer;
    private readonly TextWriter _log;
    private readonly string _sessionId = Guid.NewGuid().ToString();
    private readonly NotebookSession _session;
    private readonly KernelIntrospection _introspection;
    private readonly RouterSocket _shell, _control, _stdin;
    private readonly PublisherSocket _iopub;
    private readonly ResponseSocket _heartbeat;
    private readonly BlockingCollection<JupyterMessage> _iopubQueue = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly object _cellGate = new();
    private readonly List<Thread> _threads = new();
    private readonly Action<string>? _controlMessageNoted;
    private RunningCell? _runningCell; // under _cellGate
    private int _executionCount;
    private bool _abortQueued; // shell thread only
    private int _started, _disposed;

    /// <summary>Binds the five sockets (ports given as 0 are chosen and written back into <paramref name="connection"/>).</summary>
    public JupyterKernel(ConnectionInfo connection, JupyterKernelOptions? options = null)
    {
        options ??= new JupyterKernelOptions();
        _connection = connection;
        _signer = new MessageSigner(connection.Key, connection.SignatureScheme);
        _log = options.Log ?? Console.Error;
        _controlMessageNoted = options.ControlMessageNoted;
        _session = new NotebookSession(options.Session);
        _introspection = new KernelIntrospection(_session, options.Session.Imports);
        _shell = new RouterSocket(); _control = new RouterSocket(); _stdin = new RouterSocket();
        _iopub = new PublisherSocket(); _heartbeat = new ResponseSocket();
        try
        {
            connection.ShellPort = Bind(_shell, connection.ShellPort);
            connection.IopubPort = Bind(_iopub, connection.IopubPort);
            connection.StdinPort = Bind(_stdin, connection.StdinPort);
            connection.ControlPort = Bind(_control, connection.ControlPort);
            connection.HbPort = Bind(_heartbeat, connection.HbPort);
        }
        catch
        {
            DisposeSockets();
            _session.Dispose();
            throw;
        }
    }

    public ConnectionInfo Connection => _connection;

    /// <summary>The engine behind the kernel.</summary>
    public NotebookSession Session => _session;

    /// <summary>Cancelled when a shutdown_request was answered (or <see cref="Stop"/> was called).</summary>
    public CancellationToken Stopping => _stop.Token;

    private int Bind(NetMQSocket socket, int port)
    {
        socket.Options.Linger = TimeSpan.FromSeconds(1);
        if (port > 0) { socket.Bind(_connection.Endpoint(port)); return port; }
        return socket.BindRandomPort(_connection.EndpointWithoutPort);
    }

    /// <summary>Starts the socket threads and returns.</summary>
    public void Start()
    {
        if (Interlocked.Exchange(ref _started, 1) != 0) throw new InvalidOperationException("The kernel is already running.");
        StartThread("kernel-iopub", IopubLoop);
        StartThread("kernel-heartbeat", HeartbeatLoop);
        StartThread("kernel-control", () => RequestLoop(_control, "control"));
        StartThread("kernel-shell", () => RequestLoop(_shell, "shell"));
        Publish("status", new JsonObject { ["execution_state"] = "starting" }, null);
    }

    /// <summary>Runs until a shutdown_request (or <paramref name="cancellationToken"/>), then closes the sockets.</summary>
    public void Run(CancellationToken cancellationToken = default)
    {
        Start();
        using (cancellationToken.Register(Stop))
            WaitHandle.WaitAny([_stop.Token.WaitHandle]);
        Join(TimeSpan.FromSeconds(10));
    }

    /// <summary>Asks every loop to end (a running cell is cancelled).</summary>
    public void Stop()
    {
        CancelRunningCell();
        try { _stop.Cancel(); } catch (ObjectDisposedException) { }
    }

    /// <summary>Waits for the socket threads to end after <see cref="Stop"/>.</summary>
    public bool Join(TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        foreach (var t in _threads)
            if (!t.Join(Max(deadline - DateTime.UtcNow))) return false;
        return true;
    }

    private static TimeSpan Max(TimeSpan t) => t < TimeSpan.Zero ? TimeSpan.Zero : t;

    private void StartThread(string name, Action loop)
    {
        var t = new Thread(() =>
        {
            try { loop(); }
            catch (Exception e) { Log($"{name} thread failed: {e}"); Stop(); }
        }) { IsBackground = true, Name = name };
        _threads.Add(t);
        t.Start();
    }

    // ---- loops ----------------------------------------------------------------------------------

    private void IopubLoop()
    {
        while (true)
        {
            JupyterMessage? m;
            try
            {
                if (!_iopubQueue.TryTake(out m, Poll))
                {
                    if (_stop.IsCancellationRequested && _iopubQueue.Count == 0) break;
                    continue;
                }
            }
            catch (InvalidOperationException) { break; }
            _iopub.SendMultipartMessage(WireFormat.Serialize(m, _signer));
        }
    }

    private void HeartbeatLoop()
    {
        NetMQMessage? ping = null;
        while (!_stop.IsCancellationRequested)
        {
            if (_heartbeat.TryReceiveMultipartMessage(Poll, ref ping))
                _heartbeat.SendMultipartMessage(ping);
        }
    }

    private void RequestLoop(RouterSocket socket, string channel)
    {
        NetMQMessage? frames = null;
        while (!_stop.IsCancellationRequested)
        {
            if (!socket.TryReceiveMultipartMessage(Poll, ref frames)) continue;
            var runningAtArrival = RunningCellNow();   // what an interrupt_request in these frames applies to
            var request = WireFormat.Parse(frames, _signer, out var error);
            if (request is null)
            {
                Log($"{channel}: dropped a message: {error}");
                continue;
            }
            if (socket == _control) _controlMessageNoted?.Invoke(request.MsgType);
            try { Handle(socket, channel, request, runningAtArrival); }
            catch (Exception e) { Log($"{channel}: {request.MsgType} failed: {e}"); }
            if (socket == _shell && _abortQueued) AbortQueued(socket, channel);
        }
    }

    /// <summary>
    /// After a failed cell with stop_on_error (the default), execute_requests already waiting on the shell
    /// socket (e.g. "Run All") are answered with status "aborted" instead of running, as IPython does;
    /// other requests are served normally.
    /// </summary>
    private void AbortQueued(RouterSocket socket, string channel)
    {
        _abortQueued = false;
        NetMQMessage? frames = null;
        while (!_stop.IsCancellationRequested && socket.TryReceiveMultipartMessage(TimeSpan.Zero, ref frames))
        {
            var request = WireFormat.Parse(frames, _signer, out var error);
            if (request is null) { Log($"{channel}: dropped a message: {error}"); continue; }
            try
            {
                if (request.MsgType != "execute_request") { Handle(socket, channel, request, RunningCellNow()); continue; }
                Publish("status", new JsonObject { ["execution_state"] = "busy" }, request);
                int count;
                lock (_cellGate) count = _executionCount;
                Reply(socket, request, "execute_reply", new JsonObject { ["status"] = "aborted", ["execution_count"] = count });
                Publish("status", new JsonObject { ["execution_state"] = "idle" }, request);
            }
            catch (Exception e) { Log($"{channel}: {request.MsgType} failed: {e}"); }
        }
        _abortQueued = false;
    }

    // ---- dispatch -------------------------------------------------------------------------------

    /// <param name="runningAtArrival">The cell that was running when the request arrived (null: none), taken before the
    /// request was parsed: an interrupt_request interrupts that cell only, never one that started while it was handled.</param>
    private void Handle(RouterSocket socket, string channel, JupyterMessage request, RunningCell? runningAtArrival)
    {
        var type = request.MsgType;
        if (type.StartsWith("comm_", StringComparison.Ordinal) && type != "comm_info_request")
        {
            Log($"{channel}: ignored {type} (comms are not supported)");
            return;
        }
        Publish("status", new JsonObject { ["execution_state"] = "busy" }, request);
        try
        {
            switch (type)
            {
                case "kernel_info_request": Reply(socket, request, "kernel_info_reply", KernelInfo()); break;
                case "execute_request": Execute(socket, request); break;
                case "is_complete_request": IsComplete(socket, request); break;
                case "complete_request": Complete(socket, request); break;
                case "inspect_request": Inspect(socket, request); break;
                case "comm_info_request": Reply(socket, request, "comm_info_reply", new JsonObject { ["status"] = "ok", ["comms"] = new JsonObject() }); break;
                case "history_request": Reply(socket, request, "history_reply", new JsonObject { ["status"] = "ok", ["history"] = new JsonArray() }); break;
                case "interrupt_request":
                    Interrupt(runningAtArrival);
                    Reply(socket, request, "interrupt_reply", new JsonObject { ["status"] = "ok" });
                    break;
                case "shutdown_request":
                    var restart = request.Content["restart"] is JsonValue rv && rv.TryGetValue<bool>(out var r) && r;
                    var content = new JsonObject { ["status"] = "ok", ["restart"] = restart };
                    Reply(socket, request, "shutdown_reply", content);
                    Publish("shutdown_reply", (JsonObject)content.DeepClone(), request);
                    Publish("status", new JsonObject { ["execution_state"] = "idle" }, request);
                    Log("shutdown requested");
                    Stop();
                    return;
                default:
                    if (type.EndsWith("_request", StringComparison.Ordinal))
                    {
                        Log($"{channel}: unsupported {type}: replied with an error");
                        Reply(socket, request, type[..^"_request".Length] + "_reply", new JsonObject
                        {
                            ["status"] = "error", ["ename"] = "NotImplementedError",
                            ["evalue"] = $"{type} is not supported by this kernel", ["traceback"] = new JsonArray(),
                        });
                    }
                    else Log($"{channel}: ignored unknown message type {type}");
                    break;
            }
        }
        finally
        {
            Publish("status", new JsonObject { ["execution_state"] = "idle" }, request);
        }
    }

    private JsonObject KernelInfo() => new()
    {
        ["status"] = "ok",
        ["protocol_version"] = JupyterMessage.ProtocolVersion,
        ["implementation"] = Implementation,
        ["implementation_version"] = typeof(JupyterKernel).Assembly.GetName().Version?.ToString(3) ?? "1.0.0",
        ["language_info"] = new JsonObject
        {
            ["name"] = "csharp",
            ["version"] = LanguageVersion.Latest.MapSpecifiedToEffectiveVersion().ToDisplayString(),
            ["mimetype"] = "text/x-csharp",
            ["file_extension"] = ".cs",
            ["pygments_lexer"] = "csharp",
            ["codemirror_mode"] = "text/x-csharp",
        },
        ["banner"] = $"C# {LanguageVersion.Latest.MapSpecifiedToEffectiveVersion().ToDisplayString()} (Roslyn scripting) on {RuntimeInformation.FrameworkDescription}: the SpokenDigits notebook engine.\n" +
                     "display(x) shows a value; long loops should check CancellationToken so that interrupts stop them.",
        ["help_links"] = new JsonArray(),
        ["debugger"] = false,
    };

    private void Execute(RouterSocket socket, JupyterMessage request)
    {
        var c = request.Content;
        var code = c["code"] is JsonValue cv && cv.TryGetValue<string>(out var s) ? s : "";
        var silent = Bool(c, "silent", false);
        var storeHistory = !silent && Bool(c, "store_history", true);
        int count;
        lock (_cellGate) count = storeHistory ? ++_executionCount : _executionCount;
        if (!silent)
            Publish("execute_input", new JsonObject { ["code"] = code, ["execution_count"] = count }, request);

        CellExecutionResult? result = null;
        if (!string.IsNullOrWhiteSpace(code))
        {
            var cell = new RunningCell(count, CancellationTokenSource.CreateLinkedTokenSource(_stop.Token));
            lock (_cellGate) _runningCell = cell;
            try
            {
                IOutputSink? sink = silent ? null : new IopubSink(this, request, count);
                result = _session.ExecuteAsync(code, sink, cell.Cancellation.Token, $"Cell In[{count}]").GetAwaiter().GetResult();
            }
            finally
            {
                lock (_cellGate)
                {
                    _runningCell = null;
                    cell.Cancellation.Dispose();   // under the gate: an interrupt never cancels a disposed source
                }
            }
        }

        JsonObject reply;
        if (result?.Error is { } error)
        {
            reply = OutputMessages.ErrorContent(error);
            reply["status"] = "error";
            reply["execution_count"] = count;
            if (Bool(c, "stop_on_error", true) && !silent) _abortQueued = true;
        }
        else
        {
            reply = new JsonObject
            {
                ["status"] = "ok", ["execution_count"] = count,
                ["user_expressions"] = new JsonObject(), ["payload"] = new JsonArray(),
            };
        }
        Reply(socket, request, "execute_reply", reply);
    }

    private void IsComplete(RouterSocket socket, JupyterMessage request)
    {
        var code = Str(request.Content, "code");
        var status = KernelIntrospection.IsComplete(code);
        var reply = new JsonObject { ["status"] = status };
        if (status == "incomplete") reply["indent"] = "    ";
        Reply(socket, request, "is_complete_reply", reply);
    }

    private void Complete(RouterSocket socket, JupyterMessage request)
    {
        var code = Str(request.Content, "code");
        var cursor = ToUtf16Index(code, Int(request.Content, "cursor_pos", CodePoints(code)));
        var completion = _introspection.Complete(code, cursor);
        Reply(socket, request, "complete_reply", new JsonObject
        {
            ["status"] = "ok",
            ["matches"] = new JsonArray(completion.Matches.Select(m => (JsonNode?)JsonValue.Create(m)).ToArray()),
            ["cursor_start"] = CodePoints(code[..completion.CursorStart]),
            ["cursor_end"] = CodePoints(code[..completion.CursorEnd]),
            ["metadata"] = new JsonObject(),
        });
    }

    private void Inspect(RouterSocket socket, JupyterMessage request)
    {
        var code = Str(request.Content, "code");
        var cursor = ToUtf16Index(code, Int(request.Content, "cursor_pos", CodePoints(code)));
        var text = _introspection.Inspect(code, cursor);
        Reply(socket, request, "inspect_reply", new JsonObject
        {
            ["status"] = "ok",
            ["found"] = text is not null,
            ["data"] = text is null ? new JsonObject() : new JsonObject { ["text/plain"] = text },
            ["metadata"] = new JsonObject(),
        });
    }

    private RunningCell? RunningCellNow()
    {
        lock (_cellGate) return _runningCell;
    }

    /// <summary>
    /// Interrupts <paramref name="target"/>, the cell that was running when the interrupt_request arrived, if it still
    /// runs. An interrupt that arrived between two cells, or whose cell ended before it was handled, is dropped (and
    /// logged): it never cancels the next cell, which the user did not ask to stop.
    /// </summary>
    private void Interrupt(RunningCell? target)
    {
        lock (_cellGate)
        {
            if (target is null) { Log("interrupt_request arrived while no cell was running: nothing to interrupt"); return; }
            if (!ReferenceEquals(target, _runningCell)) { Log($"interrupt_request for In[{target.ExecutionCount}] arrived as it ended: dropped"); return; }
            target.Cancellation.Cancel();
        }
    }

    private void CancelRunningCell()
    {
        lock (_cellGate) _runningCell?.Cancellation.Cancel();
    }

    /// <summary>The cell being executed: its number and its cancellation (disposed under the cell gate when it ends).</summary>
    private sealed record RunningCell(int ExecutionCount, CancellationTokenSource Cancellation);

    // ---- sending --------------------------------------------------------------------------------

    private void Reply(RouterSocket socket, JupyterMessage request, string msgType, JsonObject content)
    {
        var reply = JupyterMessage.Create(msgType, content, request, _sessionId, request.Identities);
        socket.SendMultipartMessage(WireFormat.Serialize(reply, _signer));
    }

    /// <summary>Queues an iopub message (any thread).</summary>
    internal void Publish(string msgType, JsonObject content, JupyterMessage? parent)
    {
        var m = JupyterMessage.Create(msgType, content, parent, _sessionId, [Encoding.UTF8.GetBytes(msgType)]);
        try { _iopubQueue.Add(m); } catch (InvalidOperationException) { }
    }

    private void Log(string message)
    {
        lock (_log) { try { _log.WriteLine($"[{Implementation}] {message}"); _log.Flush(); } catch { } }
    }

    /// <summary>Forwards a cell's outputs to iopub as they are produced.</summary>
    private sealed class IopubSink(JupyterKernel kernel, JupyterMessage parent, int executionCount) : IOutputSink
    {
        public void Publish(CellOutput output)
        {
            var (type, content) = OutputMessages.ToMessage(output, executionCount);
            kernel.Publish(type, content, parent);
        }

        public void UpdateDisplay(string displayId, DisplayDataOutput output) =>
            kernel.Publish("update_display_data", OutputMessages.UpdateDisplay(displayId, output), parent);
    }

    // ---- helpers --------------------------------------------------------------------------------

    private static bool Bool(JsonObject o, string name, bool fallback) =>
        o[name] is JsonValue v && v.TryGetValue<bool>(out var b) ? b : fallback;

    private static int Int(JsonObject o, string name, int fallback) =>
        o[name] is JsonValue v && v.TryGetValue<int>(out var i) ? i : fallback;

    private static string Str(JsonObject o, string name) =>
        o[name] is JsonValue v && v.TryGetValue<string>(out var s) ? s : "";

    /// <summary>Protocol 5.2+: cursor positions count unicode code points; .NET strings count UTF-16 units.</summary>
    internal static int ToUtf16Index(string s, int codePoints)
    {
        int i = 0;
        for (int n = 0; n < codePoints && i < s.Length; n++)
            i += char.IsHighSurrogate(s[i]) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]) ? 2 : 1;
        return i;
    }

    internal static int CodePoints(string s)
    {
        int n = 0;
        for (int i = 0; i < s.Length; i++, n++)
            if (char.IsHighSurrogate(s[i]) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1])) i++;
        return n;
    }

    private void DisposeSockets()
    {
        foreach (var s in new NetMQSocket[] { _shell, _control, _stdin, _iopub, _heartbeat })
            try { s.Dispose(); } catch { }
    }

    /// <summary>Stops the loops (if running) and closes the sockets and the session.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0) return;
        Stop();
        if (Join(TimeSpan.FromSeconds(10)))
        {
            DisposeSockets();
            _session.Dispose();
        }
        else Log("socket threads did not stop in time; sockets left open");
        _stop.Dispose();
    }
}
