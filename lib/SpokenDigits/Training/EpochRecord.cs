namespace SpokenDigits.Training;

/// <summary>One line of a training history.</summary>
/// <param name="Branches">For a fused model: how well each branch classifies on its own after this epoch.</param>
public sealed record EpochRecord(
    int Epoch,
    double TrainLoss,
    double TrainAccuracy,
    double ValidationLoss,
    double ValidationAccuracy,
    double Seconds,
    BranchAccuracies? Branches = null);

/// <summary>Accuracy of each branch of a fused model on its own, on (part of) the training recordings
/// (unaugmented) and on the validation recordings.</summary>
/// <param name="Method">"auxiliary heads" (each branch's own head) or "other branch zeroed" (the fused head
/// with the other branch's embedding set to zero).</param>
public sealed record BranchAccuracies(string Method, double TrainRaw, double TrainSpec, double ValidationRaw, double ValidationSpec);
