using Orator.Text.Splitting;

namespace Orator.Text;

/// <summary>
/// Splits text into chunks to synthesise one after another: sentences, clauses of long sentences, and
/// forced cuts of text without punctuation. The first chunk is kept short so that the first audio can
/// be sent while the rest is pending; no chunk cuts a word (where the script has spaces) or a grapheme
/// cluster, and every letter and digit of the input is in exactly one chunk, in order.
/// </summary>
/// <remarks>
/// Immutable and thread-safe. Never throws for any string content, runs in time linear in the input
/// (a 4,096-character input takes well under a millisecond) and scans lazily: <see cref="Enumerate"/>
/// yields the first chunk after reading only as far as the second. The rules are in
/// docs/architecture/text-splitting.md.
/// </remarks>
public sealed class SentenceSplitter
{
    private readonly SplitterOptions _options;

    /// <summary>Creates a splitter with <see cref="SplitterOptions.Default"/>.</summary>
    public SentenceSplitter()
        : this(SplitterOptions.Default)
    {
    }

    /// <summary>Creates a splitter.</summary>
    /// <param name="options">Chunk lengths and merging; validated here.</param>
    /// <exception cref="ArgumentOutOfRangeException">A length is out of range: max &lt; 1, first chunk max outside 1..max, min outside 0..max.</exception>
    public SentenceSplitter(SplitterOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxChunkCharacters, 1, nameof(options));
        if (options.FirstChunkMaxCharacters < 1 || options.FirstChunkMaxCharacters > options.MaxChunkCharacters)
        {
            throw new ArgumentOutOfRangeException(
                nameof(options), options.FirstChunkMaxCharacters, "FirstChunkMaxCharacters must be between 1 and MaxChunkCharacters.");
        }

        if (options.MinChunkCharacters < 0 || options.MinChunkCharacters > options.MaxChunkCharacters)
        {
            throw new ArgumentOutOfRangeException(
                nameof(options), options.MinChunkCharacters, "MinChunkCharacters must be between 0 and MaxChunkCharacters.");
        }

        _options = options;
    }

    /// <summary>The options this splitter uses.</summary>
    public SplitterOptions Options => _options;

    /// <summary>Splits <paramref name="text"/> into chunks, all at once.</summary>
    /// <param name="text">Any text; empty, white-space-only or punctuation-only text gives no chunks.</param>
    /// <returns>The chunks in order; the last has <see cref="ChunkBreak.End"/>.</returns>
    public IReadOnlyList<TextChunk> Split(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var chunks = new List<TextChunk>();
        foreach (TextChunk chunk in EnumerateChunks(text))
        {
            chunks.Add(chunk);
        }

        return chunks;
    }

    /// <summary>
    /// Splits <paramref name="text"/> lazily: each chunk is produced when asked for, after scanning
    /// only up to the end of the chunk after it.
    /// </summary>
    /// <param name="text">Any text; empty, white-space-only or punctuation-only text gives no chunks.</param>
    /// <returns>The chunks in order; the last has <see cref="ChunkBreak.End"/>.</returns>
    public IEnumerable<TextChunk> Enumerate(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return EnumerateChunks(text);
    }

    private IEnumerable<TextChunk> EnumerateChunks(string text)
    {
        var scanner = new SentenceScanner(text);
        var cutter = new SegmentCutter(text, _options.MinChunkCharacters);
        var merger = new ChunkMerger(text, _options);
        bool first = true;
        while (scanner.TryNext(out Segment segment))
        {
            int start = segment.Start;
            while (start < segment.End)
            {
                int limit = first ? _options.FirstChunkMaxCharacters : _options.MaxChunkCharacters;
                int end = segment.End;
                ChunkBreak kind = segment.Break;
                int next = end;
                if (end - start > limit)
                {
                    Cut cut = cutter.Find(start, end, limit);
                    if (cut.RightStart < end)
                    {
                        (end, kind, next) = (cut.LeftEnd, cut.Break, cut.RightStart);
                    }
                }

                bool speakable = ChunkMerger.IsSpeakable(text, start, end);
                first &= !speakable;
                if (merger.Offer(start, end, kind, speakable, out TextChunk ready))
                {
                    yield return ready;
                }

                start = next;
            }
        }

        if (merger.Flush(out TextChunk last))
        {
            yield return last;
        }
    }
}
