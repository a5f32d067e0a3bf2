namespace SpokenDigits.Notebooks;

/// <summary>
/// Lets libraries loaded into a session find the running cell's cancellation without the notebook passing it:
/// a <c>Func&lt;CancellationToken&gt;</c> under a well-known <see cref="AppContext"/> name. The SpokenDigits library reads
/// it in <c>SpokenDigits.Runtime.AmbientCancellation</c> (whose <c>HostProviderKey</c> is the same name), so training,
/// the ablation, evaluation and prediction stop at their next batch when the cell is interrupted.
/// </summary>
internal static class CellCancellationProvider
{
    public const string Key = "SpokenDigits.CellCancellation";

    public static void Install() =>
        AppContext.SetData(Key, (Func<CancellationToken>)(() => ConsoleRouter.CurrentContext?.CancellationToken ?? CancellationToken.None));
}
