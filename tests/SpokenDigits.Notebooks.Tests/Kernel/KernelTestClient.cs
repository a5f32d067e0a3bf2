using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using NetMQ;
using NetMQ.Sockets;
using SpokenDigits.Notebooks.Kernel;

namespace SpokenDigits.Notebooks.Tests.Kernel;

/// <summary>A received message, as a front end sees it.</summary>
internal sealed record ClientMessage(string Topic, JsonObject Header, JsonObject ParentHeader, JsonObject Content)
{
    public string MsgType => Header["msg_type"]!.GetValue<string>();
    public string? ParentId => ParentHeader["msg_id"]?.GetValue<string>();
    public string? Str(string name) => Content[name]?.GetValue<string>();
    public override string ToString() => $"{MsgType} {Content.ToJsonString()}";
}

/// <summary>
/// A minimal Jupyter front end over NetMQ (DEALER for shell/control, SUB for iopub, REQ for heartbeat)
/// with its own HMAC-SHA256 signing, independent of the kernel's code. Loopback only; every receive
/// has a timeout.
/// </summary>
internal sealed class KernelTestClient : IDisposable
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);
    private readonly byte[] _key;
    private readonly List<ClientMessage> _iopubBacklog = new();
    public string Session { get; } = Guid.NewGuid().ToString();
    public DealerSocket Shell { get; } = new();
    public DealerSocket Control { get; } = new();
    public SubscriberSocket Iopub { get; } = new();
    public RequestSocket Heartbeat { get; } = new();

    public KernelTestClient(ConnectionInfo c)
    {
        Assert.Equal("127.0.0.1", c.Ip);
        _key = Encoding.UTF8.GetBytes(c.Key);
        foreach (var s in new NetMQSocket[] { Shell, Control, Iopub, Heartbeat }) s.Options.Linger = TimeSpan.Zero;
        Shell.Connect($"tcp://127.0.0.1:{c.ShellPort}");
        Control.Connect($"tcp://127.0.0.1:{c.ControlPort}");
        Iopub.Connect($"tcp://127.0.0.1:{c.IopubPort}");
        Iopub.SubscribeToAnyTopic();
        Heartbeat.Connect($"tcp://127.0.0.1:{c.HbPort}");
    }

    public string Sign(params byte[][] parts)
    {
        using var h = new HMACSHA256(_key);
        return Convert.ToHexString(h.ComputeHash(parts.SelectMany(p => p).ToArray())).ToLowerInvariant();
    }

    public JsonObject Header(string msgType) => new()
    {
        ["msg_id"] = Guid.NewGuid().ToString(), ["session"] = Session, ["username"] = "test",
        ["date"] = DateTime.UtcNow.ToString("o"), ["msg_type"] = msgType, ["version"] = "5.3",
    };

    /// <summary>Sends a request; returns its msg_id.</summary>
    public string Send(DealerSocket socket, string msgType, JsonObject? content = null, string? signature = null)
    {
        var header = Header(msgType);
        var parts = new[] { header, new JsonObject(), new JsonObject(), content ?? new JsonObject() }
            .Select(o => Encoding.UTF8.GetBytes(o.ToJsonString())).ToArray();
        SendFrames(socket, signature ?? Sign(parts), parts);
        return header["msg_id"]!.GetValue<string>();
    }

    public void SendFrames(DealerSocket socket, string signature, byte[][] parts)
    {
        var m = new NetMQMessage();
        m.Append("<IDS|MSG>");
        m.Append(signature);
        foreach (var p in parts) m.Append(p);
        socket.SendMultipartMessage(m);
    }

    /// <summary>Sends a request and waits for the reply to it.</summary>
    public ClientMessage Request(DealerSocket socket, string msgType, JsonObject? content = null, TimeSpan? timeout = null)
    {
        var id = Send(socket, msgType, content);
        return ReceiveReply(socket, id, timeout ?? Timeout)
            ?? throw new TimeoutException($"no reply to {msgType} within {(timeout ?? Timeout).TotalSeconds}s");
    }

    /// <summary>The reply whose parent is <paramref name="msgId"/>, or null after the timeout.</summary>
    public ClientMessage? ReceiveReply(DealerSocket socket, string msgId, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            NetMQMessage? m = null;
            if (!socket.TryReceiveMultipartMessage(deadline - DateTime.UtcNow is var left && left > TimeSpan.Zero ? left : TimeSpan.Zero, ref m)) break;
            var msg = Parse(m, hasTopic: false);
            if (msg.ParentId == msgId) return msg;
        }
        return null;
    }

    /// <summary>iopub messages caused by <paramref name="parentId"/>, up to and including its status: idle.</summary>
    public List<ClientMessage> IopubUntilIdle(string parentId, TimeSpan? timeout = null)
    {
        var result = new List<ClientMessage>();
        var deadline = DateTime.UtcNow + (timeout ?? Timeout);
        while (true)
        {
            var next = NextIopub(m => m.ParentId == parentId, deadline);
            if (next is null) throw new TimeoutException($"no idle status for {parentId}; got: {string.Join(" | ", result)}");
            result.Add(next);
            if (next.MsgType == "status" && next.Str("execution_state") == "idle") return result;
        }
    }

    /// <summary>The next iopub message matching <paramref name="predicate"/> (others are kept for later).</summary>
    public ClientMessage? NextIopub(Func<ClientMessage, bool> predicate, DateTime deadline)
    {
        var i = _iopubBacklog.FindIndex(m => predicate(m));
        if (i >= 0) { var m = _iopubBacklog[i]; _iopubBacklog.RemoveAt(i); return m; }
        while (DateTime.UtcNow < deadline)
        {
            NetMQMessage? frames = null;
            var left = deadline - DateTime.UtcNow;
            if (!Iopub.TryReceiveMultipartMessage(left > TimeSpan.Zero ? left : TimeSpan.Zero, ref frames)) break;
            var msg = Parse(frames, hasTopic: true);
            if (predicate(msg)) return msg;
            _iopubBacklog.Add(msg);
        }
        return null;
    }

    /// <summary>Executes code and returns (reply, iopub messages up to idle).</summary>
    public (ClientMessage Reply, List<ClientMessage> Iopub) Execute(string code, bool silent = false, TimeSpan? timeout = null)
    {
        var id = Send(Shell, "execute_request", new JsonObject
        {
            ["code"] = code, ["silent"] = silent, ["store_history"] = !silent,
            ["user_expressions"] = new JsonObject(), ["allow_stdin"] = false, ["stop_on_error"] = true,
        });
        var reply = ReceiveReply(Shell, id, timeout ?? Timeout) ?? throw new TimeoutException($"no execute_reply for {code}");
        return (reply, IopubUntilIdle(id, timeout));
    }

    /// <summary>
    /// PUB/SUB joins late: repeats kernel_info until its busy/idle arrive on iopub (what jupyter_client's
    /// wait_for_ready does).
    /// </summary>
    public ClientMessage WaitReady()
    {
        var deadline = DateTime.UtcNow + Timeout;
        while (DateTime.UtcNow < deadline)
        {
            var id = Send(Shell, "kernel_info_request");
            var reply = ReceiveReply(Shell, id, Timeout) ?? throw new TimeoutException("no kernel_info_reply");
            if (NextIopub(m => m.ParentId == id && m.MsgType == "status" && m.Str("execution_state") == "idle", DateTime.UtcNow.AddMilliseconds(500)) is not null)
            {
                _iopubBacklog.Clear();
                return reply;
            }
        }
        throw new TimeoutException("iopub never delivered");
    }

    private ClientMessage Parse(NetMQMessage frames, bool hasTopic)
    {
        var f = frames.Select(x => x.ToByteArray()).ToList();
        int d = f.FindIndex(x => Encoding.ASCII.GetString(x) == "<IDS|MSG>");
        Assert.True(d >= 0, "no delimiter");
        var parts = f.Skip(d + 2).Take(4).ToArray();
        Assert.Equal(Sign(parts), Encoding.ASCII.GetString(f[d + 1])); // the kernel signs what it sends
        var o = parts.Select(p => (JsonObject)JsonNode.Parse(p)!).ToArray();
        Assert.Equal("5.3", o[0]["version"]?.GetValue<string>());
        var topic = hasTopic && d > 0 ? Encoding.UTF8.GetString(f[0]) : "";
        return new ClientMessage(topic, o[0], o[1], o[3]);
    }

    public void Dispose()
    {
        foreach (var s in new NetMQSocket[] { Shell, Control, Iopub, Heartbeat }) s.Dispose();
    }
}

/// <summary>An in-process kernel on loopback with random ports and a fresh key, plus a connected client.</summary>
internal sealed class KernelHarness : IDisposable
{
    public StringWriter LogWriter { get; } = new();
    public JupyterKernel Kernel { get; }
    public KernelTestClient Client { get; }
    public ConnectionInfo Connection { get; }

    public KernelHarness(ConnectionInfo? connection = null, string? baseDirectory = null, Action<string>? controlMessageNoted = null)
    {
        Connection = connection ?? new ConnectionInfo { Ip = "127.0.0.1", Key = Convert.ToHexString(RandomNumberGenerator.GetBytes(16)) };
        Kernel = new JupyterKernel(Connection, new JupyterKernelOptions
        {
            Log = LogWriter, // the kernel locks it while writing; Log reads under the same lock
            Session = new NotebookSessionOptions { BaseDirectory = baseDirectory },
            ControlMessageNoted = controlMessageNoted,
        });
        Kernel.Start();
        Client = new KernelTestClient(Connection);
        Client.WaitReady();
    }

    public string Log { get { lock (LogWriter) return LogWriter.ToString(); } }

    public void Dispose()
    {
        Client.Dispose();
        Kernel.Dispose();
    }
}
