namespace Orator.Functional.Tests.Infrastructure;

/// <summary>What a <see cref="FaultyUpstream"/> serves; each setter rejects a value that cannot work.</summary>
public sealed record FaultyUpstreamOptions
{
    /// <summary>Names the upstream in its payload's prefix, so a test can tell which backend answered.</summary>
    public string Name
    {
        get;
        init => field = string.IsNullOrWhiteSpace(value) ? throw new ArgumentException("A name is required.", nameof(value)) : value;
    } = "upstream";

    /// <summary>The audio body of an OK answer; null means <see cref="UpstreamPayload.Create"/> of <see cref="Name"/>.</summary>
    public byte[]? Payload { get; init; }

    /// <summary>Length of the generated payload.</summary>
    public int PayloadLength
    {
        get;
        init => field = value > 0 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "The payload needs at least one byte.");
    } = 16 * 1024;

    /// <summary>Audio bytes per written chunk (and per SSE delta event).</summary>
    public int ChunkSize
    {
        get;
        init => field = value > 0 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "A chunk needs at least one byte.");
    } = 2 * 1024;

    /// <summary>Pause after each flushed chunk, so a client sees the body in several reads.</summary>
    public TimeSpan ChunkDelay
    {
        get;
        init => field = value >= TimeSpan.Zero ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "A delay cannot be negative.");
    } = TimeSpan.FromMilliseconds(2);

    /// <summary>
    /// Voices <c>GET /v1/audio/voices</c> lists and speech accepts (another is a 400 about
    /// <c>voice</c>). Empty: the endpoint is a 404, as on OpenAI, and any voice is accepted.
    /// </summary>
    public IReadOnlyList<string> Voices { get; init; } = ["alloy", "ash", "coral", "echo", "fable", "nova", "onyx", "sage", "shimmer"];

    /// <summary>Models <c>GET /v1/models</c> lists.</summary>
    public IReadOnlyList<string> Models { get; init; } = ["tts-1", "tts-1-hd", "gpt-4o-mini-tts"];

    /// <summary>
    /// When set, a request without <c>Authorization: Bearer</c> this key is a 401
    /// <c>invalid_api_key</c> and consumes no scripted fault.
    /// </summary>
    public string? RequiredApiKey { get; init; }

    /// <summary>The behaviour when the script is empty; changeable later through <see cref="FaultyUpstream.DefaultFault"/>.</summary>
    public UpstreamFault DefaultFault
    {
        get;
        init => field = value ?? throw new ArgumentNullException(nameof(value));
    } = UpstreamFault.Ok;
}
