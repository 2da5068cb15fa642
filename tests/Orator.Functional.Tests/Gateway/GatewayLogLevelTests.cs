namespace Orator.Functional.Tests.Gateway;

/// <summary>The gateway's own log lines (Orator.Upstreams) obey <c>Logging:LogLevel</c> like every other category.</summary>
public sealed class GatewayLogLevelTests
{
    [Fact]
    public async Task Upstream_and_engine_logs_follow_the_configured_levels_in_orator_serve()
    {
        // The upstream need not answer: its definition is logged when the server starts.
        await using var gateway = await OratorServeProcess.StartAsync(
        [
            "--Logging:LogLevel:Default=Warning", "--Logging:LogLevel:Orator.Upstreams=Information",
            "--Orator:Upstreams:gpu:BaseUrl=http://127.0.0.1:9/v1", "--Orator:Upstreams:gpu:Models:0=premium",
        ]);

        var described = await gateway.WaitForLineAsync(0, TimeSpan.FromSeconds(10), "info: Orator.Upstreams[6000]", "Upstream gpu at http://127.0.0.1:9/v1 serves premium");

        Assert.NotNull(described);
        Assert.DoesNotContain(gateway.Lines, l => l.Contains("info: Orator.Engines", StringComparison.Ordinal));
    }
}
