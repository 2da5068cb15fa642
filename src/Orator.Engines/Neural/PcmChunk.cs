using System.Buffers;

namespace Orator.Engines.Neural;

/// <summary>16-bit audio of one model run in a pooled buffer; disposing returns the buffer.</summary>
internal sealed class PcmChunk : IDisposable
{
    private short[]? _buffer;

    private PcmChunk(short[] buffer, int start, int length)
    {
        _buffer = buffer;
        Start = start;
        Length = length;
    }

    /// <summary>The first sample of the model's output that the chunk keeps (what the trim cut before it).</summary>
    public int Start { get; }

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
        var range = NeuralAudio.Trim(audio, margin);
        var kept = audio[range];
        var buffer = ArrayPool<short>.Shared.Rent(Math.Max(1, kept.Length));
        NeuralAudio.ToPcm16(kept, buffer, fadeIn, fadeOut);
        return new PcmChunk(buffer, range.Start.GetOffset(audio.Length), kept.Length);
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
