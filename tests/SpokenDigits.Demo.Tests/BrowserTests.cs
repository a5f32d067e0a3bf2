using SpokenDigits.Audio;
using SpokenDigits.Demo;

namespace SpokenDigits.Demo.Tests;

/// <summary>The page in a real browser: headless Chromium with a fake microphone that plays a known FSDD recording (with
/// silence before and after it); the test presses R to record and R to stop, as a user at the keyboard does, and reads
/// the answers the page shows over the DevTools protocol. The screenshot is kept as the CI artifact results/.ci/demo-browser-test.png (git-ignored).</summary>
public sealed class BrowserTests(DemoRunFixture demo) : IClassFixture<DemoRunFixture>
{
    public static string Screenshot => Path.Combine(DemoRunFixture.ProjectRoot, "results", ".ci", "demo-browser-test.png");

    [Fact]
    public async Task RecordingFromTheMicrophoneShowsEveryModelsAnswer()
    {
        const int digit = 5;
        var microphone = Path.Combine(Path.GetTempPath(), $"sd-microphone-{Guid.NewGuid():N}.wav");
        var samples = TestWavs.Padded(DemoRunFixture.Recording(digit, "yweweler"), 48_000, before: 0.6, after: 1.0);
        WavWriter.Write(microphone, samples, 48_000);
        double seconds = samples.Length / 48_000.0;

        await using var app = DemoServer.Build(demo.Inference, new DemoOptions(Port: 0));
        await app.StartAsync();
        try
        {
            await using var browser = await DevToolsSession.Open(DemoServer.Address(app),
                ["--use-fake-ui-for-media-stream", "--use-fake-device-for-media-stream", $"--use-file-for-fake-audio-capture={microphone}%noloop",
                 "--autoplay-policy=no-user-gesture-required"], TimeSpan.FromSeconds(60));
            await browser.WaitFor("window.demo && window.demo.ready", TimeSpan.FromSeconds(60), "the page loads the run's info");

            await browser.Press("r", "KeyR", 82);
            await browser.WaitFor($"demo.state === 'recording' && demo.recordedSeconds >= {seconds + 0.3:0.0#}", TimeSpan.FromSeconds(30),
                "the page records the fake microphone");
            await browser.Press("r", "KeyR", 82);
            await browser.WaitFor("demo.state === 'done' || demo.state === 'error'", TimeSpan.FromSeconds(60), "the page shows an answer");

            var shown = (await browser.Evaluate("""
                JSON.stringify({
                  state: demo.state, error: demo.error, status: document.getElementById('status').textContent,
                  noSpeech: !document.getElementById('nospeech').hidden,
                  answers: [...document.querySelectorAll('#answers .answer')].map(d => ({ model: d.dataset.model, digit: d.querySelector('.digit').textContent })),
                  weights: !!document.querySelector('.answer[data-model=TwoStreamFusionModel] .weights'),
                  plots: [...document.querySelectorAll('.chart')].filter(c => c.querySelector('.main-svg')).length,
                  history: document.getElementById('history').children.length,
                  recordedRate: demo.last && demo.last.sampleRate
                })
                """))!.GetValue<string>();
            Directory.CreateDirectory(Path.GetDirectoryName(Screenshot)!);
            await File.WriteAllBytesAsync(Screenshot, await browser.Screenshot());

            var page = System.Text.Json.Nodes.JsonNode.Parse(shown)!;
            Assert.True((string?)page["state"] == "done", shown);
            Assert.False((bool)page["noSpeech"]!, shown);
            var answers = page["answers"]!.AsArray();
            Assert.Equal(["RawOnlyModel", "SpecOnlyModel", "TwoStreamFusionModel"], answers.Select(a => (string)a!["model"]!));
            Assert.True(answers.All(a => (string?)a!["digit"] == digit.ToString()), shown);
            Assert.True((bool)page["weights"]!, shown);
            Assert.Equal(3, (int)page["plots"]!);
            Assert.Equal(1, (int)page["history"]!);
        }
        finally
        {
            await app.StopAsync();
            File.Delete(microphone);
        }
    }
}
