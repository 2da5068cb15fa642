using Orator.Cli.Commands.Upstreams;
using Orator.Gateway.Upstreams;

namespace Orator.Cli.Tests.Upstreams;

public sealed class ServerUpstreamStatesTests
{
    private const string Metrics = """
        # HELP orator_upstream_circuit_state Each upstream's circuit: 0 closed, 1 half-open (probing), 2 open.
        # TYPE orator_upstream_circuit_state gauge
        orator_upstream_circuit_state{upstream="openai"} 0
        orator_upstream_circuit_state{upstream="gpu.box"} 2
        orator_upstream_circuit_state{upstream="half"} 1
        orator_upstream_circuit_state{upstream="odd"} 7
        # TYPE orator_upstream_in_flight gauge
        orator_upstream_in_flight{upstream="openai"} 3
        orator_upstream_in_flight{upstream="gpu.box"} 0 1700000000000
        orator_upstream_requests_total{upstream="openai",outcome="completed"} 12
        orator_upstream_in_flight_other{upstream="x"} 5
        orator_queue_depth 0
        """;

    [Fact]
    public void Each_upstream_gets_its_circuit_and_in_flight_gauges()
    {
        var states = ServerUpstreamStates.Parse(Metrics);

        Assert.Equal(["gpu.box", "half", "odd", "openai"], states.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(new LiveUpstream(CircuitState.Closed, 3), states["openai"]);
        Assert.Equal(new LiveUpstream(CircuitState.Open, 0), states["gpu.box"]);
        Assert.Equal(new LiveUpstream(CircuitState.HalfOpen, null), states["half"]);
        Assert.Equal(new LiveUpstream(null, null), states["odd"]);
    }

    [Fact]
    public void Label_escapes_and_other_labels_are_read_and_broken_lines_skipped()
    {
        var states = ServerUpstreamStates.Parse("""
            orator_upstream_circuit_state{zone="a \"b\" \\ c",upstream="quoted"} 1
            orator_upstream_circuit_state{upstream="unterminated} 2
            orator_upstream_circuit_state{upstream="novalue"}
            orator_upstream_in_flight 4
            """);

        Assert.Equal(new LiveUpstream(CircuitState.HalfOpen, null), Assert.Single(states, s => s.Key == "quoted").Value);
        Assert.Single(states);
    }

    [Theory]
    [InlineData("http://127.0.0.1:8000", "http://127.0.0.1:8000/metrics")]
    [InlineData("http://127.0.0.1:8000/", "http://127.0.0.1:8000/metrics")]
    [InlineData("https://tts.example/orator/", "https://tts.example/orator/metrics")]
    public void Metrics_are_read_under_the_servers_address(string server, string metrics) =>
        Assert.Equal(new Uri(metrics), ServerUpstreamStates.MetricsUri(new Uri(server)));
}
