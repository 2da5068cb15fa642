using System.Buffers.Binary;
using Orator.Core.Audio;

namespace Orator.Engines.Workers;

/// <summary>
/// Payload of a <see cref="WorkerFrameType.Word"/> frame: <c>seq:u32, text offset:i32,
/// text length:i32, start sample:i64, end sample:i64, flags:u8</c> (bit 0: approximate). The
/// segment is the request's (<c>seq</c>); offsets are UTF-16 in its text, samples from its first.
/// </summary>
internal static class WordFrame
{
    /// <summary>Payload size in bytes.</summary>
    public const int Size = 29;

    /// <summary>Writes <paramref name="word"/> of request <paramref name="sequence"/> into <paramref name="destination"/>.</summary>
    public static void Write(Span<byte> destination, uint sequence, WordTiming word)
    {
        BinaryPrimitives.WriteUInt32LittleEndian(destination, sequence);
        BinaryPrimitives.WriteInt32LittleEndian(destination[4..], word.TextOffset);
        BinaryPrimitives.WriteInt32LittleEndian(destination[8..], word.TextLength);
        BinaryPrimitives.WriteInt64LittleEndian(destination[12..], word.StartSample);
        BinaryPrimitives.WriteInt64LittleEndian(destination[20..], word.EndSample);
        destination[28] = word.Approximate ? (byte)1 : (byte)0;
    }

    /// <summary>Reads a payload, giving the word the segment number <paramref name="segment"/>.</summary>
    public static WordTiming Read(ReadOnlySpan<byte> payload, int segment)
    {
        if (payload.Length < Size)
        {
            throw new InvalidDataException($"Word frame of {payload.Length} bytes is shorter than {Size}.");
        }

        return new WordTiming(
            segment,
            BinaryPrimitives.ReadInt32LittleEndian(payload[4..]),
            BinaryPrimitives.ReadInt32LittleEndian(payload[8..]),
            BinaryPrimitives.ReadInt64LittleEndian(payload[12..]),
            BinaryPrimitives.ReadInt64LittleEndian(payload[20..]),
            (payload[28] & 1) != 0);
    }
}
