using NetMQ;
using SpokenDigits.Notebooks.Kernel;

namespace SpokenDigits.Cli.Commands;

/// <summary>
/// kernel -f &lt;connection-file&gt;: runs the Jupyter kernel (C#, the notebook engine of run-notebook).
/// kernel install [--user | --prefix DIR] [--name spokendigits-csharp]: writes its kernelspec.
/// </summary>
/// <remarks>Like run-notebook, this path must not touch SpokenDigits library types: notebooks #r the library themselves.</remarks>
public static class KernelCommand
{
    public const string Usage =
        "usage: kernel -f <connection-file>                                     run the Jupyter kernel (started by Jupyter)\n" +
        "       kernel install [--user | --prefix DIR] [--name spokendigits-csharp]  register it with Jupyter as \"C# (SpokenDigits)\"";

    public static int Run(string[] args)
    {
        if (args.Length > 0 && args[0] == "kernel") args = args[1..];
        if (args.Length > 0 && args[0] is "-h" or "--help") { Console.WriteLine(Usage); return 0; }
        if (args.Length > 0 && args[0] == "install") return Install(args[1..]);

        var cl = new CommandLine(args);
        var file = cl.Get("f") ?? cl.Get("connection-file") ?? cl.Positionals.FirstOrDefault();
        cl.RejectUnknown();
        if (file is null) throw new UsageException("kernel needs -f <connection-file>");
        if (!File.Exists(file)) throw new FileNotFoundException($"connection file not found: {file}");
        ConnectionInfo connection;
        try { connection = ConnectionInfo.Load(file); }
        catch (Exception e) when (e is FormatException or System.Text.Json.JsonException or InvalidOperationException)
        {
            throw new ArgumentException($"{file}: {e.Message}");
        }

        using (var kernel = new JupyterKernel(connection))
        {
            // Jupyter interrupts with interrupt_request (interrupt_mode "message"); a stray SIGINT must not kill the kernel
            Console.CancelKeyPress += (_, e) => { e.Cancel = true; };
            kernel.Run();
        }
        NetMQConfig.Cleanup(block: false);
        return 0;
    }

    private static int Install(string[] args)
    {
        var cl = new CommandLine(args, "user");
        var user = cl.Flag("user");
        var prefix = cl.Get("prefix");
        var name = cl.Get("name") ?? KernelSpec.DefaultName;
        cl.RejectUnknown();
        if (cl.Positionals.Count > 0) throw new UsageException($"unexpected argument '{cl.Positionals[0]}'");
        if (user && prefix is not null) throw new UsageException("--user and --prefix exclude each other");
        var dll = typeof(KernelCommand).Assembly.Location;
        var dir = KernelSpec.Install(dll, prefix, name);
        Console.WriteLine($"installed kernelspec '{name}' in {dir}");
        Console.WriteLine($"  runs: dotnet {dll} kernel -f {{connection_file}}");
        Console.WriteLine("  (the kernel runs this build: rebuild the CLI after changing the engine; re-run install if the repository moves)");
        return 0;
    }
}
