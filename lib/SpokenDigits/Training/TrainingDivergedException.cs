namespace SpokenDigits.Training;

/// <summary>The loss became NaN or infinite: training of that model stops; others are unaffected.</summary>
public sealed class TrainingDivergedException : Exception
{
    public TrainingDivergedException(string modelName, int epoch, int batch, double loss)
        : base($"{modelName}: the training loss became {loss} at epoch {epoch}, batch {batch}; training of this model stopped " +
               "(try a lower learning rate, and check the input features for NaN).")
    {
        ModelName = modelName;
        Epoch = epoch;
        Batch = batch;
    }

    public string ModelName { get; }
    public int Epoch { get; }
    public int Batch { get; }
}
