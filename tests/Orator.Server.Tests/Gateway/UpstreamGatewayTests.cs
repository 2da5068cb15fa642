using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Orator.Gateway.Configuration;
using Orator.Gateway.Routing;
using Orator.Gateway.Upstreams;

namespace Orator.Server.Tests.Gateway;

public sealed class UpstreamGatewayTests
{
    [Fact]
    public void A_model_is_tried_on_its_backends_by_priority_with_the_local_engines_first_on_a_tie()
    {
        using var gateway = Gateway(100, ("a", 10, "tts-1"), ("b", 100, "tts-1"), ("c", 200, "tts-1"), ("d", 5, "other"));
        Assert.Equal(["a", "local", "b", "c"], gateway.Route("tts-1", servedLocally: true).Select(t => t.BackendId));
        Assert.Equal(["a", "b", "c"], gateway.Route("tts-1", servedLocally: false).Select(t => t.BackendId));
        Assert.Equal(["d"], gateway.Route("other", servedLocally: false).Select(t => t.BackendId));
        Assert.Equal(["local"], gateway.Route("flite", servedLocally: true).Select(t => t.BackendId));
        Assert.Empty(gateway.Route("nothing", servedLocally: false));
    }

    [Fact]
    public void A_local_priority_below_every_upstream_puts_the_local_engines_first()
    {
        using var gateway = Gateway(0, ("a", 10, "tts-1"));
        Assert.Equal(["local", "a"], gateway.Route("tts-1", servedLocally: true).Select(t => t.BackendId));
    }

    [Fact]
    public void A_renamed_model_is_asked_for_upstream_under_the_upstreams_name()
    {
        using var gateway = Gateway(100, ("a", 10, "premium=tts-1-hd"));
        var target = Assert.Single(gateway.Route("premium", servedLocally: false));
        Assert.Equal("tts-1-hd", target.UpstreamModel);
        Assert.Equal([new UpstreamModel("premium", "a")], gateway.Models);
        Assert.False(gateway.Serves("tts-1-hd"));
    }

    [Fact]
    public void A_reload_keeps_an_unchanged_upstream_with_its_circuit_and_replaces_changed_ones()
    {
        using var gateway = Gateway(100, ("keep", 10, "tts-1"), ("change", 10, "tts-1"), ("drop", 10, "tts-1"));
        var kept = gateway.Upstreams.Single(u => u.Name == "keep");
        kept.Circuit.OpenUntil(DateTimeOffset.UtcNow.AddMinutes(5), "unauthorized");

        var changes = gateway.Reload(Definitions(("keep", 10, "tts-1"), ("change", 20, "tts-1"), ("new", 10, "tts-1")));

        Assert.Equal(["new"], changes.Added);
        Assert.Equal(["drop"], changes.Removed);
        Assert.Equal(["change"], changes.Changed);
        Assert.Same(kept, gateway.Upstreams.Single(u => u.Name == "keep"));
        Assert.Equal(CircuitState.Open, kept.Circuit.State);
        Assert.Equal(["change", "keep", "new"], gateway.Upstreams.Select(u => u.Name).Order());
        Assert.True(gateway.Reload(Definitions(("keep", 10, "tts-1"), ("change", 20, "tts-1"), ("new", 10, "tts-1"))).None);
    }

    [Fact]
    public void Max_concurrency_refuses_a_place_when_all_are_taken_until_one_is_given_back()
    {
        using var gateway = new UpstreamGateway(Definitions(("a", 10, "tts-1"), maxConcurrency: 2), 100, TimeProvider.System, NullLogger.Instance);
        var client = gateway.Upstreams[0];
        Assert.True(client.TryReserve());
        Assert.True(client.TryReserve());
        Assert.False(client.TryReserve());
        Assert.Equal(2, client.InFlight);
        client.Release();
        Assert.True(client.TryReserve());
    }

    private static UpstreamGateway Gateway(int localPriority, params (string Name, int Priority, string Model)[] upstreams) =>
        new(Definitions(upstreams), localPriority, TimeProvider.System, NullLogger.Instance);

    private static IReadOnlyList<UpstreamDefinition> Definitions(params (string Name, int Priority, string Model)[] upstreams) => Definitions(upstreams, 0);

    private static IReadOnlyList<UpstreamDefinition> Definitions((string Name, int Priority, string Model) upstream, int maxConcurrency) => Definitions([upstream], maxConcurrency);

    private static IReadOnlyList<UpstreamDefinition> Definitions((string Name, int Priority, string Model)[] upstreams, int maxConcurrency)
    {
        var settings = new Dictionary<string, string?>();
        foreach (var (name, priority, model) in upstreams)
        {
            settings[$"Orator:Upstreams:{name}:BaseUrl"] = "http://127.0.0.1:9/v1";
            settings[$"Orator:Upstreams:{name}:Priority"] = priority.ToString(System.Globalization.CultureInfo.InvariantCulture);
            settings[$"Orator:Upstreams:{name}:Models:0"] = model;
            settings[$"Orator:Upstreams:{name}:MaxConcurrency"] = maxConcurrency.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        var options = new ConfigurationBuilder().AddInMemoryCollection(settings).Build().GetSection(UpstreamSettings.SectionName).Get<Dictionary<string, UpstreamOptions>>();
        var (definitions, problems) = UpstreamSettings.Read(options, _ => null);
        Assert.Empty(problems);
        return definitions;
    }
}
