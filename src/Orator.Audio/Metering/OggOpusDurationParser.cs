using System.Buffers.Binary;
using Orator.Audio.Encoding.Opus.Ogg;

namespace Orator.Audio.Metering;

/// <summary>
/// Opus in Ogg (RFC 3533, RFC 7845): the last granule position of the Opus logical stream minus
/// the pre-skip from its OpusHead packet, at 48 kHz whatever the input rate. Only page headers and
/// the first bytes of a stream's first page are kept; page bodies run through the page CRC and are
/// otherwise passed over by length. A page counts once its whole body has been seen and its CRC
/// matches, so a cut-off stream reports what its last complete page decodes to, and a damaged
/// granule position is never believed. Chained streams (one after another's end) add up.
/// </summary>
internal sealed class OggOpusDurationParser : FormatDurationParser
{
    private const int GranuleRate = 48000;
    private const int PageHeaderLength = 27;
    private const int CrcOffset = 22;
    private const int MaxSegments = 255;
    private const int OpusHeadPrefixLength = 12;
    private const byte CaptureStart = (byte)'O';
    private const byte BeginningOfStream = 0x02;
    private const byte EndOfStream = 0x04;

    private readonly HeaderWindow _window = new(PageHeaderLength + MaxSegments);
    private Stage _stage = Stage.PageHeader;
    private bool _synced = true;
    private byte _pageFlags;
    private long _pageGranule;
    private uint _pageSerial;
    private uint _pageCrc;
    private uint _crc;
    private int _bodyLeft;
    private bool _pageOpensOpus;
    private int _pagePreSkip;
    private bool _hasStream;
    private bool _streamEnded;
    private uint _serial;
    private int _preSkip;
    private long _lastGranule;
    private long _earlierChainsSamples;

    private enum Stage
    {
        PageHeader,
        SegmentTable,
        OpusHead,
        PageBody,
    }

    public override double? Seconds => _hasStream ? (double)(_earlierChainsSamples + CurrentChainSamples) / GranuleRate : null;

    private long CurrentChainSamples => Math.Max(0, _lastGranule - _preSkip);

    public override void Observe(ReadOnlySpan<byte> bytes)
    {
        while (!bytes.IsEmpty)
        {
            switch (_stage)
            {
                case Stage.PageHeader:
                    ReadPageHeader(ref bytes);
                    break;
                case Stage.SegmentTable:
                    ReadSegmentTable(ref bytes);
                    break;
                case Stage.OpusHead:
                    ReadOpusHead(ref bytes);
                    break;
                default:
                    ReadBody(ref bytes);
                    break;
            }
        }
    }

    private void ReadPageHeader(ref ReadOnlySpan<byte> bytes)
    {
        if (!_synced && _window.Count == 0)
        {
            int capture = bytes.IndexOf(CaptureStart);
            if (capture < 0)
            {
                bytes = default;
                return;
            }

            bytes = bytes[capture..];
        }

        if (!_window.Fill(ref bytes, PageHeaderLength))
        {
            return;
        }

        ReadOnlySpan<byte> header = _window.Bytes;
        if (!header.StartsWith("OggS"u8) || header[4] != 0)
        {
            _synced = false;
            _window.DropToNext(CaptureStart);
            return;
        }

        _synced = true;
        _pageFlags = header[5];
        _pageGranule = BinaryPrimitives.ReadInt64LittleEndian(header[6..]);
        _pageSerial = BinaryPrimitives.ReadUInt32LittleEndian(header[14..]);
        _pageCrc = BinaryPrimitives.ReadUInt32LittleEndian(header[CrcOffset..]);
        _stage = Stage.SegmentTable;
    }

    private void ReadSegmentTable(ref ReadOnlySpan<byte> bytes)
    {
        int segments = _window.Bytes[PageHeaderLength - 1];
        if (!_window.Fill(ref bytes, PageHeaderLength + segments))
        {
            return;
        }

        ReadOnlySpan<byte> header = _window.Bytes;
        int bodyLength = 0;
        foreach (byte lacing in header[PageHeaderLength..])
        {
            bodyLength += lacing;
        }

        // The CRC covers the whole page with its own field taken as zero.
        _crc = OggCrc.Update(0, header[..CrcOffset]);
        _crc = OggCrc.Update(_crc, [0, 0, 0, 0]);
        _crc = OggCrc.Update(_crc, header[(CrcOffset + 4)..]);
        _window.Clear();
        _bodyLeft = bodyLength;
        _pageOpensOpus = false;
        bool mayOpenStream = (_pageFlags & BeginningOfStream) != 0 && (!_hasStream || _streamEnded);
        _stage = mayOpenStream && bodyLength >= OpusHeadPrefixLength ? Stage.OpusHead : Stage.PageBody;
        if (_bodyLeft == 0)
        {
            EndPage();
        }
    }

    private void ReadOpusHead(ref ReadOnlySpan<byte> bytes)
    {
        if (!_window.Fill(ref bytes, OpusHeadPrefixLength))
        {
            return;
        }

        ReadOnlySpan<byte> head = _window.Bytes;
        _pageOpensOpus = head.StartsWith("OpusHead"u8);
        _pagePreSkip = BinaryPrimitives.ReadUInt16LittleEndian(head[10..]);
        _crc = OggCrc.Update(_crc, head);
        _bodyLeft -= OpusHeadPrefixLength;
        _window.Clear();
        _stage = Stage.PageBody;
        if (_bodyLeft == 0)
        {
            EndPage();
        }
    }

    private void ReadBody(ref ReadOnlySpan<byte> bytes)
    {
        int read = Math.Min(_bodyLeft, bytes.Length);
        _crc = OggCrc.Update(_crc, bytes[..read]);
        _bodyLeft -= read;
        bytes = bytes[read..];
        if (_bodyLeft == 0)
        {
            EndPage();
        }
    }

    private void EndPage()
    {
        _stage = Stage.PageHeader;
        if (_crc != _pageCrc)
        {
            return;
        }

        if (_pageOpensOpus)
        {
            _earlierChainsSamples += _hasStream ? CurrentChainSamples : 0;
            _hasStream = true;
            _streamEnded = false;
            _serial = _pageSerial;
            _preSkip = _pagePreSkip;
            _lastGranule = 0;
        }

        // A granule position of -1 means no packet ends on this page.
        if (_hasStream && !_streamEnded && _pageSerial == _serial)
        {
            if (_pageGranule >= 0)
            {
                _lastGranule = _pageGranule;
            }

            _streamEnded = (_pageFlags & EndOfStream) != 0;
        }
    }
}
