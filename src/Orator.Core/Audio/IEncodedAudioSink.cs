namespace Orator.Core.Audio;

/// <summary>
/// Receives audio that is already encoded in the response format (an upstream API that speaks
/// the format asked for): the bytes pass through unchanged. The memory is valid only during the
/// call; awaiting it is the back-pressure.
/// </summary>
public interface IEncodedAudioSink
{
    /// <summary>Consumes <paramref name="bytes"/> (may be empty).</summary>
    ValueTask WriteAsync(ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken);
}
