namespace SpokenDigits.Notebooks.Tests.FrontEnds;

/// <summary>The cell both kernels' stop tests interrupt: a real training (15 epochs of the spectrogram model on FSDD,
/// minutes) that is handed no token, so the library must find the cell's cancellation itself; the file at
/// <paramref name="endedFile"/> says when the call returned.</summary>
internal static class TrainingCell
{
    public static string Code(string runsFolder, string endedFile) => $$"""
        try { NotebookRuns.Train(ModelKind.Spec, NotebookSetup.Options(@"{{RepositoryFiles.Recordings}}", 15, 42, false), @"{{runsFolder}}", NotebookSetup.Progress()); }
        finally { System.IO.File.WriteAllText(@"{{endedFile}}", "returned"); }
        """;
}
