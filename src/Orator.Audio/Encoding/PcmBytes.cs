using System.Buffers;
using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace Orator.Audio.Encoding;

/// <summary>Writes 16-bit samples as little-endian bytes.</summary>
internal static class PcmBytes
{
    /// <summary>
    /// Copies <paramref name="samples"/> into <paramref name="output"/> in whatever span sizes the writer
    /// offers, so a large chunk never forces the writer to allocate one large block.
    /// </summary>
    public static void WriteLittleEndian(ReadOnlySpan<short> samples, IBufferWriter<byte> output)
    {
        while (!samples.IsEmpty)
        {
            Span<byte> span = output.GetSpan(sizeof(short));
            int count = Math.Min(samples.Length, span.Length / sizeof(short));
            Span<short> destination = MemoryMarshal.Cast<byte, short>(span[..(count * sizeof(short))]);
            if (BitConverter.IsLittleEndian)
            {
                samples[..count].CopyTo(destination);
            }
            else
            {
                BinaryPrimitives.ReverseEndianness(samples[..count], destination);
            }

            output.Advance(count * sizeof(short));
            samples = samples[count..];
        }
    }
}
