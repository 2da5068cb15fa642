namespace Orator.Speech.Caching;

/// <summary>
/// A completed render as its output received it: the content type it began with, every byte
/// written, where each flush fell (so replaying it frames SSE events and flushes exactly as the
/// render did), and how many samples it held (for usage and the done event).
/// </summary>
public sealed class CachedRender
{
    /// <summary>Creates an entry; <paramref name="flushEnds"/> are ascending offsets into <paramref name="data"/>.</summary>
    public CachedRender(string contentType, byte[] data, int[] flushEnds, long outputSamples, int sampleRate)
    {
        ArgumentNullException.ThrowIfNull(contentType);
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(flushEnds);
        ContentType = contentType;
        Data = data;
        FlushEnds = flushEnds;
        OutputSamples = outputSamples;
        SampleRate = sampleRate;
    }

    /// <summary>The content type the render began with.</summary>
    public string ContentType { get; }

    /// <summary>Every byte written to the output.</summary>
    public byte[] Data { get; }

    /// <summary>The byte offset at each flush, ascending.</summary>
    public int[] FlushEnds { get; }

    /// <summary>Samples of audio at <see cref="SampleRate"/>.</summary>
    public long OutputSamples { get; }

    /// <summary>The output sample rate.</summary>
    public int SampleRate { get; }

    /// <summary>What the entry costs a budget, in bytes (data plus bookkeeping).</summary>
    public long Cost => Data.Length + (FlushEnds.Length * sizeof(int)) + 256;
}
