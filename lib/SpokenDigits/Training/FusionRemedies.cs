namespace SpokenDigits.Training;

/// <summary>Training remedies for modality imbalance in a fused model (ignored by single-branch models).
/// Each one is off by default, so the baseline is plain joint training of the fused logits.</summary>
/// <param name="AuxiliaryLossWeight">Each branch's auxiliary head adds its own cross-entropy times this
/// weight to the loss (0 = off): every branch must classify on its own, so the faster branch cannot
/// leave the other under-trained (gradient-blending style, with fixed weights).</param>
/// <param name="ModalityDropout">Per recording, the probability that the raw embedding is zeroed, and
/// separately that the spectrogram embedding is (never both): the head must use either branch alone.</param>
/// <param name="TwoStage">Train the branches alone first (through their auxiliary heads), then the fusion
/// layer and head with the branches frozen, then fine-tune everything at a lower rate.</param>
/// <param name="RawRateFactor">Per-branch learning rates: the raw branch (and its auxiliary head) learns at this
/// multiple of the scheduled rate (1 = off).</param>
/// <param name="SpecRateFactor">Likewise for the spectrogram branch; the fusion layer and head keep the scheduled rate.</param>
public sealed record FusionRemedies(
    double AuxiliaryLossWeight = 0,
    double ModalityDropout = 0,
    bool TwoStage = false,
    double RawRateFactor = 1,
    double SpecRateFactor = 1)
{
    public static readonly FusionRemedies None = new();

    /// <summary>Share of the epochs in the first stage (branches alone) and the second (head alone).</summary>
    public const double BranchStageShare = 0.5, HeadStageShare = 0.2;
    /// <summary>The fine-tuning stage's peak learning rate, relative to the normal one.</summary>
    public const double FineTuneRateFactor = 0.3;
    /// <summary>The "branch-lr" remedy's rates: the raw branch, which fits FSDD fastest and dominates plain
    /// concat fusion, at half the rate, the spectrogram branch at twice (their geometric mean is the scheduled rate).</summary>
    public const double SlowRawRateFactor = 0.5, FastSpecRateFactor = 2;

    public bool BranchRates => RawRateFactor != 1 || SpecRateFactor != 1;

    public bool Any => AuxiliaryLossWeight > 0 || ModalityDropout > 0 || TwoStage || BranchRates;

    /// <summary>One line for people: "none", or each remedy in force with its strength.</summary>
    public string Describe()
    {
        var parts = new List<string>();
        if (TwoStage) parts.Add(FormattableString.Invariant($"two-stage (branches alone for {BranchStageShare:P0} of the epochs, the head alone for {HeadStageShare:P0}, then all at {FineTuneRateFactor}× the rate)"));
        if (AuxiliaryLossWeight > 0) parts.Add(FormattableString.Invariant($"auxiliary branch heads (loss weight {AuxiliaryLossWeight})"));
        if (ModalityDropout > 0) parts.Add(FormattableString.Invariant($"modality dropout {ModalityDropout} per branch"));
        if (BranchRates) parts.Add(FormattableString.Invariant($"branch learning rates raw ×{RawRateFactor}, spectrogram ×{SpecRateFactor}"));
        return parts.Count == 0 ? "none" : string.Join(", ", parts);
    }

    public override string ToString() => Describe();

    public FusionRemedies Validated()
    {
        if (AuxiliaryLossWeight < 0 || !double.IsFinite(AuxiliaryLossWeight)) throw new ArgumentException("the auxiliary loss weight must be a non-negative number");
        if (ModalityDropout is < 0 or >= 0.5) throw new ArgumentException("modality dropout must be in [0, 0.5): it is applied to each branch");
        if (!(RawRateFactor > 0) || !(SpecRateFactor > 0) || double.IsInfinity(RawRateFactor) || double.IsInfinity(SpecRateFactor))
            throw new ArgumentException("per-branch learning-rate factors must be positive numbers");
        return this;
    }

    /// <summary>A short name: "none", or the remedies joined by '+' ("two-stage", "aux", "moddrop", "branch-lr").</summary>
    public string Label
    {
        get
        {
            var parts = new List<string>();
            if (TwoStage) parts.Add("two-stage");
            if (AuxiliaryLossWeight > 0) parts.Add("aux");
            if (ModalityDropout > 0) parts.Add("moddrop");
            if (BranchRates) parts.Add("branch-lr");
            return parts.Count == 0 ? "none" : string.Join('+', parts);
        }
    }

    /// <summary>Parses a label: "none", or any of "aux", "moddrop", "two-stage", "branch-lr" joined by '+', with the
    /// default strengths (auxiliary weight 0.5, modality dropout 0.25, raw branch at 0.5× and spectrogram branch at 2× the rate).</summary>
    public static FusionRemedies Parse(string label)
    {
        var remedies = None;
        foreach (var part in label.Trim().ToLowerInvariant().Split('+', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            remedies = part switch
            {
                "none" => remedies,
                "aux" or "auxiliary" => remedies with { AuxiliaryLossWeight = 0.5 },
                "moddrop" or "modality-dropout" or "dropout" => remedies with { ModalityDropout = 0.25 },
                "two-stage" or "twostage" or "staged" => remedies with { TwoStage = true },
                "branch-lr" or "branch-rates" => remedies with { RawRateFactor = SlowRawRateFactor, SpecRateFactor = FastSpecRateFactor },
                _ => throw new ArgumentException($"unknown remedy '{part}': use none, aux, moddrop, two-stage, branch-lr, or a '+' combination"),
            };
        return remedies;
    }
}
