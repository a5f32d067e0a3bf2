using static SpokenDigits.Charts.PlotlyFigure;

namespace SpokenDigits.Charts;

/// <summary>A spectrogram with an attention map drawn over it: the log-mel heatmap in greys, the attention (0–1, same
/// grid) as coloured contour lines on top, so one sees which frequency × time cells the network weighs most.</summary>
public static class AttentionMapChart
{
    /// <param name="logMel">Spectrogram values <c>[mel band, frame]</c>.</param>
    /// <param name="attention">Attention <c>[mel band, frame]</c> on the same grid (upsampled from its block's resolution).</param>
    /// <param name="hopSeconds">Time between frames.</param>
    /// <param name="title">Chart title.</param>
    public static PlotlyChart For(float[,] logMel, float[,] attention, double hopSeconds, string title)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(hopSeconds);
        int bands = logMel.GetLength(0), frames = logMel.GetLength(1);
        if (attention.GetLength(0) != bands || attention.GetLength(1) != frames)
            throw new ArgumentException($"attention map {attention.GetLength(0)}×{attention.GetLength(1)} does not match the spectrogram {bands}×{frames}");
        var x = Enumerable.Range(0, frames).Select(f => Math.Round(f * hopSeconds, 5)).ToArray();
        var y = Enumerable.Range(0, bands).ToArray();
        var spectrogram = Trace("heatmap", ("z", Grid(logMel, 2)), ("x", x), ("y", y), ("colorscale", "Greys"), ("reversescale", true),
            ("showscale", false), ("hovertemplate", "%{x:.3f} s, band %{y}: %{z:.2f}<extra>spectrogram</extra>"));
        var map = Trace("contour", ("z", Grid(attention, 3)), ("x", x), ("y", y), ("colorscale", "Hot"), ("reversescale", true),
            ("contours", Obj(("coloring", "lines"))), ("line", Obj(("width", 2))),
            ("colorbar", Obj(("title", Obj(("text", "attention"))), ("thickness", 14))),
            ("hovertemplate", "%{x:.3f} s, band %{y}: attention %{z:.2f}<extra></extra>"));
        var layout = BaseLayout(title, 340, ("xaxis", Axis("time (s)", ("showgrid", false))), ("yaxis", Axis("mel band", ("showgrid", false))));
        return Build([spectrogram, map], layout);
    }

    static double[][] Grid(float[,] values, int digits) =>
        Enumerable.Range(0, values.GetLength(0))
            .Select(b => Enumerable.Range(0, values.GetLength(1)).Select(f => Math.Round(values[b, f], digits)).ToArray()).ToArray();
}
