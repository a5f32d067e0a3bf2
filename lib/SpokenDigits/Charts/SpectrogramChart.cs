using System.Text.Json.Nodes;
using static SpokenDigits.Charts.PlotlyFigure;

namespace SpokenDigits.Charts;

/// <summary>A (log-mel) spectrogram as a heatmap: time (s) on x, mel band on y with band 0 at the bottom, Viridis colours.</summary>
public static class SpectrogramChart
{
    /// <param name="logMel">Values indexed <c>[mel band, frame]</c>.</param>
    /// <param name="hopSeconds">Time between frames; frame <c>f</c> is drawn at <c>f · hopSeconds</c>.</param>
    /// <param name="title">Chart title.</param>
    /// <param name="valueLabel">Colour-bar title.</param>
    public static PlotlyChart For(float[,] logMel, double hopSeconds, string title = "Log-mel spectrogram", string valueLabel = "log energy")
    {
        ArgumentNullException.ThrowIfNull(logMel);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(hopSeconds);
        int bands = logMel.GetLength(0), frames = logMel.GetLength(1);
        var z = new double?[bands][];
        for (int b = 0; b < bands; b++)
        {
            z[b] = new double?[frames];
            for (int f = 0; f < frames; f++)
                z[b][f] = float.IsFinite(logMel[b, f]) ? Math.Round(logMel[b, f], 3) : null;
        }
        var heatmap = Trace("heatmap",
            ("z", z),
            ("x", Enumerable.Range(0, frames).Select(f => Math.Round(f * hopSeconds, 5)).ToArray()),
            ("y", Enumerable.Range(0, bands).ToArray()),
            ("colorscale", "Viridis"),
            ("colorbar", Obj(("title", Obj(("text", valueLabel))), ("thickness", 14))),
            ("hovertemplate", "%{x:.3f} s, band %{y}: %{z:.2f}<extra></extra>"));
        var layout = BaseLayout(title, 360,
            ("xaxis", Axis("time (s)", ("showgrid", false))),
            ("yaxis", Axis("mel band", ("showgrid", false))));
        return Build([heatmap], layout);
    }
}
