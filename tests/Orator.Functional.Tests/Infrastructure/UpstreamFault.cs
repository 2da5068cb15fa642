namespace Orator.Functional.Tests.Infrastructure;

/// <summary>
/// How a <see cref="FaultyUpstream"/> answers one speech request: a normal answer or one of the
/// ways a real upstream fails, before its first byte (status, reset, delay) or after it (stall, cut).
/// Byte counts are bytes of the response body as sent, so with <c>stream_format: "sse"</c> they
/// count event text, not audio.
/// </summary>
public abstract record UpstreamFault
{
    private UpstreamFault()
    {
    }

    /// <summary>200 with the payload, written in chunks with a flush after each.</summary>
    public static UpstreamFault Ok { get; } = new Success();

    /// <summary>The connection is aborted before a status line is sent.</summary>
    public static UpstreamFault ResetBeforeHeaders { get; } = new Reset();

    /// <summary>
    /// An error status with a JSON body (by default an OpenAI-shaped error for the code) and,
    /// when given, a <c>Retry-After</c> header in whole seconds.
    /// </summary>
    public static UpstreamFault Status(int code, string? jsonBody = null, TimeSpan? retryAfter = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(code, 100);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(code, 599);
        if (retryAfter is { } wait)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(wait, TimeSpan.Zero, nameof(retryAfter));
        }

        return new StatusAnswer(code, jsonBody ?? OpenAiErrors.ForStatus(code), retryAfter);
    }

    /// <summary>429 <c>rate_limit_exceeded</c> with <c>Retry-After</c>.</summary>
    public static UpstreamFault RateLimited(TimeSpan retryAfter) => Status(429, OpenAiErrors.RateLimited, retryAfter);

    /// <summary>401 (or 403) <c>invalid_api_key</c>, as OpenAI answers a wrong key.</summary>
    public static UpstreamFault InvalidApiKey(int code = 401) => Status(code, OpenAiErrors.InvalidApiKey);

    /// <summary>400 <c>invalid_value</c> about <c>param: "voice"</c>.</summary>
    public static UpstreamFault BadVoice(string voice) => Status(400, OpenAiErrors.BadVoice(voice));

    /// <summary>Waits <paramref name="delay"/> before the headers, then answers as <see cref="Ok"/>.</summary>
    public static UpstreamFault DelayFirstByte(TimeSpan delay)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(delay, TimeSpan.Zero);
        return new Delayed(delay);
    }

    /// <summary>
    /// Sends the headers and the first <paramref name="bytesBefore"/> bytes, flushes, waits
    /// <paramref name="stall"/> with the connection open, then sends the rest.
    /// </summary>
    public static UpstreamFault StallMidStream(int bytesBefore, TimeSpan stall)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(bytesBefore);
        ArgumentOutOfRangeException.ThrowIfLessThan(stall, TimeSpan.Zero);
        return new Stalled(bytesBefore, stall);
    }

    /// <summary>
    /// Declares <c>Content-Length: declaredLength</c> (by default the whole body's length), sends
    /// only <paramref name="bytesSent"/> bytes, flushes and closes the connection: the client
    /// reads those bytes, then the body ends prematurely.
    /// </summary>
    public static UpstreamFault CutShort(int bytesSent, long? declaredLength = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(bytesSent);
        if (declaredLength is { } declared)
        {
            ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(declared, bytesSent, nameof(declaredLength));
        }

        return new Truncated(bytesSent, declaredLength);
    }

    /// <summary>See <see cref="Ok"/>.</summary>
    public sealed record Success : UpstreamFault;

    /// <summary>See <see cref="ResetBeforeHeaders"/>.</summary>
    public sealed record Reset : UpstreamFault;

    /// <summary>See <see cref="Status"/>.</summary>
    public sealed record StatusAnswer(int Code, string JsonBody, TimeSpan? RetryAfter) : UpstreamFault;

    /// <summary>See <see cref="DelayFirstByte"/>.</summary>
    public sealed record Delayed(TimeSpan Delay) : UpstreamFault;

    /// <summary>See <see cref="StallMidStream"/>.</summary>
    public sealed record Stalled(int BytesBefore, TimeSpan Stall) : UpstreamFault;

    /// <summary>See <see cref="CutShort"/>; a null length means the whole body's.</summary>
    public sealed record Truncated(int BytesSent, long? DeclaredLength) : UpstreamFault;
}
