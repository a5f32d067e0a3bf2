using System.Diagnostics;
using SpokenDigits.Runtime;

namespace SpokenDigits.Tests.Runtime;

public class TorchThreadsTests
{
    [Theory]
    [InlineData(2, 0.0, 2)]
    [InlineData(2, 0.4, 2)]
    [InlineData(2, 0.6, 1)]
    [InlineData(2, 1.0, 1)]
    [InlineData(2, 3.0, 1)]
    [InlineData(8, 2.2, 6)]
    public void BusyCoresAreLeftOut(int cores, double otherLoad, int expected)
    {
        var choice = TorchThreads.Choose(cores, otherLoad);
        Assert.Equal(expected, choice.Threads);
        Assert.Equal(expected < cores, choice.Reduced);
        if (choice.Reduced) Assert.Contains($"--threads {cores}", choice.ToString());
    }

    [Fact]
    public void UnknownLoadUsesEveryCore() => Assert.Equal(4, TorchThreads.Choose(4, null).Threads);

    [Fact]
    public void AnotherBusyProcessIsSeen()
    {
        using var busy = Process.Start(new ProcessStartInfo("sh", new[] { "-c", "while :; do :; done" }))!;
        try
        {
            Thread.Sleep(200);
            var load = CpuLoad.OtherProcesses(TimeSpan.FromMilliseconds(500));
            Assert.NotNull(load);
            Assert.True(load >= 0.6, $"a shell loop keeps one core busy, measured {load:F2} cores");
            Assert.True(TorchThreads.Choose(Environment.ProcessorCount, load).Threads < Math.Max(2, Environment.ProcessorCount));
        }
        finally
        {
            busy.Kill();
        }
    }

    /// <summary>Our own busy thread adds a whole core to the machine's load; it must not show as other load. Another
    /// process's passing work (a build server finishing) could, so the measurement gets three tries.</summary>
    [Fact]
    public void ThisProcessesOwnWorkIsNotCountedAsOtherLoad()
    {
        var loads = new List<double?>();
        for (int attempt = 0; attempt < 3 && !(loads.LastOrDefault() < 0.6); attempt++)
        {
            var done = DateTime.UtcNow.AddMilliseconds(700);
            var spinner = new Thread(() => { while (DateTime.UtcNow < done) { } });
            spinner.Start();
            loads.Add(CpuLoad.OtherProcesses(TimeSpan.FromMilliseconds(500)));
            spinner.Join();
        }
        Assert.All(loads, l => Assert.NotNull(l));
        Assert.True(loads[^1] < 0.6, $"our own busy thread counted as other load: {string.Join(", ", loads.Select(l => $"{l:F2}"))} cores");
    }
}
