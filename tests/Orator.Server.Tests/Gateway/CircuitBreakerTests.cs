using Orator.Gateway.Upstreams;

namespace Orator.Server.Tests.Gateway;

public sealed class CircuitBreakerTests
{
    private readonly ManualTime _time = new();

    [Fact]
    public void It_stays_closed_below_the_threshold_and_a_success_resets_the_count()
    {
        var circuit = new CircuitBreaker(3, TimeSpan.FromSeconds(30), _time);
        circuit.Failed();
        circuit.Failed();
        circuit.Succeeded();
        circuit.Failed();
        circuit.Failed();
        Assert.Equal(CircuitState.Closed, circuit.State);
        Assert.True(circuit.TryEnter(out var probe));
        Assert.False(probe);
    }

    [Fact]
    public void It_opens_after_threshold_consecutive_failures_and_refuses_until_the_wait_is_over()
    {
        var circuit = new CircuitBreaker(3, TimeSpan.FromSeconds(30), _time);
        for (var i = 0; i < 3; i++)
        {
            circuit.Failed();
        }

        Assert.Equal(CircuitState.Open, circuit.State);
        Assert.Equal("failures", circuit.OpenReason);
        Assert.False(circuit.TryEnter(out _));
        Assert.Equal(TimeSpan.FromSeconds(30), circuit.RetryAfter);
        _time.Advance(TimeSpan.FromSeconds(29));
        Assert.False(circuit.TryEnter(out _));
        Assert.Equal(TimeSpan.FromSeconds(1), circuit.RetryAfter);
    }

    [Fact]
    public void After_the_wait_exactly_one_probe_goes_through_and_its_success_closes_the_circuit()
    {
        var circuit = Opened();
        _time.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal(CircuitState.HalfOpen, circuit.State);
        Assert.True(circuit.TryEnter(out var probe));
        Assert.True(probe);
        Assert.False(circuit.TryEnter(out _)); // a second request while the probe is out goes elsewhere
        circuit.Succeeded();
        Assert.Equal(CircuitState.Closed, circuit.State);
        Assert.True(circuit.TryEnter(out var second));
        Assert.False(second);
    }

    [Fact]
    public void A_failed_probe_reopens_at_once_for_another_full_wait()
    {
        var circuit = Opened();
        _time.Advance(TimeSpan.FromSeconds(31));
        Assert.True(circuit.TryEnter(out var probe));
        Assert.True(probe);
        circuit.Failed();
        Assert.Equal(CircuitState.Open, circuit.State);
        Assert.Equal(TimeSpan.FromSeconds(30), circuit.RetryAfter);
    }

    [Fact]
    public void An_abandoned_probe_lets_the_next_request_probe()
    {
        var circuit = Opened();
        _time.Advance(TimeSpan.FromSeconds(30));
        Assert.True(circuit.TryEnter(out _));
        circuit.Abandoned();
        Assert.True(circuit.TryEnter(out var probe));
        Assert.True(probe);
    }

    [Fact]
    public void Open_until_opens_at_once_whatever_the_count_and_keeps_the_later_time()
    {
        var circuit = new CircuitBreaker(5, TimeSpan.FromSeconds(30), _time);
        circuit.OpenUntil(_time.GetUtcNow() + TimeSpan.FromSeconds(7), "rate_limited");
        Assert.Equal(CircuitState.Open, circuit.State);
        Assert.Equal("rate_limited", circuit.OpenReason);
        circuit.OpenUntil(_time.GetUtcNow() + TimeSpan.FromSeconds(2), "rate_limited");
        Assert.Equal(TimeSpan.FromSeconds(7), circuit.RetryAfter);
        _time.Advance(TimeSpan.FromSeconds(7));
        Assert.True(circuit.TryEnter(out var probe));
        Assert.True(probe);
    }

    private CircuitBreaker Opened()
    {
        var circuit = new CircuitBreaker(2, TimeSpan.FromSeconds(30), _time);
        circuit.Failed();
        circuit.Failed();
        Assert.Equal(CircuitState.Open, circuit.State);
        return circuit;
    }
}
