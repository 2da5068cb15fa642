using Orator.Core.Audio;

namespace Orator.Gateway.Upstreams;

/// <summary>What is asked of an upstream: the request in the upstream's names (model and voice mapped).</summary>
/// <param name="Model">The upstream's model id.</param>
/// <param name="Voice">The upstream's voice name.</param>
/// <param name="Input">The text, as the client wrote it.</param>
/// <param name="Instructions">The client's instructions, or null.</param>
/// <param name="Speed">The client's speed (sent only when it is not 1).</param>
/// <param name="Format">The client's format: asked for as it is, so the bytes pass through unchanged.</param>
public sealed record UpstreamCall(string Model, string Voice, string Input, string? Instructions, double Speed, AudioFormat Format);
