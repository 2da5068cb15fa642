namespace Orator.Audio.Metering;

/// <summary>
/// What a parser carries across chunk boundaries: up to a fixed number of header bytes gathered
/// from one or more chunks, and a count of bytes still to pass over unread (a frame's payload).
/// The array is allocated once, with the parser.
/// </summary>
internal sealed class HeaderWindow(int capacity)
{
    private readonly byte[] _bytes = new byte[capacity];
    private long _skip;

    /// <summary>Header bytes gathered so far.</summary>
    public int Count { get; private set; }

    /// <summary>The gathered bytes.</summary>
    public ReadOnlySpan<byte> Bytes => _bytes.AsSpan(0, Count);

    /// <summary>
    /// Moves bytes from the front of <paramref name="input"/> until <see cref="Count"/> reaches
    /// <paramref name="need"/> (at most the capacity); true when it has.
    /// </summary>
    public bool Fill(ref ReadOnlySpan<byte> input, int need)
    {
        int take = Math.Min(need - Count, input.Length);
        if (take > 0)
        {
            input[..take].CopyTo(_bytes.AsSpan(Count));
            Count += take;
            input = input[take..];
        }

        return Count >= need;
    }

    /// <summary>
    /// Passes over the next <paramref name="length"/> bytes of the stream: first the gathered ones,
    /// then, past them, bytes still to come (see <see cref="Skip"/>).
    /// </summary>
    public void Consume(long length)
    {
        if (length >= Count)
        {
            _skip += length - Count;
            Count = 0;
        }
        else
        {
            Discard((int)length);
        }
    }

    /// <summary>Drops bytes to be passed over from the front of <paramref name="input"/>; true when none remain to pass over.</summary>
    public bool Skip(ref ReadOnlySpan<byte> input)
    {
        if (_skip > 0)
        {
            int skipped = (int)Math.Min(_skip, input.Length);
            _skip -= skipped;
            input = input[skipped..];
        }

        return _skip == 0;
    }

    /// <summary>
    /// After a failed header: drops the first gathered byte and any after it up to the next
    /// <paramref name="sync"/> byte, where a header could start again.
    /// </summary>
    public void DropToNext(byte sync)
    {
        int next = Count > 1 ? Bytes[1..].IndexOf(sync) : -1;
        if (next < 0)
        {
            Count = 0;
        }
        else
        {
            Discard(next + 1);
        }
    }

    /// <summary>Forgets the gathered bytes.</summary>
    public void Clear() => Count = 0;

    private void Discard(int count)
    {
        _bytes.AsSpan(count, Count - count).CopyTo(_bytes);
        Count -= count;
    }
}
