using System.Net;
using Orator.Functional.Tests.Infrastructure;

namespace Orator.Functional.Tests.Observability;

public sealed class ReadinessTests(NoEngineServerFixture server) : IClassFixture<NoEngineServerFixture>
{
    [Fact]
    public async Task A_server_without_engines_is_alive_but_not_ready()
    {
        using var client = server.CreateClient();

        using var health = await client.GetAsync("health");
        using var ready = await client.GetAsync("ready");

        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        var error = await SpeechCalls.ReadErrorAsync(ready);
        Assert.Equal("server_error", error.Type);
        Assert.Equal("not_ready", error.Code);
        Assert.Contains("engine", error.Message, StringComparison.Ordinal);
    }
}
