using static TorchSharp.torch;

namespace SpokenDigits.Tests;

internal static class TensorAssertions
{
    /// <summary>Same shape and bit-for-bit the same values (NaN never equal).</summary>
    public static bool SameValues(this Tensor a, Tensor b) =>
        a.shape.SequenceEqual(b.shape) && a.allclose(b, rtol: 0, atol: 0);
}
