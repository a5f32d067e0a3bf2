namespace SpokenDigits.Inference;

/// <summary>How much a gated or attention fusion layer leaned on each branch for one recording (the two sum to 1).</summary>
public sealed record BranchWeights(float Raw, float Spectrogram);

/// <summary>One recording's answer with what a live demo shows beside it.</summary>
/// <param name="Prediction">Every model's answer, or "no speech".</param>
/// <param name="LogMel">The log-mel spectrogram (before normalisation) of the clip the models saw, <c>[mel band, frame]</c>.</param>
/// <param name="BranchWeights">Per fused model with a gated or attention layer, its branch weights; empty for concat
/// fusion, single-branch models and "no speech".</param>
public sealed record ExplainedPrediction(FilePrediction Prediction, float[,] LogMel, IReadOnlyDictionary<string, BranchWeights> BranchWeights);
