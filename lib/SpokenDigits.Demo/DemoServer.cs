using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SpokenDigits.Charts;

namespace SpokenDigits.Demo;

/// <summary>The demo's web server: one page (<c>/</c>, with its script, style and plotly.js, all served from this
/// assembly so it works offline) and <c>POST /api/predict</c>, which the page uses and which answers any client.</summary>
/// <example><code>
/// using var inference = LiveInference.Load("results/official-20260101-120000");
/// await using var app = DemoServer.Build(inference, new DemoOptions(Port: 0));
/// await app.StartAsync();
/// Console.WriteLine(DemoServer.Address(app));
/// </code></example>
public static class DemoServer
{
    public const string PredictPath = "/api/predict";
    public const string InfoPath = "/api/info";

    /// <summary>The server, not started. <paramref name="configure"/> may change the host before it is built
    /// (tests put an in-memory test server in place of Kestrel there).</summary>
    public static WebApplication Build(LiveInference inference, DemoOptions options, Action<WebApplicationBuilder>? configure = null)
    {
        options = options.Validated();
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Warning);
        builder.WebHost.UseUrls(options.ListenUrl);
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = options.MaxUploadBytes + 1);
        builder.Services.Configure<JsonOptions>(j =>
        {
            j.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
            j.SerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
        });
        configure?.Invoke(builder);
        var app = builder.Build();

        foreach (var (path, resource, type) in DemoPage.Files)
            app.MapGet(path, () => Results.Text(DemoPage.Read(resource), type));
        app.MapGet("/plotly.min.js", (HttpContext http) =>
        {
            http.Response.Headers.CacheControl = "public, max-age=86400";
            return Results.Text(PlotlyJs.Source, "text/javascript; charset=utf-8");
        });
        app.MapGet(InfoPath, () => Results.Json(DemoInfo.Of(inference, options)));
        app.MapPost(PredictPath, (HttpRequest request, CancellationToken cancellation) => Predict(request, inference, options, cancellation));
        return app;
    }

    static async Task<IResult> Predict(HttpRequest request, LiveInference inference, DemoOptions options, CancellationToken cancellation)
    {
        try
        {
            var clip = await UploadReader.ReadAsync(request, options, cancellation);
            return Results.Json(await inference.AnswerAsync(clip, cancellation));
        }
        catch (UploadRejected e)
        {
            return Results.Json(new DemoError(e.Message), statusCode: e.Status);
        }
        catch (BadHttpRequestException e)   // Kestrel's own limit, or a body that stopped arriving
        {
            return Results.Json(new DemoError($"the upload could not be read: {e.Message}"), statusCode: e.StatusCode);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return Results.Json(new DemoError($"the server could not answer this recording ({e.GetType().Name}: {e.Message.Split('\n')[0]})"),
                statusCode: StatusCodes.Status500InternalServerError);
        }
    }

    /// <summary>The page's address once <paramref name="app"/> has started (with the port Kestrel chose for port 0).</summary>
    public static string Address(WebApplication app)
    {
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses;
        var first = addresses?.FirstOrDefault() ?? throw new InvalidOperationException("the demo server is not listening");
        return first.TrimEnd('/') + "/";
    }
}
