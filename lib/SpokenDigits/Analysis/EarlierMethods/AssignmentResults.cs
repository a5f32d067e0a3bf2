namespace SpokenDigits.Analysis.EarlierMethods;

/// <summary>What the course's earlier assignment reported on AudioMNIST (test accuracy), to print beside ours.</summary>
public static class AssignmentResults
{
    /// <summary>How the assignment's data differ from ours; printed under every comparison.</summary>
    public const string DatasetDifference =
        "The assignment used AudioMNIST (60 speakers, 48 kHz, 6,000 training / 1,500 test recordings); ours is FSDD " +
        "(6 speakers, 8 kHz, official split: takes 0–4 of every speaker and digit are the 300 test recordings, the rest " +
        "2,430 training / 270 validation), so the same test speakers also speak in training on both. With a tenth of the " +
        "speakers and a twentieth of the test recordings (one recording is 0.33 points), the numbers can be set side by " +
        "side, not equated. `--layout audiomnist` reruns everything on the AudioMNIST corpus.";

    /// <summary>Reported test accuracy (0–1) by model name; the CNN pair is the assignment's without and with CBAM.</summary>
    public static readonly IReadOnlyDictionary<string, double> Accuracy = new Dictionary<string, double>
    {
        [EarlierMethodRows.Baseline] = 0.8958,
        [EarlierMethodRows.MethodA] = 0.9757,
        [EarlierMethodRows.MethodB] = 0.445,
        [EarlierMethodRows.MethodC] = 0.63,
        [EarlierMethodRows.Cnn] = 0.9822,
        [EarlierMethodRows.CnnCbam] = 0.9865,
    };
}
