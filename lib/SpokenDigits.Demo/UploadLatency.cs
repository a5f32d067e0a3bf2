using System.Diagnostics;
using System.Net.Http.Json;
using SpokenDigits.Benchmarking;

namespace SpokenDigits.Demo;

/// <summary>Measures the demo from the page's side: a real server on a free loopback port, real WAV files posted one at
/// a time to <c>POST /api/predict</c>, each timed from sending the body to having read the whole JSON answer.</summary>
public static class UploadLatency
{
    public static async Task<DemoLatency> MeasureAsync(LiveInference inference, IReadOnlyList<string> wavFiles, int requests,
        int warmup = 5, TextWriter? log = null, CancellationToken cancellation = default)
    {
        if (wavFiles.Count == 0) throw new ArgumentException("no recordings to upload");
        if (requests < 1) throw new ArgumentException("at least one timed request");
        await using var app = DemoServer.Build(inference, new DemoOptions(Port: 0));
        await app.StartAsync(cancellation);
        var address = new Uri(DemoServer.Address(app));
        using var client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromMinutes(1) };
        var bodies = wavFiles.Select(File.ReadAllBytes).ToList();
        var roundTrips = new List<double>();
        var server = new List<double>();
        for (int i = 0; i < warmup + requests; i++)
        {
            using var content = new ByteArrayContent(bodies[i % bodies.Count]);
            content.Headers.ContentType = new("audio/wav");
            var clock = Stopwatch.StartNew();
            using var response = await client.PostAsync(DemoServer.PredictPath, content, cancellation);
            var answer = await response.Content.ReadFromJsonAsync<DemoAnswer>(cancellation);
            double elapsed = clock.Elapsed.TotalMilliseconds;
            if (!response.IsSuccessStatusCode || answer is null)
                throw new InvalidDataException($"{wavFiles[i % wavFiles.Count]}: the demo answered {(int)response.StatusCode}");
            if (i < warmup) continue;
            roundTrips.Add(elapsed);
            server.Add(answer.InferenceMilliseconds);
        }
        await app.StopAsync(cancellation);
        var result = new DemoLatency(inference.Predictor.Run.Path, requests, Math.Min(requests, wavFiles.Count), Latency.Of(roundTrips), Latency.Of(server));
        log?.WriteLine(FormattableString.Invariant(
            $"Demo upload → answer ({requests} requests, {address}): p50 {result.UploadToAnswer.P50:F1} ms, p95 {result.UploadToAnswer.P95:F1} ms; server inference p50 {result.ServerInference.P50:F1} ms, p95 {result.ServerInference.P95:F1} ms"));
        return result;
    }
}
