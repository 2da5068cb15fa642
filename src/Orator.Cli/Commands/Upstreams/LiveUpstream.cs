using Orator.Gateway.Upstreams;

namespace Orator.Cli.Commands.Upstreams;

/// <summary>One upstream as a running server reports it in its metrics.</summary>
/// <param name="State">Its circuit, when the server reported one.</param>
/// <param name="InFlight">Requests the server has in flight to it, when reported.</param>
internal readonly record struct LiveUpstream(CircuitState? State, int? InFlight);
