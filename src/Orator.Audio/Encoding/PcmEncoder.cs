using System.Buffers;
using Orator.Core.Audio;

namespace Orator.Audio.Encoding;

/// <summary>Raw signed 16-bit little-endian mono PCM: no header, no trailer.</summary>
internal sealed class PcmEncoder : IAudioEncoder
{
    public PcmEncoder(int sampleRate)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(sampleRate);
        SampleRate = sampleRate;
    }

    public AudioFormat Format => AudioFormat.Pcm;

    public string ContentType => AudioFormats.ContentTypeOf(Format);

    public int SampleRate { get; }

    public void WriteHeader(IBufferWriter<byte> output)
    {
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
