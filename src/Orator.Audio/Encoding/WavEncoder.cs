using System.Buffers;
using System.Buffers.Binary;
using Orator.Core.Audio;

namespace Orator.Audio.Encoding;

/// <summary>
/// RIFF WAVE with 16-bit mono PCM, written for streaming: the length is unknown when the
/// header leaves, so the RIFF and data chunk sizes are 0xFFFFFFFF, which decoders
/// (ffmpeg, browsers) read as "until the end of the stream".
/// </summary>
internal sealed class WavEncoder : IAudioEncoder
{
    /// <summary>Size of the canonical header: RIFF descriptor, 16-byte fmt chunk, data chunk header.</summary>
    public const int HeaderLength = 44;

    private const uint UnknownSize = 0xFFFFFFFF;
    private const ushort PcmFormatTag = 1;
    private const ushort Channels = 1;
    private const ushort BitsPerSample = 16;

    public WavEncoder(int sampleRate)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(sampleRate);
        SampleRate = sampleRate;
    }

    public AudioFormat Format => AudioFormat.Wav;

    public string ContentType => AudioFormats.ContentTypeOf(Format);

    public int SampleRate { get; }

    public void WriteHeader(IBufferWriter<byte> output)
    {
        ArgumentNullException.ThrowIfNull(output);
        Span<byte> header = output.GetSpan(HeaderLength)[..HeaderLength];
        const ushort blockAlign = Channels * BitsPerSample / 8;

        "RIFF"u8.CopyTo(header);
        BinaryPrimitives.WriteUInt32LittleEndian(header[4..], UnknownSize);
        "WAVE"u8.CopyTo(header[8..]);
        "fmt "u8.CopyTo(header[12..]);
        BinaryPrimitives.WriteUInt32LittleEndian(header[16..], 16);
        BinaryPrimitives.WriteUInt16LittleEndian(header[20..], PcmFormatTag);
        BinaryPrimitives.WriteUInt16LittleEndian(header[22..], Channels);
        BinaryPrimitives.WriteUInt32LittleEndian(header[24..], (uint)SampleRate);
        BinaryPrimitives.WriteUInt32LittleEndian(header[28..], (uint)(SampleRate * blockAlign));
        BinaryPrimitives.WriteUInt16LittleEndian(header[32..], blockAlign);
        BinaryPrimitives.WriteUInt16LittleEndian(header[34..], BitsPerSample);
        "data"u8.CopyTo(header[36..]);
        BinaryPrimitives.WriteUInt32LittleEndian(header[40..], UnknownSize);
        output.Advance(HeaderLength);
    }

    public void Encode(ReadOnlySpan<short> samples, IBufferWriter<byte> output)
    {
        ArgumentNullException.ThrowIfNull(output);
        PcmBytes.WriteLittleEndian(samples, output);
    }

    public void Finish(IBufferWriter<byte> output)
    {
    }

    public void Dispose()
    {
    }
}
