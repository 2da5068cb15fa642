namespace Orator.Functional.Tests.Gateway;

/// <summary>
/// The keys of the gateway tests, each distinct so a leak can be told apart: the client presents
/// one key to the gateway, the gateway presents another to the upstream.
/// </summary>
public static class GatewayKeys
{
    /// <summary>Key A: what clients present to the gateway (<c>Orator:ApiKeys</c> there).</summary>
    public const string Client = "sk-gateway-client-a-0123456789";

    /// <summary>Key B: the only key the upstream accepts; the gateway's <c>ApiKey</c> for it.</summary>
    public const string Upstream = "sk-upstream-b-9876543210";

    /// <summary>A key the upstream does not accept, configured for a second upstream entry on purpose.</summary>
    public const string StaleUpstream = "sk-upstream-stale-5555555555";

    /// <summary>The gateway's admin key (stored keys with limits are made with it).</summary>
    public const string Admin = "admin-gateway-test-1234567890";

    /// <summary>Every secret above: none may appear in a log line or a response.</summary>
    public static IReadOnlyList<string> All { get; } = [Client, Upstream, StaleUpstream, Admin];
}
