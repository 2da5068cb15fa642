using Orator.Speech.Errors;

namespace Orator.Gateway.Upstreams;

/// <summary>
/// A call to an upstream that did not deliver its audio. Its message names the upstream and what
/// happened, never the key. Thrown by <see cref="UpstreamCaller"/> and carried as the render
/// outcome's failure; the router reads <see cref="Kind"/> to decide between the next backend and an answer.
/// </summary>
public sealed class UpstreamException : Exception
{
    /// <summary>Creates the failure.</summary>
    public UpstreamException(string upstream, UpstreamFailureKind kind, string message, int? statusCode = null, TimeSpan? retryAfter = null, ApiError? clientError = null, Exception? inner = null)
        : base(message, inner)
    {
        Upstream = upstream;
        Kind = kind;
        StatusCode = statusCode;
        RetryAfter = retryAfter;
        ClientError = clientError;
    }

    /// <summary>Creates an empty failure (for serializers and analyzers).</summary>
    public UpstreamException()
        : this("", UpstreamFailureKind.ServerError, "The upstream failed.")
    {
    }

    /// <summary>Creates a failure with only a message.</summary>
    public UpstreamException(string message)
        : this("", UpstreamFailureKind.ServerError, message)
    {
    }

    /// <summary>Creates a failure with a message and a cause.</summary>
    public UpstreamException(string message, Exception innerException)
        : this("", UpstreamFailureKind.ServerError, message, inner: innerException)
    {
    }

    /// <summary>The upstream's name.</summary>
    public string Upstream { get; }

    /// <summary>What went wrong.</summary>
    public UpstreamFailureKind Kind { get; }

    /// <summary>The upstream's HTTP status, when it answered.</summary>
    public int? StatusCode { get; }

    /// <summary>The upstream's Retry-After (a 429 or 503), when it gave one.</summary>
    public TimeSpan? RetryAfter { get; }

    /// <summary>For <see cref="UpstreamFailureKind.ClientError"/>: the error to answer the client with.</summary>
    public ApiError? ClientError { get; }
}
