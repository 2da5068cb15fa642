using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Builder;
using Orator.Server.Hosting;

namespace Orator.Storage.Tests.Infrastructure;

/// <summary>A real Orator server (Kestrel on a loopback port, one engine worker) on a given database.</summary>
public sealed class TestServer : IAsyncDisposable
{
    private TestServer(OratorServer server)
    {
        Server = server;
        BaseAddress = new Uri(server.Urls[0].TrimEnd('/') + "/");
    }

    public OratorServer Server { get; }

    public Uri BaseAddress { get; }

    public static async Task<TestServer> StartAsync(StorageOptions storage, IEnumerable<string>? extra = null, Action<WebApplicationBuilder>? configure = null)
    {
        var server = await OratorServer.StartAsync(
            ["--urls=http://127.0.0.1:0", "--Logging:LogLevel:Default=Warning", "--Orator:Workers=1", "--Orator:Storage:KeyCacheSeconds=1",
             "--Orator:Storage:UsageFlushMilliseconds=200", .. DatabaseTarget.ServerArguments(storage), .. extra ?? []],
            configure);
        return new TestServer(server);
    }

    public HttpClient Client(string? key = null)
    {
        var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromMinutes(2) };
        if (key is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }

        return client;
    }

    public ValueTask DisposeAsync() => Server.DisposeAsync();
}

/// <summary>Calls used by many tests.</summary>
public static class Calls
{
    public static Task<HttpResponseMessage> SpeakAsync(this HttpClient client, string input = "a", string model = "tts-1", string format = "pcm") =>
        client.PostAsJsonAsync("v1/audio/speech", new { model, input, voice = "alloy", response_format = format });

    public static async Task<(string? Type, string? Code, string Message)> ErrorAsync(HttpResponseMessage response)
    {
        using var json = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var error = json.RootElement.GetProperty("error");
        return (error.GetProperty("type").GetString(), error.GetProperty("code").GetString(), error.GetProperty("message").GetString()!);
    }

    public static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(",", values) : "";

    /// <summary>Waits until at least <paramref name="seconds"/> remain in the current UTC minute, so a per-minute window cannot roll over mid-test.</summary>
    public static async Task AwayFromMinuteEndAsync(int seconds = 20)
    {
        var now = DateTimeOffset.UtcNow;
        if (now.Second >= 60 - seconds)
        {
            await Task.Delay(TimeSpan.FromSeconds(61 - now.Second));
        }
    }
}
