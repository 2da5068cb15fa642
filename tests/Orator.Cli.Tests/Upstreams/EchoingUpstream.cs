using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Orator.Cli.Tests.Upstreams;

/// <summary>
/// A speech API on a loopback port that refuses every request and quotes the bearer key it was
/// sent in its error, as OpenAI's 401 does: model <see cref="UnauthorizedModel"/> gets a 401, any
/// other a 400 whose message is the one a client would be shown.
/// </summary>
public sealed class EchoingUpstream : IAsyncDisposable
{
    public const string UnauthorizedModel = "needs-key";

    private readonly WebApplication _app;

    private EchoingUpstream(WebApplication app)
    {
        _app = app;
    }

    /// <summary>Its API base, e.g. http://127.0.0.1:41234/v1.</summary>
    public string BaseUrl => _app.Urls.First().TrimEnd('/') + "/v1";

    public static async Task<EchoingUpstream> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.MapPost("/v1/audio/speech", AnswerAsync);
        await app.StartAsync();
        return new EchoingUpstream(app);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private static async Task AnswerAsync(HttpContext context)
    {
        using var body = await JsonDocument.ParseAsync(context.Request.Body);
        var model = body.RootElement.GetProperty("model").GetString();
        var key = context.Request.Headers.Authorization.ToString().Replace("Bearer ", "", StringComparison.Ordinal);
        var unauthorized = model == UnauthorizedModel;
        context.Response.StatusCode = unauthorized ? 401 : 400;
        context.Response.ContentType = "application/json";
        var message = unauthorized ? $"Incorrect API key provided: {key}." : $"Voice not available for key {key}.";
        await context.Response.WriteAsync(JsonSerializer.Serialize(new Dictionary<string, Dictionary<string, string>>
        {
            ["error"] = new() { ["message"] = message, ["type"] = "invalid_request_error" },
        }));
    }
}
