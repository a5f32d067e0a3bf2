using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using SpokenDigits.Data;
using SpokenDigits.Demo;

namespace SpokenDigits.Demo.Tests;

/// <summary>The committed demo run (results/demo-attention-seed42: the three models trained with endpointing, the fused
/// one with attention fusion, aux heads and modality dropout, so it has branch weights) loaded once, behind an in-memory
/// test server; and the FSDD recordings beside the project.</summary>
public sealed class DemoRunFixture : IAsyncLifetime
{
    public const string RunName = "demo-attention-seed42";

    public static string ProjectRoot { get; } = DataLocator.FindProjectRoot(AppContext.BaseDirectory)
        ?? throw new InvalidOperationException("the project root (SpokenDigits.slnx) is not above the test's folder");

    public static string RunFolder => Path.Combine(ProjectRoot, "results", RunName);

    /// <summary>An older committed run, trained before endpointing existed.</summary>
    public static string RunWithoutEndpointing => Path.Combine(ProjectRoot, "results", "notebooks", "runs", "official-seed42-e15");

    public static string Recordings { get; } = DataLocator.FindRecordings(null, ProjectRoot);

    public static string Recording(int digit, string speaker = "jackson", int take = 0) => Path.Combine(Recordings, $"{digit}_{speaker}_{take}.wav");

    public LiveInference Inference { get; private set; } = null!;
    public WebApplication App { get; private set; } = null!;
    public HttpClient Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Inference = LiveInference.Load(RunFolder);
        App = await StartInMemory(Inference);
        Client = App.GetTestClient();
    }

    public static async Task<WebApplication> StartInMemory(LiveInference inference, DemoOptions? options = null)
    {
        var app = DemoServer.Build(inference, options ?? new DemoOptions(), b => b.WebHost.UseTestServer());
        await app.StartAsync();
        return app;
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        await App.DisposeAsync();
        Inference.Dispose();
    }
}
