namespace SpokenDigits.Charts;

/// <summary>
/// One figure, defined once: its title, data and axes. Both of its renderings come from this record: the interactive
/// plotly.js chart (<see cref="ToPlotly"/>: notebooks and the HTML pages) and the static SVG (<see cref="ToSvg"/>: the
/// Markdown reports read on GitHub, and through Chromium the PNG copies), so the two cannot drift apart.
/// </summary>
public abstract record FigureDefinition(string Title)
{
    /// <summary>The interactive chart.</summary>
    public abstract PlotlyChart ToPlotly();

    /// <summary>A complete standalone &lt;svg&gt; document (no browser, no JavaScript).</summary>
    public abstract string ToSvg();

    /// <summary>Writes <see cref="ToSvg"/> atomically (temporary file in the same folder, then moved into place).</summary>
    public void SaveSvg(string path) => Runs.AtomicFile.WriteAllText(path, ToSvg());
}
