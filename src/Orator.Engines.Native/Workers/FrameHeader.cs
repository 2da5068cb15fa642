using System.Buffers.Binary;

namespace Orator.Engines.Workers;

/// <summary>The five bytes in front of every worker protocol frame.</summary>
internal readonly record struct FrameHeader(WorkerFrameType Type, int Length)
{
    /// <summary>Size of an encoded header in bytes.</summary>
    public const int Size = 5;

    /// <summary>Largest payload either side accepts; anything bigger means a corrupt stream.</summary>
    public const int MaxPayload = 16 * 1024 * 1024;

    /// <summary>Writes the header into the first <see cref="Size"/> bytes of <paramref name="destination"/>.</summary>
    public void Write(Span<byte> destination)
    {
        destination[0] = (byte)Type;
        BinaryPrimitives.WriteInt32LittleEndian(destination[1..], Length);
    }

    /// <summary>Reads a header, rejecting impossible lengths.</summary>
    public static FrameHeader Read(ReadOnlySpan<byte> source)
    {
        var length = BinaryPrimitives.ReadInt32LittleEndian(source[1..]);
        if (length is < 0 or > MaxPayload)
        {
            throw new InvalidDataException($"Worker protocol frame length {length} is out of range.");
        }

        return new FrameHeader((WorkerFrameType)source[0], length);
    }
}
