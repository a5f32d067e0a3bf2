using System.Diagnostics;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SpokenDigits.Demo.Tests;

/// <summary>A headless Chromium with one page, driven over the Chrome DevTools protocol (a WebSocket of JSON commands):
/// evaluate script in the page, press keys as a user would, take screenshots.</summary>
public sealed class DevToolsSession : IAsyncDisposable
{
    readonly Process _browser;
    readonly ClientWebSocket _socket;
    readonly string _profile;
    int _nextId;

    DevToolsSession(Process browser, ClientWebSocket socket, string profile)
    {
        _browser = browser;
        _socket = socket;
        _profile = profile;
    }

    /// <summary>The Debian package's browser; the test fails, never skips, when it is missing (.ci/run installs it).</summary>
    public static string Browser => File.Exists("/usr/bin/chromium") ? "/usr/bin/chromium"
        : throw new InvalidOperationException("/usr/bin/chromium is missing: install Debian's chromium package (./run-tests does)");

    /// <summary>Starts the browser on <paramref name="url"/> with <paramref name="extraArguments"/> and attaches to its page.</summary>
    public static async Task<DevToolsSession> Open(string url, IEnumerable<string> extraArguments, TimeSpan timeout)
    {
        var profile = Directory.CreateTempSubdirectory("sd-chromium-").FullName;
        var start = new ProcessStartInfo(Browser) { UseShellExecute = false, RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var a in new[] { "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-extensions",
                     "--remote-debugging-port=0", $"--user-data-dir={profile}", "--window-size=1280,1800" }.Concat(extraArguments).Append(url))
            start.ArgumentList.Add(a);
        var browser = Process.Start(start)!;
        _ = browser.StandardError.ReadToEndAsync();
        _ = browser.StandardOutput.ReadToEndAsync();
        var clock = Stopwatch.StartNew();
        var portFile = Path.Combine(profile, "DevToolsActivePort");
        using var http = new HttpClient();
        while (true)
        {
            if (browser.HasExited) throw new InvalidOperationException($"{Browser} exited with {browser.ExitCode} before its DevTools port opened");
            if (clock.Elapsed > timeout) { browser.Kill(true); throw new TimeoutException($"{Browser}: no DevTools page within {timeout.TotalSeconds} s"); }
            if (File.Exists(portFile) && File.ReadAllLines(portFile) is [var port, ..] && port.Length > 0)
            {
                try
                {
                    var targets = JsonNode.Parse(await http.GetStringAsync($"http://127.0.0.1:{port}/json/list"))!.AsArray();
                    var page = targets.FirstOrDefault(t => (string?)t!["type"] == "page");
                    if (page is not null)
                    {
                        var socket = new ClientWebSocket();
                        socket.Options.KeepAliveInterval = TimeSpan.Zero;
                        await socket.ConnectAsync(new Uri((string)page["webSocketDebuggerUrl"]!), CancellationToken.None);
                        return new DevToolsSession(browser, socket, profile);
                    }
                }
                catch (HttpRequestException) { }
            }
            await Task.Delay(200);
        }
    }

    /// <summary>Sends one command and returns its result (events in between are skipped).</summary>
    public async Task<JsonNode> Send(string method, object? parameters = null)
    {
        int id = ++_nextId;
        var message = JsonSerializer.SerializeToUtf8Bytes(new { id, method, @params = parameters ?? new { } });
        await _socket.SendAsync(message, WebSocketMessageType.Text, true, CancellationToken.None);
        while (true)
        {
            var reply = JsonNode.Parse(await Receive())!;
            if ((int?)reply["id"] != id) continue;
            if (reply["error"] is { } error) throw new InvalidOperationException($"{method}: {error.ToJsonString()}");
            return reply["result"]!;
        }
    }

    async Task<string> Receive()
    {
        var buffer = new byte[1 << 16];
        using var text = new MemoryStream();
        WebSocketReceiveResult result;
        do
        {
            result = await _socket.ReceiveAsync(buffer, CancellationToken.None);
            if (result.MessageType == WebSocketMessageType.Close) throw new InvalidOperationException("the browser closed the DevTools connection");
            text.Write(buffer, 0, result.Count);
        } while (!result.EndOfMessage);
        return Encoding.UTF8.GetString(text.ToArray());
    }

    /// <summary>The value of a script expression in the page (promises awaited), as JSON.</summary>
    public async Task<JsonNode?> Evaluate(string expression)
    {
        var result = await Send("Runtime.evaluate", new { expression, returnByValue = true, awaitPromise = true });
        if (result["exceptionDetails"] is { } e) throw new InvalidOperationException($"{expression}: {e.ToJsonString()}");
        return result["result"]!["value"];
    }

    /// <summary>Waits until <paramref name="condition"/> is true in the page.</summary>
    public async Task WaitFor(string condition, TimeSpan timeout, string what)
    {
        var clock = Stopwatch.StartNew();
        while ((bool?)await Evaluate($"!!({condition})") != true)
        {
            if (clock.Elapsed > timeout)
                throw new TimeoutException($"{what}: not within {timeout.TotalSeconds} s; the page's state: {(await Evaluate("JSON.stringify(window.demo)"))}");
            await Task.Delay(100);
        }
    }

    /// <summary>A key press as the user makes it (keyDown with its text, then keyUp).</summary>
    public async Task Press(string key, string code, int keyCode)
    {
        await Send("Input.dispatchKeyEvent", new { type = "keyDown", key, code, text = key, windowsVirtualKeyCode = keyCode });
        await Send("Input.dispatchKeyEvent", new { type = "keyUp", key, code, windowsVirtualKeyCode = keyCode });
    }

    /// <summary>A PNG of the whole page.</summary>
    public async Task<byte[]> Screenshot()
    {
        var result = await Send("Page.captureScreenshot", new { format = "png", captureBeyondViewport = true });
        return Convert.FromBase64String((string)result["data"]!);
    }

    public async ValueTask DisposeAsync()
    {
        try { if (_socket.State == WebSocketState.Open) await Send("Browser.close"); }
        catch (Exception e) when (e is InvalidOperationException or WebSocketException) { }
        _socket.Dispose();
        if (!_browser.WaitForExit(10_000)) _browser.Kill(entireProcessTree: true);
        _browser.Dispose();
        try { Directory.Delete(_profile, recursive: true); } catch (IOException) { }
    }
}
