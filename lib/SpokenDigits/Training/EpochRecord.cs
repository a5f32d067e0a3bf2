namespace SpokenDigits.Training;

/// <summary>One line of a training history.</summary>
public sealed record EpochRecord(
    int Epoch,
    double TrainLoss,
    double TrainAccuracy,
    double ValidationLoss,
    double ValidationAccuracy,
    double Seconds);
