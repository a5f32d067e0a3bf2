using System.CommandLine;
using NetMQ;
using SpokenDigits.Notebooks.Kernel;

namespace SpokenDigits.Cli.Commands;

/// <summary>
/// kernel -f &lt;connection-file&gt;: runs the Jupyter kernel (C#, the notebook engine of run-notebook).
/// kernel install [--user | --prefix DIR] [--name spokendigits-csharp] [--no-net-csharp]: writes its kernelspec, and the
/// same kernel under the notebooks' name <c>.net-csharp</c> where no .NET Interactive kernel has that name.
/// </summary>
/// <remarks>Like run-notebook, this path must not touch SpokenDigits library types: notebooks #r the library themselves.</remarks>
public static class KernelCommand
{
    public static Command Create()
    {
        var file = new Option<string?>("--connection-file", "-f") { HelpName = "FILE", Description = "the connection file Jupyter writes for the kernel" };
        var positional = new Argument<string?>("connection-file") { Arity = ArgumentArity.ZeroOrOne, Hidden = true, Description = "the connection file, given without -f" };
        var command = new Command("kernel", "the C# Jupyter kernel \"C# (SpokenDigits)\" (Jupyter starts it with -f <connection-file>)")
        {
            file, positional, CreateInstall(),
        };
        command.SetAction(parse => Serve(parse.GetValue(file) ?? parse.GetValue(positional)
                                         ?? throw new UsageException("kernel needs -f <connection-file>")));
        return command;
    }

    static Command CreateInstall()
    {
        var user = new Option<bool>("--user") { Description = "for this user, in ~/.local/share/jupyter/kernels (the default)" };
        var prefix = new Option<string?>("--prefix") { HelpName = "DIR", Description = "into DIR/share/jupyter/kernels instead (e.g. a virtual environment)" };
        var name = new Option<string>("--name") { HelpName = "NAME", Description = "the kernelspec's folder name", DefaultValueFactory = _ => KernelSpec.DefaultName };
        var noAlias = new Option<bool>("--no-net-csharp")
        {
            Description = $"do not also register it as '{KernelSpec.NotebooksName}', the kernel the notebooks name (done only where no .NET Interactive kernel has that name)",
        };
        var install = new Command("install", "register the kernel with Jupyter as \"C# (SpokenDigits)\"") { user, prefix, name, noAlias };
        install.Validators.Add(r =>
        {
            if (r.GetResult(user) is { Implicit: false } && r.GetResult(prefix) is { Implicit: false }) r.AddError("--user and --prefix exclude each other");
        });
        install.SetAction(parse =>
        {
            var kernelName = parse.GetValue(name)!;
            var dll = typeof(KernelCommand).Assembly.Location;
            string dir;
            try { dir = KernelSpec.Install(dll, parse.GetValue(prefix), kernelName); }
            catch (InvalidOperationException e) { throw new UsageException($"--name {kernelName}: {e.Message}"); }   // another kernel's name
            Console.WriteLine($"installed kernelspec '{kernelName}' in {dir}");
            Console.WriteLine($"  runs: dotnet {dll} kernel -f {{connection_file}}");
            Console.WriteLine("  (the kernel runs this build: rebuild the CLI after changing the engine; re-run install if the repository moves)");
            if (kernelName != KernelSpec.NotebooksName && !parse.GetValue(noAlias))
                ReportAlias(KernelSpec.InstallNotebooksAlias(dll, parse.GetValue(prefix)));
            return ExitCodes.Success;
        });
        return install;
    }

    static void ReportAlias(KernelSpec.NotebooksAlias alias)
    {
        if (alias.Installed is { } dir)
        {
            Console.WriteLine($"installed kernelspec '{KernelSpec.NotebooksName}' in {dir}");
            Console.WriteLine("  (the name the notebooks' metadata ask for: with no .NET Interactive kernel installed they open in this kernel;");
            Console.WriteLine("   install .NET Interactive and re-run `kernel install` to hand the name back)");
            return;
        }
        Console.WriteLine($"left kernelspec '{KernelSpec.NotebooksName}' in {alias.OtherKernel} as it is: it belongs to another kernel (such as .NET Interactive), and the notebooks open with it");
        if (alias.RemovedOurs) Console.WriteLine($"  removed this kernel's earlier '{KernelSpec.NotebooksName}' copy, which would have hidden it");
    }

    static int Serve(string file)
    {
        if (!File.Exists(file)) throw new FileNotFoundException($"connection file not found: {file}");
        ConnectionInfo connection;
        try { connection = ConnectionInfo.Load(file); }
        catch (Exception e) when (e is FormatException or System.Text.Json.JsonException or InvalidOperationException)
        {
            throw new InvalidDataException($"{file}: {e.Message}", e);
        }

        using (var kernel = new JupyterKernel(connection))
        {
            // Jupyter interrupts with interrupt_request (interrupt_mode "message"); a stray SIGINT must not kill the kernel
            Console.CancelKeyPress += (_, e) => { e.Cancel = true; };
            kernel.Run();
        }
        NetMQConfig.Cleanup(block: false);
        return ExitCodes.Success;
    }
}
