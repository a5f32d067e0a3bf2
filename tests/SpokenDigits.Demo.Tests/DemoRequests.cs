using System.Net.Http.Json;
using System.Text.Json;
using SpokenDigits.Demo;

namespace SpokenDigits.Demo.Tests;

/// <summary>Posting WAV bytes as the page does, and reading the answer the page reads.</summary>
public static class DemoRequests
{
    static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    public static async Task<(HttpResponseMessage Response, string Body)> Post(HttpClient client, byte[] wav, string? name = null)
    {
        using var content = new ByteArrayContent(wav);
        content.Headers.ContentType = new("audio/wav");
        using var request = new HttpRequestMessage(HttpMethod.Post, DemoServer.PredictPath) { Content = content };
        if (name is not null) request.Headers.Add(UploadReader.NameHeader, name);
        var response = await client.SendAsync(request);
        return (response, await response.Content.ReadAsStringAsync());
    }

    public static async Task<DemoAnswer> Answer(HttpClient client, byte[] wav, string? name = null)
    {
        var (response, body) = await Post(client, wav, name);
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {body}");
        return JsonSerializer.Deserialize<DemoAnswer>(body, Web)!;
    }

    public static DemoError Error(string body) => JsonSerializer.Deserialize<DemoError>(body, Web)!;
}
