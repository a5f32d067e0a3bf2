using SpokenDigits.Models.Fusion;
using static TorchSharp.torch;

namespace SpokenDigits.Models;

/// <summary>Both branches, fused late: the raw and spectrogram embeddings combined by a
/// <see cref="FusionLayer"/> (concat, gated or attention) into the shared <see cref="ClassifierHead"/>.
/// Each branch also has an auxiliary head of its own, used only by the training remedies
/// (auxiliary losses, the two-stage schedule) and by the per-branch diagnostics.</summary>
public sealed class TwoStreamFusionModel : DigitClassifier
{
    readonly RawBranch1D raw;
    readonly SpecBranch2D spec;
    readonly FusionLayer fusion;
    readonly ClassifierHead head;
    readonly ClassifierHead rawAuxiliaryHead;
    readonly ClassifierHead specAuxiliaryHead;

    public TwoStreamFusionModel(int classes = 10, int embeddingSize = 128, ModelSettings? settings = null, int sampleRate = 8000)
        : base(nameof(TwoStreamFusionModel))
    {
        settings ??= new ModelSettings();
        raw = new RawBranch1D(embeddingSize, settings.RawFrontEnd, sampleRate);
        spec = new SpecBranch2D(embeddingSize, settings.SpecAttention);
        fusion = FusionLayer.Create(settings.Fusion, embeddingSize);
        head = new ClassifierHead(fusion.OutputSize, classes);
        rawAuxiliaryHead = new ClassifierHead(embeddingSize, classes);
        specAuxiliaryHead = new ClassifierHead(embeddingSize, classes);
        Fusion = settings.Fusion;
        RegisterComponents();
    }

    public FusionKind Fusion { get; }

    /// <summary>The spectrogram branch, e.g. to read its attention maps.</summary>
    public SpecBranch2D SpecBranch => spec;

    public override Tensor forward(Tensor rawClips, Tensor spectrograms) => Forward(rawClips, spectrograms).Logits;

    /// <summary>Everything the model computes for one batch.</summary>
    /// <param name="keepRaw">(B, 1) of 0/1: 0 zeroes that recording's raw embedding (modality dropout, diagnostics).</param>
    /// <param name="keepSpec">(B, 1) of 0/1, likewise for the spectrogram embedding.</param>
    /// <param name="auxiliary">Also run the two auxiliary heads.</param>
    public FusionOutputs Forward(Tensor rawClips, Tensor spectrograms, Tensor? keepRaw = null, Tensor? keepSpec = null, bool auxiliary = false)
    {
        var rawEmbedding = raw.forward(rawClips);            // (B, emb)
        var specEmbedding = spec.forward(spectrograms);      // (B, emb)
        var (fused, weights) = fusion.Fuse(
            keepRaw is null ? rawEmbedding : rawEmbedding * keepRaw,
            keepSpec is null ? specEmbedding : specEmbedding * keepSpec);   // (B, fused)
        return new FusionOutputs(
            head.forward(fused),                                            // (B, classes)
            auxiliary ? rawAuxiliaryHead.forward(rawEmbedding) : null,      // (B, classes)
            auxiliary ? specAuxiliaryHead.forward(specEmbedding) : null,    // (B, classes)
            weights);                                                       // (B, 2) or null
    }

    /// <summary>The fused head's logits with only one branch present, (B, classes) each: the other branch's
    /// embedding zeroed. Both embeddings are computed once for the two passes through the fusion layer.</summary>
    public (Tensor RawAlone, Tensor SpecAlone) BranchAloneLogits(Tensor rawClips, Tensor spectrograms)
    {
        var rawEmbedding = raw.forward(rawClips);            // (B, emb)
        var specEmbedding = spec.forward(spectrograms);      // (B, emb)
        return (head.forward(fusion.Fuse(rawEmbedding, zeros_like(specEmbedding)).Fused),
                head.forward(fusion.Fuse(zeros_like(rawEmbedding), specEmbedding).Fused));
    }

    /// <summary>The parameters in three groups, for per-branch learning rates: the raw branch with its auxiliary
    /// head, the spectrogram branch with its auxiliary head, and the shared part (fusion layer and head).</summary>
    public (IReadOnlyList<TorchSharp.Modules.Parameter> Raw, IReadOnlyList<TorchSharp.Modules.Parameter> Spec,
        IReadOnlyList<TorchSharp.Modules.Parameter> Shared) ParameterGroups() =>
        (raw.parameters().Concat(rawAuxiliaryHead.parameters()).ToList(),
         spec.parameters().Concat(specAuxiliaryHead.parameters()).ToList(),
         fusion.parameters().Concat(head.parameters()).ToList());

    /// <summary>Freezes or unfreezes both branches and their auxiliary heads (the two-stage schedule's middle stage).</summary>
    public void SetBranchesTrainable(bool trainable)
    {
        foreach (var module in new TorchSharp.torch.nn.Module[] { raw, spec, rawAuxiliaryHead, specAuxiliaryHead })
            foreach (var p in module.parameters()) p.requires_grad = trainable;
    }
}

/// <summary>What <see cref="TwoStreamFusionModel.Forward"/> returns: fused logits (B, classes), the
/// auxiliary heads' logits when asked for, and per-recording branch weights (B, 2) = (raw, spec)
/// for the gated and attention fusions.</summary>
public sealed record FusionOutputs(Tensor Logits, Tensor? RawLogits, Tensor? SpecLogits, Tensor? BranchWeights);
