namespace SpokenDigits.Features;

/// <summary>The orthonormal DCT-II as a matrix, computed once: <c>y = D · x</c> with
/// D[k, n] = s_k · cos(π k (2n + 1) / 2N), s_0 = √(1/N), s_k = √(2/N); D · Dᵀ = I (torchaudio's
/// <c>create_dct(norm="ortho")</c>, SciPy's <c>dct(type=2, norm="ortho")</c>).</summary>
public static class Dct
{
    /// <summary>The first <paramref name="outputs"/> rows of the N-point orthonormal DCT-II, [k, n].</summary>
    public static float[,] TypeTwoOrthonormal(int outputs, int inputs)
    {
        if (inputs < 1 || outputs < 1 || outputs > inputs)
            throw new ArgumentException($"a DCT-II keeps between 1 and {inputs} of {inputs} outputs, not {outputs}");
        var d = new float[outputs, inputs];
        for (int k = 0; k < outputs; k++)
        {
            double scale = Math.Sqrt((k == 0 ? 1.0 : 2.0) / inputs);
            for (int n = 0; n < inputs; n++)
                d[k, n] = (float)(scale * Math.Cos(Math.PI * k * (2 * n + 1) / (2.0 * inputs)));
        }
        return d;
    }
}
