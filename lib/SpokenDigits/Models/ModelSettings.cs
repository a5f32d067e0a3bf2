using SpokenDigits.Features;

namespace SpokenDigits.Models;

/// <summary>Architecture choices shared by a run's models; saved with the run so its weights can be
/// loaded into the same architecture.</summary>
/// <param name="RawFrontEnd">How <see cref="RawBranch1D"/> turns samples into its first feature map.</param>
/// <param name="Fusion">How <see cref="TwoStreamFusionModel"/> combines its two branch embeddings.</param>
/// <param name="SpecAttention">Attention inside <see cref="SpecBranch2D"/> (alone and inside the fused model).</param>
/// <param name="Mfcc">The MFCC sequences of the MFCC models (<see cref="ModelKind.MfccAverage"/> and the autoencoders);
/// null means <see cref="MfccSettings"/>' defaults, the assignment's.</param>
/// <remarks>A settings file saved before attention and MFCC models existed has neither: it reads as no attention and default MFCCs.</remarks>
public sealed record ModelSettings(
    RawFrontEnd RawFrontEnd = RawFrontEnd.Filterbank,
    FusionKind Fusion = FusionKind.Concat,
    SpecAttention SpecAttention = SpecAttention.None,
    MfccSettings? Mfcc = null)
{
    public MfccSettings MfccOrDefault => Mfcc ?? new MfccSettings();

    /// <summary>The architecture of the first runs (before the filterbank front-end): M5-style strided conv.</summary>
    public static readonly ModelSettings Original = new(RawFrontEnd.StridedConv, FusionKind.Concat);

    /// <summary>One line for people: "raw front-end filterbank, fusion concat" (then the spectrogram attention and the
    /// MFCC settings when set).</summary>
    public string Describe() => $"raw front-end {(RawFrontEnd == RawFrontEnd.StridedConv ? "strided conv (M5)" : "filterbank")}, fusion {Fusion.ToString().ToLowerInvariant()}"
        + (SpecAttention == SpecAttention.None ? "" : $", spectrogram attention {SpecAttention.ToString().ToLowerInvariant()}")
        + (Mfcc is null ? "" : $", {Mfcc}");

    public override string ToString() => Describe();
}

/// <summary>The first layer of the raw-waveform branch.</summary>
public enum RawFrontEnd
{
    /// <summary>A wide strided convolution (80 taps, stride 4) followed by pooled 1D conv blocks, as in M5 (Dai et al. 2017).</summary>
    StridedConv,
    /// <summary>A learnable complex Gabor filterbank (Zeghidour et al. 2018; Zeghidour et al. 2021, LEAF)
    /// initialised on the mel scale, log-compressed, followed by 1D conv blocks over time.</summary>
    Filterbank,
}

/// <summary>How the two branch embeddings become one.</summary>
public enum FusionKind
{
    /// <summary>Concatenation, (B, 2·emb): the baseline late fusion.</summary>
    Concat,
    /// <summary>A gated multimodal unit (Arevalo et al. 2017): a learned per-dimension gate mixes the two projected embeddings.</summary>
    Gated,
    /// <summary>Attention over the two branches: one learned score per branch, softmax-normalised into
    /// per-recording branch weights.</summary>
    Attention,
}

/// <summary>Attention inside the spectrogram branch.</summary>
public enum SpecAttention
{
    /// <summary>Plain conv blocks.</summary>
    None,
    /// <summary>One <see cref="Cbam"/> (channel, then spatial attention) after each conv block.</summary>
    Cbam,
}
