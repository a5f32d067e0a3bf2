using System.Net;
using System.Text.RegularExpressions;
using SpokenDigits.Demo;
using SpokenDigits.Inference;

namespace SpokenDigits.Demo.Tests;

/// <summary>The page is served whole by the tool (offline), the run is found as the CLI finds it, and the core library
/// stays free of ASP.NET.</summary>
public sealed partial class PageAndRunTests(DemoRunFixture demo) : IClassFixture<DemoRunFixture>
{
    [Fact]
    public async Task ThePageAndEveryScriptItLoadsAreServedByTheToolItself()
    {
        var html = await demo.Client.GetStringAsync("/");
        Assert.DoesNotMatch(ExternalReference(), html);
        var local = LocalReference().Matches(html).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(["demo.css", "plotly.min.js", "demo.js"], local);
        foreach (var file in local)
        {
            var response = await demo.Client.GetAsync("/" + file);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var text = await response.Content.ReadAsStringAsync();
            Assert.DoesNotMatch(ExternalReference(), file == "plotly.min.js" ? "" : text);
            if (file == "plotly.min.js") Assert.True(text.Length > 1_000_000 && text.Contains("plotly.js v" + SpokenDigits.Charts.PlotlyJs.Version));
        }
    }

    [Fact]
    public async Task InfoNamesTheRunAndItsModels()
    {
        var info = await System.Net.Http.Json.HttpClientJsonExtensions.GetFromJsonAsync<DemoInfo>(demo.Client, DemoServer.InfoPath);
        Assert.Equal(DemoRunFixture.RunName, info!.Run);
        Assert.Equal(["raw waveform", "spectrogram", "fused"], info.Models.Select(m => m.Title));
        Assert.True(info.RunFindsTheWord);
    }

    [Fact]
    public void WithoutRunTheNewestCompleteRunIsTakenAndNoneIsAClearError()
    {
        var empty = Directory.CreateTempSubdirectory("sd-demo-empty-");
        try
        {
            var e = Assert.Throws<InvalidDataException>(() => DemoRun.Resolve(null, empty.FullName));
            Assert.Contains("no complete run under " + empty.FullName, e.Message);
            Assert.Contains("--run DIR", e.Message);
        }
        finally { empty.Delete(recursive: true); }
        var found = DemoRun.Resolve(null, Path.Combine(DemoRunFixture.ProjectRoot, "results"));
        Assert.NotNull(TrainedRun.FindLatest(Path.GetDirectoryName(found)!, depth: 1));
        Assert.Equal(DemoRunFixture.RunFolder, DemoRun.Resolve(DemoRunFixture.RunFolder, "unused"));
    }

    [Fact]
    public void TheCoreLibraryDoesNotDependOnAspNetCore()
    {
        var references = typeof(Predictor).Assembly.GetReferencedAssemblies().Select(a => a.Name!).ToList();
        Assert.Contains("TorchSharp", references);
        Assert.DoesNotContain(references, r => r.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ARunTrainedBeforeEndpointingStillAnswersSilenceNoSpeech()
    {
        using var inference = LiveInference.Load(DemoRunFixture.RunWithoutEndpointing);
        await using var app = await DemoRunFixture.StartInMemory(inference);
        using var client = Microsoft.AspNetCore.TestHost.HostBuilderTestServerExtensions.GetTestClient(app);

        var silence = await DemoRequests.Answer(client, TestWavs.Silence(1, 8000));
        Assert.True(silence.NoSpeech);
        Assert.Empty(silence.Models);
        var word = await DemoRequests.Answer(client, File.ReadAllBytes(DemoRunFixture.Recording(8)));
        Assert.Equal("demo", word.Detector);
        Assert.NotNull(word.Speech);
        Assert.All(word.Models, m => Assert.Equal(8, m.Digit));
    }

    [GeneratedRegex(@"(src|href)\s*=\s*[""']?\s*(https?:)?//", RegexOptions.IgnoreCase)]
    private static partial Regex ExternalReference();

    [GeneratedRegex(@"(?:src|href)=""([^""]+)""")]
    private static partial Regex LocalReference();
}
