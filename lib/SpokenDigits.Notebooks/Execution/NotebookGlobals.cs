namespace SpokenDigits.Notebooks;

/// <summary>
/// The globals object of the notebook's script: its public members are visible in every cell
/// (display(...), CancellationToken, NotebookDirectory).
/// </summary>
public class NotebookGlobals
{
    private readonly NotebookSession _session;

    internal NotebookGlobals(NotebookSession session) { _session = session; }

    /// <summary>Shows a value as a display_data output (mime types from the Formatter).</summary>
    public DisplayHandle display(object? value) => NotebookDisplay.Show(value, null);

    /// <summary>Shows a value formatted for one mime type (plus text/plain).</summary>
    public DisplayHandle display(object? value, string mimeType) => NotebookDisplay.Show(value, mimeType);

    /// <summary>Cancelled when the running cell is interrupted or times out; long loops should check it.</summary>
    public CancellationToken CancellationToken => ConsoleRouter.CurrentContext?.CancellationToken ?? default;

    /// <summary>The folder of the notebook (the base of relative #r paths).</summary>
    public string NotebookDirectory => _session.BaseDirectory;
}

/// <summary>Display helpers usable from notebook code and from libraries a notebook loads.</summary>
public static class NotebookDisplay
{
    /// <summary>Shows a value in the running cell (no-op outside a cell: prints text/plain to the console).</summary>
    public static DisplayHandle Show(object? value, string? mimeType = null)
    {
        var ctx = ConsoleRouter.CurrentContext;
        if (ctx is null)
        {
            Console.WriteLine(DisplayFormatter.Format(value, mimeType).GetText("text/plain"));
            return new DisplayHandle(new CellContext(new CollectingOutputSink(), default), Guid.NewGuid().ToString("N"), mimeType);
        }
        return ctx.Display(value, mimeType);
    }

    /// <summary>Extension form, like Polyglot's x.Display().</summary>
    public static DisplayHandle Display<T>(this T value, string? mimeType = null) => Show(value, mimeType);
}
