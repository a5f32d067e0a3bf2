using System.Diagnostics;
using Xunit.Abstractions;

namespace SpokenDigits.Notebooks.Tests.FrontEnds;

/// <summary>
/// The Polyglot Notebooks stop button, through the .NET Interactive kernel's own protocol: its <c>Cancel</c> command
/// cancels <c>KernelInvocationContext.Current.CancellationToken</c>, which the library's long calls watch
/// (SpokenDigits.Runtime.AmbientCancellation) without the notebook passing a token.
/// </summary>
public class DotNetInteractiveCancelTests(ITestOutputHelper output)
{
    [Fact]
    public void A_cancelled_training_cell_stops_within_seconds_and_earlier_variables_survive()
    {
        Assert.Equal(InteractiveTool.PinnedVersion, InteractiveTool.InstalledVersion());
        using var tmp = new TempDir();
        string ended = tmp.File("training-ended.txt");
        using var kernel = new InteractiveStdioClient(tmp.Path);
        try
        {
            kernel.Run($"#r \"{RepositoryFiles.LibraryDll}\"", TimeSpan.FromSeconds(120));
            kernel.Run("using SpokenDigits.Interactive;\nusing SpokenDigits.Models;\nvar keep = 41;", TimeSpan.FromSeconds(60));

            string train = TrainingCell.Code(tmp.File("runs"), ended);
            string cell = kernel.SubmitCode(train);
            WaitForOutput(kernel, cell);     // training has started: its progress lines are coming
            Thread.Sleep(3_000);
            Assert.DoesNotContain(kernel.Of(cell), e => e.EventType is "CommandFailed" or "CommandSucceeded");   // still training

            var clock = Stopwatch.StartNew();
            var cancelEvents = kernel.WaitFor(kernel.Cancel(), TimeSpan.FromSeconds(10));
            Assert.True(cancelEvents is not null && cancelEvents[^1].EventType == "CommandSucceeded", "Cancel was not acknowledged\n" + kernel.Transcript);
            var cellEvents = kernel.WaitFor(cell, TimeSpan.FromSeconds(10));
            Assert.True(cellEvents is not null && cellEvents[^1].EventType == "CommandFailed", "the training cell did not end as cancelled\n" + kernel.Transcript);

            // The kernel answers Cancel at once whatever the code does; the library must really stop training.
            while (!File.Exists(ended) && clock.Elapsed < TimeSpan.FromSeconds(10)) Thread.Sleep(100);
            output.WriteLine($"training call returned {clock.Elapsed.TotalSeconds:0.0} s after Cancel");
            Assert.True(File.Exists(ended), $"the training call was still running {clock.Elapsed.TotalSeconds:0} s after Cancel\n{kernel.Transcript}");

            var next = kernel.Run("keep + 1", TimeSpan.FromSeconds(60));
            var value = Assert.Single(next, e => e.EventType == "ReturnValueProduced");
            Assert.Contains(value.Event["formattedValues"]!.AsArray(), v => v!["value"]!.GetValue<string>().Contains("42"));
        }
        finally
        {
            output.WriteLine(kernel.Transcript);
        }
    }

    private static void WaitForOutput(InteractiveStdioClient kernel, string token)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(180);
        while (DateTime.UtcNow < deadline)
        {
            if (kernel.Of(token).Any(e => e.EventType == "StandardOutputValueProduced")) return;
            Thread.Sleep(200);
        }
        throw new TimeoutException("the training cell printed nothing within 180 s\n" + kernel.Transcript);
    }
}
