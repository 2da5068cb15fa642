namespace Orator.Bench;

/// <summary>
/// Time to first audio byte at one number of concurrent clients, straight to the upstream and through the gateway.
/// <paramref name="PairedOverheadMs"/> is the median over rounds of (gateway round's median - the adjacent direct
/// round's median): the eight answers of one round share its moment's load, so pairing rounds cancels more of a
/// shared machine's drift than the two overall medians do.
/// </summary>
public sealed record GatewayTtfa(int Clients, int RequestsPerSide, double DirectP50Ms, double DirectP95Ms, double GatewayP50Ms, double GatewayP95Ms, double PairedOverheadMs)
{
    /// <summary>What the gateway adds to the median (the figure: under 5 ms).</summary>
    public double OverheadP50Ms => GatewayP50Ms - DirectP50Ms;

    public double OverheadP95Ms => GatewayP95Ms - DirectP95Ms;
}

/// <summary>
/// Wall time of the same batch of long requests from several clients, each side; <see cref="Ratio"/>
/// is the median over the interleaved pairs of direct time / gateway time (1 = no loss, the issue asks at least 0.95).
/// </summary>
public sealed record GatewayThroughput(int Requests, int Clients, int Characters, double DirectSeconds, double GatewaySeconds, double Ratio);

/// <summary>
/// CPU milliseconds per request over the gateway's throughput runs: the gateway process (with its
/// idle engine worker), the upstream with its workers and its server process alone; and the upstream
/// with its workers per request when called directly (what the gateway must not change).
/// </summary>
public sealed record GatewayCpu(double GatewayMsPerRequest, double UpstreamMsPerRequest, double UpstreamServerMsPerRequest, double UpstreamDirectMsPerRequest)
{
    /// <summary>The gateway's CPU against the whole cost of rendering the request upstream.</summary>
    public double GatewayVsUpstream => GatewayMsPerRequest / UpstreamMsPerRequest;

    /// <summary>The gateway's CPU against the upstream's HTTP server process alone (its synthesis is in the workers).</summary>
    public double GatewayVsUpstreamServer => GatewayMsPerRequest / UpstreamServerMsPerRequest;
}

/// <summary>What the gateway suite measured, and what it checked: every gateway answer came from the upstream, one byte for byte.</summary>
public sealed record GatewayResult(
    string Upstream,
    int Runs,
    int GatewayResponsesChecked,
    int IdenticalResponseBytes,
    IReadOnlyList<GatewayTtfa> Ttfa,
    GatewayThroughput Throughput,
    GatewayCpu Cpu,
    IReadOnlyList<TargetCheck> Targets);
