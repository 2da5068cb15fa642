using System.Buffers;

namespace Orator.Engines.Neural;

/// <summary>16-bit audio of one model run in a pooled buffer; disposing returns the buffer.</summary>
internal sealed class PcmChunk : IDisposable
{
    private short[]? _buffer;

    private PcmChunk(short[] buffer, int length)
    {
        _buffer = buffer;
        Length = length;
    }

    /// <summary>Samples in the chunk.</summary>
    public int Length { get; }

    /// <summary>The samples.</summary>
    public ReadOnlyMemory<short> Samples => (_buffer ?? []).AsMemory(0, Length);

    /// <summary>
    /// Trims <paramref name="audio"/>'s silence (keeping <paramref name="margin"/> samples), fades
    /// its ends by the given lengths and converts it to 16-bit.
    /// </summary>
    public static PcmChunk From(ReadOnlySpan<float> audio, int margin, int fadeIn, int fadeOut)
    {
        var kept = audio[NeuralAudio.Trim(audio, margin)];
        var buffer = ArrayPool<short>.Shared.Rent(Math.Max(1, kept.Length));
        NeuralAudio.ToPcm16(kept, buffer, fadeIn, fadeOut);
        return new PcmChunk(buffer, kept.Length);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (_buffer is { } buffer)
        {
            _buffer = null;
            ArrayPool<short>.Shared.Return(buffer);
        }
    }
}
