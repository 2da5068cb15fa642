using System.Buffers.Binary;
using System.Text;
using Orator.Core.Engines;

namespace Orator.Engines.Workers;

/// <summary>
/// Payload of a <see cref="WorkerFrameType.Synthesize"/> frame:
/// <c>seq:u32, rate:f32, pitch:f32, engine, voice, text[, flags:u8]</c>, each string as
/// <c>len:u32 + UTF-8</c>. The flags byte is there only when a flag is set (bit 0: report words),
/// so a plain request's frame is what it was before words existed.
/// </summary>
internal sealed record SynthesizeCommand(uint Sequence, string EngineId, string Voice, string Text, Prosody Prosody, bool Words = false)
{
    private const byte WordsFlag = 1;

    /// <summary>Encodes the command into a fresh array (one per request, not per chunk).</summary>
    public byte[] Encode()
    {
        var size = 12 + 12 + Encoding.UTF8.GetByteCount(EngineId) + Encoding.UTF8.GetByteCount(Voice) + Encoding.UTF8.GetByteCount(Text) + (Words ? 1 : 0);
        var buffer = new byte[size];
        var span = buffer.AsSpan();
        BinaryPrimitives.WriteUInt32LittleEndian(span, Sequence);
        BinaryPrimitives.WriteSingleLittleEndian(span[4..], Prosody.Rate);
        BinaryPrimitives.WriteSingleLittleEndian(span[8..], Prosody.Pitch);
        var offset = 12;
        offset += WriteString(span[offset..], EngineId);
        offset += WriteString(span[offset..], Voice);
        offset += WriteString(span[offset..], Text);
        if (Words)
        {
            span[offset] = WordsFlag;
        }

        return buffer;
    }

    /// <summary>Decodes a payload produced by <see cref="Encode"/>.</summary>
    public static SynthesizeCommand Decode(ReadOnlySpan<byte> payload)
    {
        var sequence = BinaryPrimitives.ReadUInt32LittleEndian(payload);
        var rate = BinaryPrimitives.ReadSingleLittleEndian(payload[4..]);
        var pitch = BinaryPrimitives.ReadSingleLittleEndian(payload[8..]);
        var rest = payload[12..];
        var engine = ReadString(ref rest);
        var voice = ReadString(ref rest);
        var text = ReadString(ref rest);
        var words = !rest.IsEmpty && (rest[0] & WordsFlag) != 0;
        return new SynthesizeCommand(sequence, engine, voice, text, new Prosody(rate, pitch), words);
    }

    private static int WriteString(Span<byte> destination, string value)
    {
        var written = Encoding.UTF8.GetBytes(value, destination[4..]);
        BinaryPrimitives.WriteInt32LittleEndian(destination, written);
        return 4 + written;
    }

    private static string ReadString(ref ReadOnlySpan<byte> source)
    {
        var length = BinaryPrimitives.ReadInt32LittleEndian(source);
        if (length < 0 || length > source.Length - 4)
        {
            throw new InvalidDataException("Synthesize frame has a string that runs past its end.");
        }

        var value = Encoding.UTF8.GetString(source.Slice(4, length));
        source = source[(4 + length)..];
        return value;
    }
}
