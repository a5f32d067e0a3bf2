namespace SpokenDigits.Data;

/// <summary>How a corpus lays out its files.</summary>
public enum DatasetLayout
{
    /// <summary>Decide from what is in the folder.</summary>
    Auto,
    /// <summary>Free Spoken Digit Dataset: <c>{digit}_{speaker}_{take}.wav</c> in one folder.</summary>
    Fsdd,
    /// <summary>AudioMNIST: <c>{speaker}/{digit}_{speaker}_{take}.wav</c>.</summary>
    AudioMnist,
}
