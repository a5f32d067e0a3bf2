using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using NetMQ;

namespace SpokenDigits.Notebooks.Kernel;

/// <summary>One Jupyter protocol message (header, parent header, metadata, content, buffers) and the
/// ZeroMQ routing identities it came with.</summary>
public sealed class JupyterMessage
{
    public const string ProtocolVersion = "5.3";
    public const string Delimiter = "<IDS|MSG>";

    public List<byte[]> Identities { get; init; } = new();
    public JsonObject Header { get; init; } = new();
    public JsonObject ParentHeader { get; init; } = new();
    public JsonObject Metadata { get; init; } = new();
    public JsonObject Content { get; init; } = new();
    public List<byte[]> Buffers { get; init; } = new();

    public string MsgType => Header["msg_type"] is JsonValue v && v.TryGetValue<string>(out var s) ? s : "";
    public string MsgId => Header["msg_id"] is JsonValue v && v.TryGetValue<string>(out var s) ? s : "";

    public static JsonObject NewHeader(string msgType, string session, string username = "kernel") => new()
    {
        ["msg_id"] = Guid.NewGuid().ToString("N"),
        ["session"] = session,
        ["username"] = username,
        ["date"] = DateTime.UtcNow.ToString("yyyy-MM-ddTHH:mm:ss.ffffffZ"),
        ["msg_type"] = msgType,
        ["version"] = ProtocolVersion,
    };

    /// <summary>A message answering (or published because of) <paramref name="parent"/>.</summary>
    public static JupyterMessage Create(string msgType, JsonObject content, JupyterMessage? parent, string session,
        IEnumerable<byte[]>? identities = null) => new()
    {
        Identities = identities?.ToList() ?? new List<byte[]>(),
        Header = NewHeader(msgType, session),
        ParentHeader = parent is null ? new JsonObject() : (JsonObject)parent.Header.DeepClone(),
        Content = content,
    };
}

/// <summary>HMAC signatures of the four JSON frames (an empty key: no signing).</summary>
public sealed class MessageSigner
{
    private readonly byte[] _key;

    public MessageSigner(string key, string scheme = "hmac-sha256")
    {
        if (!string.IsNullOrEmpty(key) && scheme != "hmac-sha256")
            throw new NotSupportedException($"Signature scheme '{scheme}' is not supported (only hmac-sha256).");
        _key = Encoding.UTF8.GetBytes(key ?? "");
    }

    public bool Enabled => _key.Length > 0;

    public string Sign(IReadOnlyList<byte[]> parts)
    {
        if (!Enabled) return "";
        using var hmac = new HMACSHA256(_key);
        foreach (var p in parts) hmac.TransformBlock(p, 0, p.Length, null, 0);
        hmac.TransformFinalBlock([], 0, 0);
        return Convert.ToHexStringLower(hmac.Hash!);
    }

    public bool Verify(string signature, IReadOnlyList<byte[]> parts)
    {
        if (!Enabled) return true;
        var expected = Encoding.ASCII.GetBytes(Sign(parts));
        var actual = Encoding.ASCII.GetBytes(signature ?? "");
        return CryptographicOperations.FixedTimeEquals(expected, actual);
    }
}

/// <summary>The wire format: identities, &lt;IDS|MSG&gt;, signature, header, parent_header, metadata, content, buffers.</summary>
public static class WireFormat
{
    private static readonly byte[] DelimiterBytes = Encoding.ASCII.GetBytes(JupyterMessage.Delimiter);

    public static NetMQMessage Serialize(JupyterMessage message, MessageSigner signer)
    {
        var parts = new List<byte[]>
        {
            Utf8(message.Header), Utf8(message.ParentHeader), Utf8(message.Metadata), Utf8(message.Content),
        };
        var m = new NetMQMessage();
        foreach (var id in message.Identities) m.Append(id);
        m.Append(DelimiterBytes);
        m.Append(Encoding.ASCII.GetBytes(signer.Sign(parts)));
        foreach (var p in parts) m.Append(p);
        foreach (var b in message.Buffers) m.Append(b);
        return m;
    }

    /// <summary>Parses and verifies frames. Returns null (with a reason) for anything that is not a valid, correctly signed message.</summary>
    public static JupyterMessage? Parse(IReadOnlyList<byte[]> frames, MessageSigner signer, out string? error)
    {
        error = null;
        int d = -1;
        for (int i = 0; i < frames.Count; i++)
            if (frames[i].AsSpan().SequenceEqual(DelimiterBytes)) { d = i; break; }
        if (d < 0) { error = "no <IDS|MSG> delimiter"; return null; }
        if (frames.Count < d + 6) { error = $"too few frames ({frames.Count - d - 1} after the delimiter, 5 needed)"; return null; }
        var signature = Encoding.ASCII.GetString(frames[d + 1]);
        var parts = new[] { frames[d + 2], frames[d + 3], frames[d + 4], frames[d + 5] };
        if (!signer.Verify(signature, parts)) { error = "invalid signature"; return null; }
        var objs = new JsonObject[4];
        string[] names = ["header", "parent_header", "metadata", "content"];
        for (int i = 0; i < 4; i++)
        {
            try
            {
                objs[i] = JsonNode.Parse(parts[i]) as JsonObject ?? throw new JsonException("not a JSON object");
            }
            catch (Exception e) when (e is JsonException or ArgumentException or InvalidOperationException)
            {
                error = $"malformed JSON in {names[i]}: {e.Message}";
                return null;
            }
        }
        var msg = new JupyterMessage
        {
            Identities = frames.Take(d).ToList(),
            Header = objs[0], ParentHeader = objs[1], Metadata = objs[2], Content = objs[3],
            Buffers = frames.Skip(d + 6).ToList(),
        };
        if (msg.MsgType.Length == 0) { error = "the header has no msg_type"; return null; }
        return msg;
    }

    public static JupyterMessage? Parse(NetMQMessage frames, MessageSigner signer, out string? error) =>
        Parse(frames.Select(f => f.ToByteArray()).ToList(), signer, out error);

    private static byte[] Utf8(JsonObject o) => Encoding.UTF8.GetBytes(o.ToJsonString());
}
