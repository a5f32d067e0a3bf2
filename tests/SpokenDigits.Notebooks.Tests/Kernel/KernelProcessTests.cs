using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using SpokenDigits.Notebooks.Kernel;
using Xunit.Abstractions;

namespace SpokenDigits.Notebooks.Tests.Kernel;

/// <summary>The CLI, built by the fixture (whatever was or was not built before the tests).</summary>
public sealed class BuiltCli
{
    public string Dll { get; } = CliBuild.Dll;
}

/// <summary>The kernel as Jupyter starts it: `dotnet SpokenDigits.Cli.dll kernel -f file`, in its own process.</summary>
public class KernelProcessTests(BuiltCli cli, ITestOutputHelper output) : IClassFixture<BuiltCli>
{
    [Fact]
    public async Task Cli_kernel_process_serves_requests_and_exits_after_shutdown()
    {
        var dll = cli.Dll;
        using var tmp = new TempDir();
        var listeners = Enumerable.Range(0, 5).Select(_ => new TcpListener(IPAddress.Loopback, 0)).ToList();
        listeners.ForEach(l => l.Start());
        var p = listeners.Select(l => ((IPEndPoint)l.LocalEndpoint).Port).ToArray();
        listeners.ForEach(l => l.Stop());
        var connection = new ConnectionInfo
        {
            Ip = "127.0.0.1", ShellPort = p[0], IopubPort = p[1], StdinPort = p[2], ControlPort = p[3], HbPort = p[4],
            Key = Guid.NewGuid().ToString(),
        };
        var file = tmp.File("kernel-1.json");
        connection.Save(file);

        var psi = new ProcessStartInfo("dotnet") { WorkingDirectory = tmp.Path, RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var a in new[] { dll, "kernel", "-f", file }) psi.ArgumentList.Add(a);
        using var process = Process.Start(psi)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEndAsync();
        try
        {
            using var client = new KernelTestClient(connection);
            var info = client.WaitReady();
            Assert.Equal("spokendigits-csharp", info.Str("implementation"));
            var (reply, io) = client.Execute("Console.WriteLine(Environment.CurrentDirectory); 20 + 22");
            Assert.Equal("ok", reply.Str("status"));
            Assert.Equal("42", Assert.Single(io, m => m.MsgType == "execute_result").Content["data"]!["text/plain"]!.GetValue<string>());
            Assert.Equal(Path.GetFullPath(tmp.Path) + "\n", Assert.Single(io, m => m.MsgType == "stream").Str("text"));
            var shutdown = client.Request(client.Control, "shutdown_request", new JsonObject { ["restart"] = false });
            Assert.Equal("ok", shutdown.Str("status"));
            Assert.True(process.WaitForExit(10_000), "the kernel process did not exit after shutdown_request");
            Assert.Equal(0, process.ExitCode);
        }
        finally
        {
            if (!process.HasExited) { process.Kill(); process.WaitForExit(5_000); }
            output.WriteLine("kernel stderr: " + (await Task.WhenAny(stderr, Task.Delay(2_000)) == stderr ? await stderr : "(not read)"));
            _ = stdout;
        }
    }
}
