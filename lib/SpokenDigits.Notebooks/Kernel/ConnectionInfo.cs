using System.Text.Json;
using System.Text.Json.Nodes;

namespace SpokenDigits.Notebooks.Kernel;

/// <summary>A Jupyter connection file: where the kernel binds its five sockets and the signing key.</summary>
public sealed class ConnectionInfo
{
    public string Transport { get; set; } = "tcp";
    public string Ip { get; set; } = "127.0.0.1";
    /// <summary>0: the kernel binds a free port and writes the actual number back here.</summary>
    public int ShellPort { get; set; }
    public int IopubPort { get; set; }
    public int StdinPort { get; set; }
    public int ControlPort { get; set; }
    public int HbPort { get; set; }
    public string Key { get; set; } = "";
    public string SignatureScheme { get; set; } = "hmac-sha256";
    public string? KernelName { get; set; }

    public static ConnectionInfo Load(string path) => Parse(File.ReadAllText(path));

    public static ConnectionInfo Parse(string json)
    {
        var o = JsonNode.Parse(json) as JsonObject ?? throw new FormatException("A connection file must be a JSON object.");
        int Port(string name) => o[name] is JsonValue v && v.TryGetValue<int>(out var p) ? p
            : o[name] is JsonValue s && s.TryGetValue<string>(out var t) && int.TryParse(t, out var q) ? q
            : throw new FormatException($"The connection file has no valid '{name}'.");
        return new ConnectionInfo
        {
            Transport = o["transport"]?.GetValue<string>() ?? "tcp",
            Ip = o["ip"]?.GetValue<string>() ?? "127.0.0.1",
            ShellPort = Port("shell_port"),
            IopubPort = Port("iopub_port"),
            StdinPort = Port("stdin_port"),
            ControlPort = Port("control_port"),
            HbPort = Port("hb_port"),
            Key = o["key"]?.GetValue<string>() ?? "",
            SignatureScheme = o["signature_scheme"]?.GetValue<string>() ?? "hmac-sha256",
            KernelName = o["kernel_name"]?.GetValue<string>(),
        };
    }

    public JsonObject ToJson() => new()
    {
        ["transport"] = Transport,
        ["ip"] = Ip,
        ["shell_port"] = ShellPort,
        ["iopub_port"] = IopubPort,
        ["stdin_port"] = StdinPort,
        ["control_port"] = ControlPort,
        ["hb_port"] = HbPort,
        ["key"] = Key,
        ["signature_scheme"] = SignatureScheme,
        ["kernel_name"] = KernelName,
    };

    public void Save(string path) => File.WriteAllText(path, ToJson().ToJsonString(new JsonSerializerOptions { WriteIndented = true }));

    /// <summary>The ZeroMQ endpoint of a port ("tcp://127.0.0.1:5555", or "ipc://path-5555").</summary>
    public string Endpoint(int port) => Transport == "ipc" ? $"ipc://{Ip}-{port}" : $"{Transport}://{Ip}:{port}";

    /// <summary>The endpoint without a port, for binding a random one.</summary>
    public string EndpointWithoutPort => $"{Transport}://{Ip}";
}
