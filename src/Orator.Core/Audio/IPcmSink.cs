namespace Orator.Core.Audio;

/// <summary>
/// Receives 16-bit mono PCM as an engine produces it. The memory passed in is only valid for the
/// duration of the call: a sink copies what it keeps. Awaiting the call is the back-pressure.
/// </summary>
public interface IPcmSink
{
    /// <summary>Consumes <paramref name="samples"/> (may be empty).</summary>
    ValueTask WriteAsync(ReadOnlyMemory<short> samples, CancellationToken cancellationToken);

    /// <summary>
    /// Marks the end of segment <paramref name="segment"/> (0-based) of the request's text: the
    /// place where a joiner trims silence, fades and inserts the pause that segment ends with.
    /// </summary>
    ValueTask EndSegmentAsync(int segment, CancellationToken cancellationToken);
}
