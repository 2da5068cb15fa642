namespace Orator.Gateway.Upstreams;

/// <summary>How a call to an upstream failed (the values are metric labels, in snake case by <see cref="UpstreamFailureKinds.Label"/>).</summary>
public enum UpstreamFailureKind
{
    /// <summary>Nothing listens there (connection refused, no route, name not resolved).</summary>
    Refused,

    /// <summary>The connection was reset or closed before the response headers.</summary>
    Reset,

    /// <summary>No first byte within the timeout.</summary>
    Timeout,

    /// <summary>A 5xx answer (or another status that says the upstream cannot serve now).</summary>
    ServerError,

    /// <summary>429: the upstream cools down for its Retry-After.</summary>
    RateLimited,

    /// <summary>401 or 403: Orator's key for it is wrong; it is left out and the operator is told.</summary>
    Unauthorized,

    /// <summary>404 or 405: the address or the model name upstream is wrong (configuration, not the client).</summary>
    Misconfigured,

    /// <summary>A 4xx that is the client's fault (a bad voice, too long an input): answered as it is.</summary>
    ClientError,

    /// <summary>A 200 with no audio in it.</summary>
    EmptyBody,

    /// <summary>After audio began: no byte within the timeout.</summary>
    Stalled,

    /// <summary>After audio began: the body ended early or the connection broke.</summary>
    CutShort,
}

/// <summary>Labels of <see cref="UpstreamFailureKind"/>.</summary>
public static class UpstreamFailureKinds
{
    /// <summary>The metric and log label of <paramref name="kind"/>.</summary>
    public static string Label(UpstreamFailureKind kind) => kind switch
    {
        UpstreamFailureKind.Refused => "refused",
        UpstreamFailureKind.Reset => "reset",
        UpstreamFailureKind.Timeout => "timeout",
        UpstreamFailureKind.ServerError => "server_error",
        UpstreamFailureKind.RateLimited => "rate_limited",
        UpstreamFailureKind.Unauthorized => "unauthorized",
        UpstreamFailureKind.Misconfigured => "misconfigured",
        UpstreamFailureKind.ClientError => "client_error",
        UpstreamFailureKind.EmptyBody => "empty_body",
        UpstreamFailureKind.Stalled => "stalled",
        UpstreamFailureKind.CutShort => "cut_short",
        _ => "unknown",
    };

    /// <summary>True when the upstream is at fault (counts toward its circuit); a client error is not.</summary>
    public static bool CountsAgainstUpstream(UpstreamFailureKind kind) => kind != UpstreamFailureKind.ClientError;
}
