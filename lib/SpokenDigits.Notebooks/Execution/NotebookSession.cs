using System.Collections.Immutable;
using System.Diagnostics;
using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Scripting;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Scripting;
using Microsoft.DotNet.Interactive.Formatting;

namespace SpokenDigits.Notebooks;

public sealed class NotebookSessionOptions
{
    /// <summary>Folder that relative #r paths are resolved against (the notebook's folder). Default: current directory.</summary>
    public string? BaseDirectory { get; set; }

    /// <summary>Namespaces imported in every cell.</summary>
    public List<string> Imports { get; set; } = ["System", "System.Linq", "System.Collections.Generic", "System.IO", "System.Threading.Tasks"];

    /// <summary>Extra assemblies referenced by every cell.</summary>
    public List<Assembly> References { get; set; } = new();

    /// <summary>Per-cell time limit (null: none).</summary>
    public TimeSpan? CellTimeout { get; set; }
}

/// <summary>The outcome of executing one cell.</summary>
public sealed class CellExecutionResult
{
    public bool Success => Error is null;
    public int ExecutionCount { get; init; }
    public IReadOnlyList<CellOutput> Outputs { get; init; } = [];
    public ErrorOutput? Error { get; init; }
    /// <summary>True when the cell was cancelled or timed out.</summary>
    public bool Cancelled { get; init; }
    public object? ReturnValue { get; init; }
    public TimeSpan Elapsed { get; init; }
}

/// <summary>
/// One notebook's C# state: a chain of Roslyn script submissions (RunAsync, then one ContinueWith per
/// cell). Front ends (the headless runner, a Jupyter kernel) call <see cref="ExecuteAsync"/> per cell.
/// Cells run one at a time.
/// </summary>
public sealed class NotebookSession : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly NotebookGlobals _globals;
    private readonly TimeSpan? _cellTimeout;
    private readonly List<MetadataReference> _userReferences = new();
    private readonly HashSet<string> _userReferencePaths = new(StringComparer.Ordinal);
    private ScriptOptions _options;
    private ScriptState<object>? _state;
    private int _executionCount;
    private readonly List<AbandonedCell> _abandoned = new();

    public NotebookSession(NotebookSessionOptions? options = null)
    {
        options ??= new NotebookSessionOptions();
        BaseDirectory = Path.GetFullPath(options.BaseDirectory ?? Directory.GetCurrentDirectory());
        _cellTimeout = options.CellTimeout;
        _globals = new NotebookGlobals(this);
        var refs = DefaultReferences.Value.ToList();
        foreach (var a in options.References)
            if (!string.IsNullOrEmpty(a.Location)) refs.Add(MetadataReference.CreateFromFile(a.Location));
        _options = ScriptOptions.Default
            .WithReferences(refs)
            .WithImports(options.Imports)
            .WithFilePath(Path.Combine(BaseDirectory, "notebook.csx"))
            .WithMetadataResolver(ScriptMetadataResolver.Default.WithBaseDirectory(BaseDirectory))
            .WithSourceResolver(new SourceFileResolver(ImmutableArray<string>.Empty, BaseDirectory))
            .WithEmitDebugInformation(false)
            .WithAllowUnsafe(true)
            .WithLanguageVersion(LanguageVersion.Latest);
        ConsoleRouter.Install();
        CellCancellationProvider.Install();
    }

    public string BaseDirectory { get; }

    /// <summary>The number given to the last executed cell (0 before any).</summary>
    public int ExecutionCount => _executionCount;

    /// <summary>
    /// Cells that were interrupted (or timed out) and did not stop within <see cref="StopGrace"/>: their code ignores
    /// cancellation and still runs on a background thread. .NET cannot stop a thread from outside, so such code runs
    /// until it returns (or the process ends); its outputs are dropped and its results discarded, and each later cell
    /// says so on stderr until it has ended. The session itself goes on from the state before the abandoned cell.
    /// </summary>
    public IReadOnlyList<string> AbandonedCellsStillRunning
    {
        get { lock (_abandoned) return _abandoned.Where(a => !a.Run.IsCompleted).Select(a => a.Label).ToList(); }
    }

    /// <summary>How long an interrupted cell's code is given to observe its cancellation token.</summary>
    public static readonly TimeSpan StopGrace = TimeSpan.FromSeconds(2);

    /// <summary>Full paths of the assemblies loaded with #r.</summary>
    public IReadOnlyList<string> ReferencedAssemblyPaths => _userReferencePaths.ToList();

    /// <summary>Names of the variables defined so far (latest definition wins).</summary>
    public IReadOnlyList<string> VariableNames =>
        _state?.Variables.Select(v => v.Name).Distinct().ToList() ?? new List<string>();

    /// <summary>Looks up a script variable (its current value and declared type).</summary>
    public bool TryGetVariable(string name, out object? value, out Type? type)
    {
        var v = _state?.GetVariable(name);
        value = v?.Value; type = v?.Type;
        return v is not null;
    }

    /// <summary>Runs one cell. Never throws for errors in the cell: they come back as an error output.</summary>
    public async Task<CellExecutionResult> ExecuteAsync(string code, IOutputSink? sink = null,
        CancellationToken cancellationToken = default, string? cellName = null)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await ExecuteCoreAsync(code, sink, cancellationToken, cellName).ConfigureAwait(false);
        }
        finally { _gate.Release(); }
    }

    private async Task<CellExecutionResult> ExecuteCoreAsync(string code, IOutputSink? sink, CancellationToken outerToken, string? cellName)
    {
        var count = ++_executionCount;
        var collector = new CollectingOutputSink();
        var fanout = new FanOutSink(collector, sink);
        var label = cellName ?? $"Cell [{count}]";
        var sw = Stopwatch.StartNew();
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(outerToken);
        var context = new CellContext(fanout, cts.Token);

        CellExecutionResult Finish(ErrorOutput? error, bool cancelled = false, object? value = null)
        {
            if (error is not null) fanout.Publish(error);
            return new CellExecutionResult
            {
                ExecutionCount = count, Outputs = collector.Outputs, Error = error, Cancelled = cancelled,
                ReturnValue = value, Elapsed = sw.Elapsed,
            };
        }

        var pre = CellPreprocessor.Process(code, BaseDirectory);
        if (pre.Error is not null)
            return Finish(new ErrorOutput("NotSupportedException", pre.Error, [$"{label}: {pre.Error}"]));

        // #r: load into the default context first, then reference for compilation.
        foreach (var reference in pre.References)
        {
            try { AddReference(reference, msg => pre.Notes.Add("note: " + msg)); }
            catch (Exception e) when (e is FileNotFoundException or FileLoadException or BadImageFormatException or IOException)
            {
                var msg = $"#r \"{reference}\": {e.Message}";
                return Finish(new ErrorOutput(e.GetType().Name, msg, [$"{label}: {msg}"]));
            }
        }
        var options = _options.WithReferences(_options.MetadataReferences.Concat(_userReferences).Distinct());

        using (ConsoleRouter.Enter(context))
        {
            foreach (var note in AbandonedCellNotes().Concat(pre.Notes)) Console.Error.WriteLine(note);
            ConsoleRouter.FlushCurrent();

            Script<object> script = _state is null
                ? CSharpScript.Create(pre.Code, options, typeof(NotebookGlobals))
                : _state.Script.ContinueWith(pre.Code, options);

            System.Collections.Immutable.ImmutableArray<Diagnostic> diagnostics;
            try { diagnostics = script.Compile(outerToken); }
            catch (OperationCanceledException)
            {
                return Finish(new ErrorOutput("OperationCanceledException", "The cell was interrupted.", [$"{label}: interrupted while compiling"]), cancelled: true);
            }
            var errors = diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
            if (errors.Count > 0)
                return Finish(CompileError(errors, label));

            if (_cellTimeout is { } limit) cts.CancelAfter(limit); // the limit covers running, not compiling
            var run = Task.Run(async () =>
            {
                ConsoleRouter.Enter(context); // the flow of Task.Run already carries it; explicit for clarity
                return _state is null
                    ? await script.RunAsync(_globals, _ => true, cts.Token).ConfigureAwait(false)
                    : await script.RunFromAsync(_state, _ => true, cts.Token).ConfigureAwait(false);
            }, CancellationToken.None);

            var cancelled = Task.Delay(Timeout.Infinite, cts.Token);
            var first = await Task.WhenAny(run, cancelled).ConfigureAwait(false);
            ScriptState<object> state;
            if (first != run)
            {
                // give cooperative code a moment to observe the token
                bool stopped = await Task.WhenAny(run, Task.Delay(StopGrace)).ConfigureAwait(false) == run;
                var why = outerToken.IsCancellationRequested ? "The cell was interrupted." : $"The cell exceeded its time limit ({_cellTimeout}).";
                ConsoleRouter.FlushCurrent();
                if (!stopped)
                {
                    context.Abandon();
                    lock (_abandoned) _abandoned.Add(new AbandonedCell(label, run, DateTime.UtcNow));
                    why += $" Its code did not stop within {StopGrace.TotalSeconds:0} s (it does not check the cancellation token), so it goes on " +
                           "running in the background until it returns, and whatever it computes is discarded. The next cell continues " +
                           "from the state before this one, with every earlier variable.";
                }
                else if (run.IsCompletedSuccessfully) _state = run.Result;
                return Finish(new ErrorOutput("OperationCanceledException", why, [$"{label}: {why}"]), cancelled: true);
            }
            try { state = await run.ConfigureAwait(false); }
            catch (Exception e)
            {
                ConsoleRouter.FlushCurrent();
                return Finish(RuntimeError(e, label), cancelled: e is OperationCanceledException);
            }
            _state = state;
            ConsoleRouter.FlushCurrent();
            if (state.Exception is not null)
                return Finish(RuntimeError(state.Exception, label), cancelled: state.Exception is OperationCanceledException);

            if (pre.Time) Console.Out.Write($"Wall time: {sw.Elapsed.TotalMilliseconds:0.##}ms\n");
            ConsoleRouter.FlushCurrent();

            var value = state.ReturnValue;
            if (HasTrailingExpression(script, value))
                fanout.Publish(new ExecuteResultOutput(DisplayFormatter.Format(value), count));
            return Finish(null, value: value);
        }
    }

    /// <summary>One line per abandoned cell: still running (and burning what it burns), or ended since the last cell.</summary>
    private List<string> AbandonedCellNotes()
    {
        var notes = new List<string>();
        lock (_abandoned)
        {
            foreach (var a in _abandoned)
            {
                double seconds = (DateTime.UtcNow - a.Since).TotalSeconds;
                notes.Add(a.Run.IsCompleted
                    ? $"note: {a.Label}, interrupted {seconds:0} s ago, has now ended in the background; its results were discarded."
                    : $"note: {a.Label} was interrupted {seconds:0} s ago and is still running in the background (it ignores cancellation); " +
                      "its results will be discarded. Restart the kernel to stop it.");
            }
            _abandoned.RemoveAll(a => a.Run.IsCompleted);
        }
        return notes;
    }

    private sealed record AbandonedCell(string Label, Task Run, DateTime Since);

    private void AddReference(string reference, Action<string> note)
    {
        string path;
        if (Path.IsPathRooted(reference))
        {
            if (!File.Exists(reference)) throw new FileNotFoundException($"Assembly file not found: {reference}", reference);
            void OnNote(string m) => note(m);
            AssemblyReferences.Note += OnNote;
            try { AssemblyReferences.Load(reference); }
            finally { AssemblyReferences.Note -= OnNote; }
            path = reference;
        }
        else
        {
            var asm = AssemblyLoadContext.Default.LoadFromAssemblyName(new AssemblyName(reference));
            path = asm.Location;
        }
        if (_userReferencePaths.Add(path)) _userReferences.Add(MetadataReference.CreateFromFile(path));
    }

    private static bool HasTrailingExpression(Script<object> script, object? value)
    {
        var tree = CSharpSyntaxTree.ParseText(script.Code, CSharpParseOptions.Default.WithKind(SourceCodeKind.Script));
        var root = (CompilationUnitSyntax)tree.GetRoot();
        if (root.Members.LastOrDefault() is not GlobalStatementSyntax { Statement: ExpressionStatementSyntax es } ||
            !es.SemicolonToken.IsMissing)
            return false;
        if (value is not null) return true;
        // null: show it unless the expression is void (e.g. Console.WriteLine("x") without ';')
        try
        {
            var compilation = script.GetCompilation();
            var ctree = compilation.SyntaxTrees.Last();
            var croot = (CompilationUnitSyntax)ctree.GetRoot();
            if (croot.Members.LastOrDefault() is GlobalStatementSyntax { Statement: ExpressionStatementSyntax ces })
            {
                var type = compilation.GetSemanticModel(ctree).GetTypeInfo(ces.Expression).Type;
                return type is not null && type.SpecialType != SpecialType.System_Void &&
                       !(type is INamedTypeSymbol { Name: "Task", TypeArguments.Length: 0 } || type is INamedTypeSymbol { Name: "ValueTask", TypeArguments.Length: 0 });
            }
        }
        catch { }
        return false;
    }

    private static ErrorOutput CompileError(List<Diagnostic> errors, string label)
    {
        var lines = errors.Select(d =>
        {
            var pos = d.Location.GetLineSpan().StartLinePosition;
            return $"{label}, line {pos.Line + 1}, column {pos.Character + 1}: error {d.Id}: {d.GetMessage()}";
        }).ToList();
        var first = errors[0];
        var p = first.Location.GetLineSpan().StartLinePosition;
        return new ErrorOutput("CompilationErrorException",
            $"({p.Line + 1},{p.Character + 1}): error {first.Id}: {first.GetMessage()}", lines);
    }

    private static ErrorOutput RuntimeError(Exception e, string label)
    {
        while ((e is TargetInvocationException || e is AggregateException { InnerExceptions.Count: 1 }) && e.InnerException is not null)
            e = e.InnerException;
        var tb = new List<string> { $"{label}: {e.GetType().FullName}: {e.Message}" };
        tb.AddRange(e.ToString().Replace("\r\n", "\n").Split('\n').Skip(1));
        return new ErrorOutput(e.GetType().Name, e.Message, tb);
    }

    public void Dispose() => _gate.Dispose();

    private static readonly Lazy<IReadOnlyList<MetadataReference>> DefaultReferences = new(() =>
    {
        var list = new List<MetadataReference>();
        var fx = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        foreach (var file in Directory.EnumerateFiles(fx, "*.dll"))
        {
            var name = Path.GetFileNameWithoutExtension(file);
            if (name.StartsWith("System.", StringComparison.Ordinal) || name is "netstandard" or "mscorlib" or "Microsoft.CSharp" or "Microsoft.Win32.Primitives" or "Microsoft.VisualBasic" || name == "System")
            {
                if (name.Contains(".Native", StringComparison.Ordinal)) continue;
                list.Add(MetadataReference.CreateFromFile(file));
            }
        }
        list.Add(MetadataReference.CreateFromFile(typeof(Formatter).Assembly.Location));
        list.Add(MetadataReference.CreateFromFile(typeof(NotebookSession).Assembly.Location));
        return list;
    });

    private sealed class FanOutSink(IOutputSink first, IOutputSink? second) : IOutputSink
    {
        public void Publish(CellOutput output)
        {
            first.Publish(output);
            second?.Publish(output);
        }

        public void UpdateDisplay(string displayId, DisplayDataOutput output)
        {
            first.UpdateDisplay(displayId, output);
            second?.UpdateDisplay(displayId, output);
        }
    }
}
