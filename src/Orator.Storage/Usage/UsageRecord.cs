namespace Orator.Storage.Usage;

/// <summary>One API request as metered.</summary>
/// <param name="RequestId">The request id (<c>x-request-id</c>); unique, so a retried batch cannot double-count.</param>
/// <param name="KeyId">The stored key's id, <c>static</c> for an <c>ORATOR_API_KEYS</c> key, null on an open server or for a refused key.</param>
/// <param name="Route">The route pattern, e.g. <c>/v1/audio/speech</c>.</param>
/// <param name="Model">The model asked for, when the route has one.</param>
/// <param name="Engine">The engine that spoke.</param>
/// <param name="Voice">The engine voice that spoke.</param>
/// <param name="Format">The response format.</param>
/// <param name="Characters">Input characters (Unicode code points) charged.</param>
/// <param name="AudioSeconds">Seconds of audio sent.</param>
/// <param name="TimeToFirstByteMs">Milliseconds to the first audio byte, when audio was sent.</param>
/// <param name="Status">HTTP status (499 when the client went away).</param>
/// <param name="Time">When the request arrived.</param>
/// <param name="CacheHit">Whether the audio was answered from the render cache rather than synthesised.</param>
/// <param name="Backend">
/// The backend that served the audio: <c>local</c> for the engines on this machine, else the upstream's
/// configured name; null when no backend was reached (refused before rendering).
/// </param>
public sealed record UsageRecord(
    string RequestId,
    string? KeyId,
    string Route,
    string? Model,
    string? Engine,
    string? Voice,
    string? Format,
    long Characters,
    double AudioSeconds,
    double? TimeToFirstByteMs,
    int Status,
    DateTimeOffset Time,
    bool CacheHit = false,
    string? Backend = null);
