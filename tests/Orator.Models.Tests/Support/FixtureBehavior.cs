namespace Orator.Models.Tests.Support;

/// <summary>How the loopback server misbehaves for one path.</summary>
public sealed record FixtureBehavior
{
    /// <summary>Answer every request with 200 and the whole body, as servers without range support do.</summary>
    public bool IgnoreRange { get; init; }

    /// <summary>On the first request only: send this many body bytes, then drop the connection.</summary>
    public long? DropAfterBytesOnce { get; init; }

    /// <summary>
    /// With <see cref="DropAfterBytesOnce"/>: drop the connection only once this says the client
    /// has stored what was sent (polled for up to 10 s), because a reset throws away bytes still
    /// unread in the client's socket. Without it the server waits a fixed 300 ms.
    /// </summary>
    public Func<bool>? ClientHolds { get; init; }

    /// <summary>Announce this Content-Length, send one byte, then drop the connection.</summary>
    public long? AnnounceLength { get; init; }

    /// <summary>Send this many bytes, then go silent (never finish).</summary>
    public long? StallAfterBytes { get; init; }

    /// <summary>Answer with this status and no body.</summary>
    public int? Status { get; init; }
}
