using static TorchSharp.torch;

namespace SpokenDigits.Models;

/// <summary>Tensor memory layouts that make libtorch's CPU kernels fast without changing what they compute.</summary>
internal static class MemoryLayout
{
    /// <summary>The same (B, C, H, W) values laid out channels-last (NHWC strides). libtorch picks its layout
    /// from the input's strides and keeps it through every following conv, batch-norm, ReLU and pooling layer;
    /// on the CPU its channels-last kernels (oneDNN convolutions, vectorised max-pooling) are several times
    /// faster than the NCHW ones for the small channel counts at full resolution of the spectrogram branch.
    /// A one-channel contiguous tensor is already laid out that way: it only gets the strides that say so (no copy).</summary>
    public static Tensor ChannelsLast(Tensor x)
    {
        if (x.dim() != 4) throw new ArgumentException($"channels-last needs (B, C, H, W), got ({string.Join(", ", x.shape)})");
        long c = x.shape[1], h = x.shape[2], w = x.shape[3];
        if (c == 1 && x.is_contiguous())
            return x.as_strided(x.shape, new[] { h * w, 1, w, 1 });    // (B, 1, H, W), strides (HW, 1, W, 1)
        return x.permute(0, 2, 3, 1).contiguous().permute(0, 3, 1, 2); // (B, C, H, W) stored as (B, H, W, C)
    }
}
