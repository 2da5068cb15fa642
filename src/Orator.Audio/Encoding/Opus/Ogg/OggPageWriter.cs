using System.Buffers;
using System.Buffers.Binary;
using Orator.Audio.Dsp;

namespace Orator.Audio.Encoding.Opus.Ogg;

/// <summary>
/// Packs whole packets of one logical bitstream into Ogg pages (RFC 3533): collect packets with
/// <see cref="AddPacket"/>, then <see cref="WritePage"/> writes them as one page. The first page
/// carries the beginning-of-stream flag; the caller marks the last one. Packets never span pages,
/// so no page carries the continuation flag.
/// </summary>
/// <remarks>Buffers are allocated once, in the constructor; adding and writing allocate nothing.</remarks>
internal sealed class OggPageWriter : IDisposable
{
    /// <summary>Length of the fixed part of a page header, before the segment table.</summary>
    public const int HeaderLength = 27;

    /// <summary>A page's segment table holds at most 255 lacing values.</summary>
    public const int MaxSegments = 255;

    private const byte BeginningOfStream = 0x02;
    private const byte EndOfStream = 0x04;
    private const int CrcOffset = 22;

    private readonly byte[] _header = new byte[HeaderLength + MaxSegments];
    private readonly PooledArray<byte> _body;
    private readonly int _bodyCapacity;
    private int _segments;
    private int _bodyLength;
    private int _packets;
    private long _granulePosition;
    private bool _ended;

    /// <summary>Creates a writer for the stream <paramref name="serialNumber"/>.</summary>
    /// <param name="serialNumber">The bitstream serial number stamped on every page.</param>
    /// <param name="maxBodyLength">The most packet bytes one page will hold (at most 255 * 255).</param>
    public OggPageWriter(uint serialNumber, int maxBodyLength)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxBodyLength);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(maxBodyLength, MaxSegments * 255);
        SerialNumber = serialNumber;
        _bodyCapacity = maxBodyLength;
        _body = new PooledArray<byte>(maxBodyLength);
    }

    /// <summary>The bitstream serial number.</summary>
    public uint SerialNumber { get; }

    /// <summary>Packets added since the last page was written.</summary>
    public int PendingPackets => _packets;

    /// <summary>Pages written so far; also the sequence number of the next page.</summary>
    public uint PagesWritten { get; private set; }

    /// <summary>True when a packet of <paramref name="length"/> bytes still fits on the pending page.</summary>
    public bool HasRoomFor(int length)
        => _segments + (length / 255) + 1 <= MaxSegments && _bodyLength + length <= _bodyCapacity;

    /// <summary>Adds one whole packet to the pending page.</summary>
    /// <param name="packet">The packet's bytes (copied).</param>
    /// <param name="granulePosition">
    /// The stream position once this packet is decoded; the page's granule position is that of its last packet.
    /// </param>
    /// <exception cref="InvalidOperationException">The packet does not fit (see <see cref="HasRoomFor"/>) or the stream has ended.</exception>
    public void AddPacket(ReadOnlySpan<byte> packet, long granulePosition)
    {
        if (_ended)
        {
            throw new InvalidOperationException("The end-of-stream page has been written.");
        }

        if (!HasRoomFor(packet.Length))
        {
            throw new InvalidOperationException($"A {packet.Length}-byte packet does not fit on the pending page; write the page first.");
        }

        // Lacing: a run of 255s then one value below 255 (0 when the length is a multiple of 255).
        Span<byte> lacing = _header.AsSpan(HeaderLength + _segments);
        int full = packet.Length / 255;
        lacing[..full].Fill(255);
        lacing[full] = (byte)(packet.Length % 255);
        _segments += full + 1;

        packet.CopyTo(_body.Array.AsSpan(_bodyLength));
        _bodyLength += packet.Length;
        _granulePosition = granulePosition;
        _packets++;
    }

    /// <summary>Writes the pending packets as one page and starts a new, empty one.</summary>
    /// <param name="output">Where the page goes; written in whatever span sizes it offers.</param>
    /// <param name="endOfStream">Marks this page as the stream's last; nothing may follow it.</param>
    /// <exception cref="InvalidOperationException">No packet is pending, or the stream has ended.</exception>
    public void WritePage(IBufferWriter<byte> output, bool endOfStream = false)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (_ended)
        {
            throw new InvalidOperationException("The end-of-stream page has been written.");
        }

        if (_packets == 0)
        {
            throw new InvalidOperationException("An Ogg page needs at least one packet.");
        }

        int headerLength = HeaderLength + _segments;
        Span<byte> header = _header.AsSpan(0, headerLength);
        "OggS"u8.CopyTo(header);
        header[4] = 0; // stream structure version
        header[5] = (byte)((PagesWritten == 0 ? BeginningOfStream : 0) | (endOfStream ? EndOfStream : 0));
        BinaryPrimitives.WriteInt64LittleEndian(header[6..], _granulePosition);
        BinaryPrimitives.WriteUInt32LittleEndian(header[14..], SerialNumber);
        BinaryPrimitives.WriteUInt32LittleEndian(header[18..], PagesWritten);
        BinaryPrimitives.WriteUInt32LittleEndian(header[CrcOffset..], 0);
        header[26] = (byte)_segments;

        ReadOnlySpan<byte> body = _body.Array.AsSpan(0, _bodyLength);
        uint crc = OggCrc.Update(OggCrc.Update(0, header), body);
        BinaryPrimitives.WriteUInt32LittleEndian(header[CrcOffset..], crc);

        Copy(header, output);
        Copy(body, output);

        PagesWritten++;
        _ended = endOfStream;
        _segments = 0;
        _bodyLength = 0;
        _packets = 0;
    }

    /// <summary>Returns the pooled page buffer.</summary>
    public void Dispose() => _body.Dispose();

    private static void Copy(ReadOnlySpan<byte> data, IBufferWriter<byte> output)
    {
        while (!data.IsEmpty)
        {
            Span<byte> span = output.GetSpan(data.Length);
            int count = Math.Min(span.Length, data.Length);
            data[..count].CopyTo(span);
            output.Advance(count);
            data = data[count..];
        }
    }
}
