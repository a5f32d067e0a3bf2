using System.Text;
using Microsoft.DotNet.Interactive.Formatting;

namespace SpokenDigits.Notebooks;

/// <summary>Receives outputs as a cell produces them (a Jupyter kernel forwards them to iopub).</summary>
public interface IOutputSink
{
    /// <summary>A new output. Stream outputs arrive in chunks (consecutive chunks may be merged by the consumer).</summary>
    void Publish(CellOutput output);

    /// <summary>A display(...) handle was updated; <paramref name="output"/> replaces the display with that id.</summary>
    void UpdateDisplay(string displayId, DisplayDataOutput output) { }
}

/// <summary>Collects outputs in a list, merging consecutive stream chunks of the same name.</summary>
public sealed class CollectingOutputSink : IOutputSink
{
    private readonly object _gate = new();
    private readonly List<CellOutput> _outputs = new();

    public IReadOnlyList<CellOutput> Outputs { get { lock (_gate) return _outputs.ToList(); } }

    public void Publish(CellOutput output)
    {
        lock (_gate)
        {
            if (output is StreamOutput s && _outputs.Count > 0 && _outputs[^1] is StreamOutput last && last.Name == s.Name)
                last.Text += s.Text;
            else
                _outputs.Add(output is StreamOutput so ? new StreamOutput(so.Name, so.Text) : output);
        }
    }

    public void UpdateDisplay(string displayId, DisplayDataOutput output)
    {
        lock (_gate)
        {
            for (int i = 0; i < _outputs.Count; i++)
                if (_outputs[i] is DisplayDataOutput d && d.Transient?["display_id"]?.GetValue<string>() == displayId)
                    _outputs[i] = output;
        }
    }
}

/// <summary>Turns .NET values into mime bundles with Microsoft.DotNet.Interactive.Formatting.</summary>
public static class DisplayFormatter
{
    /// <summary>
    /// text/plain always, plus every mime type the Formatter prefers for the value's type (e.g. text/html,
    /// or what a library registered with Formatter.SetPreferredMimeTypesFor), each rendered with the
    /// Formatter. JSON mime types are embedded as JSON.
    /// </summary>
    public static MimeBundle Format(object? value, string? mimeType = null)
    {
        var bundle = new MimeBundle();
        if (value is string text && mimeType is not null && mimeType != "text/plain")
        {
            // display("<b>hi</b>", "text/html"): the string IS the content for that mime type
            bundle.SetFormatted(mimeType, text);
            bundle["text/plain"] = text;
            return bundle;
        }
        if (value is null)
        {
            bundle["text/plain"] = Formatter.NullString ?? "<null>";
            return bundle;
        }
        IEnumerable<string> mimes = mimeType is not null
            ? [mimeType]
            : Formatter.GetPreferredMimeTypesFor(value.GetType()) ?? (IEnumerable<string>)Array.Empty<string>();
        foreach (var mime in mimes.Distinct())
        {
            if (mime == "text/plain") continue;
            bundle.SetFormatted(mime, Render(value, mime));
        }
        bundle["text/plain"] = value is string s ? s : Render(value, "text/plain");
        return bundle;
    }

    private static string Render(object value, string mime)
    {
        try { return value.ToDisplayString(mime); }
        catch (Exception e) { return mime == "text/plain" ? SafeToString(value) : $"<!-- formatter for {mime} failed: {e.GetType().Name} -->"; }
    }

    private static string SafeToString(object value)
    {
        try { return value.ToString() ?? ""; } catch { return value.GetType().FullName ?? "?"; }
    }
}

/// <summary>A handle to a displayed value, returned by display(...).</summary>
public sealed class DisplayHandle
{
    private readonly CellContext _context;
    private readonly string? _mimeType;

    internal DisplayHandle(CellContext context, string displayId, string? mimeType)
    {
        _context = context; DisplayId = displayId; _mimeType = mimeType;
    }

    public string DisplayId { get; }

    /// <summary>Replaces the displayed value (in place in the notebook).</summary>
    public void Update(object? value) => _context.UpdateDisplay(DisplayId, value, _mimeType);

    public override string ToString() => $"display {DisplayId}";
}

/// <summary>The state of one running cell: where its outputs go.</summary>
internal sealed class CellContext(IOutputSink sink, CancellationToken cancellationToken)
{
    private readonly object _gate = new();
    private volatile bool _abandoned;
    public IOutputSink Sink { get; } = sink;
    public CancellationToken CancellationToken { get; } = cancellationToken;

    /// <summary>The cell was given up while its code still runs: what that code shows from now on goes nowhere.</summary>
    public void Abandon() => _abandoned = true;

    public void Write(string streamName, string text)
    {
        if (text.Length == 0 || _abandoned) return;
        lock (_gate) Sink.Publish(new StreamOutput(streamName, text));
    }

    public DisplayHandle Display(object? value, string? mimeType)
    {
        var id = Guid.NewGuid().ToString("N");
        var output = new DisplayDataOutput(DisplayFormatter.Format(value, mimeType))
        {
            Transient = new System.Text.Json.Nodes.JsonObject { ["display_id"] = id },
        };
        ConsoleRouter.FlushCurrent();
        if (!_abandoned) lock (_gate) Sink.Publish(output);
        return new DisplayHandle(this, id, mimeType);
    }

    public void UpdateDisplay(string displayId, object? value, string? mimeType)
    {
        var output = new DisplayDataOutput(DisplayFormatter.Format(value, mimeType))
        {
            Transient = new System.Text.Json.Nodes.JsonObject { ["display_id"] = displayId },
        };
        if (!_abandoned) lock (_gate) Sink.UpdateDisplay(displayId, output);
    }
}

/// <summary>
/// Console.Out/Console.Error are process-wide; they are replaced once by writers that route text to the
/// cell running on the current async flow (AsyncLocal), or to the original console otherwise. Text is
/// published line by line (and on flush / display / end of cell).
/// </summary>
internal static class ConsoleRouter
{
    private static readonly AsyncLocal<CellContext?> Current = new();
    private static readonly object InstallGate = new();
    private static RoutingWriter? _out, _err;

    public static CellContext? CurrentContext => Current.Value;

    public static void Install()
    {
        lock (InstallGate)
        {
            if (_out is not null && Console.Out == _out && Console.Error == _err) return;
            _out = new RoutingWriter("stdout", Console.Out);
            _err = new RoutingWriter("stderr", Console.Error);
            _out.Sibling = _err;
            _err.Sibling = _out;
            Console.SetOut(_out);
            Console.SetError(_err);
        }
    }

    public static IDisposable Enter(CellContext context)
    {
        Install();
        var previous = Current.Value;
        Current.Value = context;
        return new Exit(previous);
    }

    public static void FlushCurrent()
    {
        _out?.FlushPending();
        _err?.FlushPending();
    }

    private sealed class Exit(CellContext? previous) : IDisposable
    {
        public void Dispose()
        {
            FlushCurrent();
            Current.Value = previous;
        }
    }

    private sealed class RoutingWriter(string name, TextWriter original) : TextWriter
    {
        // pending text per cell context (several cells could run on different flows)
        private readonly Dictionary<CellContext, StringBuilder> _pending = new();
        public override Encoding Encoding => Encoding.UTF8;
        public RoutingWriter? Sibling { get; set; }

        public override void Write(char value) => Write(value.ToString());

        public override void Write(char[] buffer, int index, int count) => Write(new string(buffer, index, count));

        public override void Write(string? value)
        {
            if (value is null) return;
            var ctx = Current.Value;
            if (ctx is null) { original.Write(value); return; }
            Sibling?.FlushPending(); // keep stdout/stderr interleaving in order
            string? toPublish = null;
            lock (_pending)
            {
                if (!_pending.TryGetValue(ctx, out var sb)) _pending[ctx] = sb = new StringBuilder();
                sb.Append(value);
                int nl = LastIndexOf(sb, '\n');
                if (nl >= 0)
                {
                    toPublish = sb.ToString(0, nl + 1);
                    sb.Remove(0, nl + 1);
                }
            }
            if (toPublish is not null) ctx.Write(name, toPublish);
        }

        public override void WriteLine(string? value) => Write((value ?? "") + "\n");
        public override void WriteLine() => Write("\n");

        public override void Flush()
        {
            if (Current.Value is null) original.Flush();
            else FlushPending();
        }

        public void FlushPending()
        {
            var ctx = Current.Value;
            if (ctx is null) return;
            string? text = null;
            lock (_pending)
            {
                if (_pending.Remove(ctx, out var sb) && sb.Length > 0) text = sb.ToString();
            }
            if (text is not null) ctx.Write(name, text);
        }

        private static int LastIndexOf(StringBuilder sb, char c)
        {
            for (int i = sb.Length - 1; i >= 0; i--) if (sb[i] == c) return i;
            return -1;
        }
    }
}
