using System.Net;
using SpokenDigits.Demo;

namespace SpokenDigits.Demo.Tests;

/// <summary><c>POST /api/predict</c> through the whole ASP.NET Core pipeline (in-memory test server) with the committed demo run.</summary>
public sealed class PredictApiTests(DemoRunFixture demo) : IClassFixture<DemoRunFixture>
{
    static readonly string[] ModelNames = ["RawOnlyModel", "SpecOnlyModel", "TwoStreamFusionModel"];

    [Theory]
    [InlineData(7, "jackson")]
    [InlineData(3, "theo")]
    [InlineData(9, "nicolas")]
    public async Task ARealRecordingGetsTheRightDigitFromEveryModel(int digit, string speaker)
    {
        var path = DemoRunFixture.Recording(digit, speaker);   // take 0: in the official test part, never trained on
        var answer = await DemoRequests.Answer(demo.Client, File.ReadAllBytes(path), Path.GetFileName(path));

        Assert.False(answer.NoSpeech);
        Assert.Equal("run", answer.Detector);
        Assert.Equal(Path.GetFileName(path), answer.Source);
        Assert.Equal(ModelNames, answer.Models.Select(m => m.Name));
        foreach (var m in answer.Models)
        {
            Assert.True(m.Digit == digit, $"{m.Name} heard {m.Digit} in {path}");
            Assert.Equal(10, m.Probabilities.Length);
            Assert.InRange(m.Probabilities.Sum(), 0.999, 1.001);
            Assert.Equal(3, m.Top3.Count);
            Assert.Equal(m.Digit, m.Top3[0].Digit);
        }
        var speech = Assert.IsType<SpeechSpan>(answer.Speech);
        Assert.InRange(speech.StartSeconds, 0, speech.EndSeconds - 0.05);
        Assert.InRange(speech.EndSeconds, speech.StartSeconds, answer.DurationSeconds + 1e-9);
        Assert.Equal(8000, answer.SampleRate);
        Assert.Equal(64, answer.Spectrogram.Bands.Length);
        Assert.NotEmpty(answer.Waveform.Max);
    }

    [Fact]
    public async Task TheFusedModelShowsItsBranchWeights()
    {
        var answer = await DemoRequests.Answer(demo.Client, File.ReadAllBytes(DemoRunFixture.Recording(4)));
        var fused = answer.Models.Single(m => m.Name == "TwoStreamFusionModel");
        var weights = Assert.IsType<SpokenDigits.Inference.BranchWeights>(fused.BranchWeights);
        Assert.InRange(weights.Raw + weights.Spectrogram, 0.999f, 1.001f);
        Assert.All(answer.Models.Where(m => m.Name != "TwoStreamFusionModel"), m => Assert.Null(m.BranchWeights));
    }

    [Fact]
    public async Task AResampledStereoCopyGetsTheSameDigits()
    {
        var path = DemoRunFixture.Recording(6, "george");
        var original = await DemoRequests.Answer(demo.Client, File.ReadAllBytes(path));
        var copy = await DemoRequests.Answer(demo.Client, TestWavs.ResampledStereo(path, 44_100));

        Assert.Equal(44_100, copy.SampleRate);
        Assert.False(copy.NoSpeech);
        Assert.Equal(original.Models.Select(m => m.Digit), copy.Models.Select(m => m.Digit));
        Assert.All(copy.Models, m => Assert.Equal(6, m.Digit));
        Assert.InRange(copy.Speech!.StartSeconds, original.Speech!.StartSeconds - 0.03, original.Speech.StartSeconds + 0.03);
    }

    [Fact]
    public async Task SilenceIsAnsweredNoSpeech()
    {
        var answer = await DemoRequests.Answer(demo.Client, TestWavs.Silence(1.5, 16_000), "silence.wav");
        Assert.True(answer.NoSpeech);
        Assert.Null(answer.Speech);
        Assert.Empty(answer.Models);
        Assert.Equal(1.5, answer.DurationSeconds, 3);
    }

    /// <summary>Each bad upload by name (the bytes are made in the test: a 10 MB array is no theory data to enumerate).</summary>
    static byte[] BadUpload(string what) => what switch
    {
        "not a WAV" => "ID3\u0004 this is an mp3 file, not a wav"u8.ToArray(),
        "unsupported codec" => TestWavs.Mp3InWav(),
        "empty" => [],
        "over 10 MB" => new byte[DemoOptions.DefaultMaxUploadBytes + 1],
        "over 30 s" => TestWavs.Silence(31, 8000),
        _ => throw new ArgumentException(what),
    };

    [Theory]
    [InlineData("not a WAV", HttpStatusCode.BadRequest, "not a RIFF file")]
    [InlineData("unsupported codec", HttpStatusCode.BadRequest, "unsupported codec: format tag")]
    [InlineData("empty", HttpStatusCode.BadRequest, "file is empty")]
    [InlineData("over 10 MB", HttpStatusCode.RequestEntityTooLarge, "at most 10,485,760 bytes")]
    [InlineData("over 30 s", HttpStatusCode.RequestEntityTooLarge, "31.0 s long; the demo takes at most 30 s")]
    public async Task ABadUploadGetsA4xxWithTheReadersMessageAndTheServerKeepsServing(string what, HttpStatusCode status, string message)
    {
        var (response, text) = await DemoRequests.Post(demo.Client, BadUpload(what), "bad.wav");
        Assert.True(response.StatusCode == status, $"{what}: {(int)response.StatusCode} {text}");
        var error = DemoRequests.Error(text);
        Assert.Contains(message, error.Error);
        Assert.StartsWith("bad.wav: ", error.Error);

        var after = await DemoRequests.Answer(demo.Client, File.ReadAllBytes(DemoRunFixture.Recording(2)));
        Assert.Equal(2, after.Models.Single(m => m.Name == "TwoStreamFusionModel").Digit);
    }

    [Fact]
    public async Task FiftyConcurrentRequestsAreAllAnsweredAsOneAtATime()
    {
        var files = Enumerable.Range(0, 10).Select(d => DemoRunFixture.Recording(d, "lucas", 1)).ToList();
        var alone = new Dictionary<string, int[]>();
        foreach (var f in files)
            alone[f] = (await DemoRequests.Answer(demo.Client, File.ReadAllBytes(f))).Models.Select(m => m.Digit).ToArray();

        var requests = Enumerable.Range(0, 50).Select(async i =>
        {
            var f = files[i % files.Count];
            return (File: f, Answer: await DemoRequests.Answer(demo.Client, File.ReadAllBytes(f)));
        }).ToList();
        var answers = await Task.WhenAll(requests);

        Assert.Equal(50, answers.Length);
        foreach (var (f, a) in answers)
            Assert.Equal(alone[f], a.Models.Select(m => m.Digit).ToArray());
    }
}
