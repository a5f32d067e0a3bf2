namespace SpokenDigits.Evaluation.Robustness;

/// <summary>One test recording of the study, decoded at the runs' sample rate.</summary>
/// <param name="Id">The recording id of the split ("7_jackson_3").</param>
/// <param name="Digit">The spoken digit.</param>
/// <param name="Speaker">Who spoke it (babble is made of other speakers).</param>
/// <param name="Samples">Mono samples at the runs' rate, as recorded (not fitted to the window).</param>
public sealed record RobustnessClip(string Id, int Digit, string Speaker, float[] Samples);
