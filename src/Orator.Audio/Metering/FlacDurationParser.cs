namespace Orator.Audio.Metering;

/// <summary>
/// FLAC: the sample rate from STREAMINFO, then the sum of the block sizes of the frames. Frames
/// carry no length, so every sync pattern after the metadata is read as a possible frame header
/// and counted only if it holds up: reserved bits clear, fields that agree with STREAMINFO, a
/// matching CRC-8, and the frame (or sample) number that follows the last frame counted. A header
/// that passes all but the number is kept as a candidate and counts, with its successor, once the
/// next header continues from it (frames lost in the middle of a stream).
/// </summary>
internal sealed class FlacDurationParser : FormatDurationParser
{
    private const byte SyncByte = 0xFF;
    private const int MarkerLength = 4;
    private const int BlockHeaderLength = 4;
    private const int StreamInfoType = 0;

    private readonly HeaderWindow _window = new(Math.Max(FlacFrameHeader.MaxLength, BlockHeaderLength + FlacStreamInfo.FieldsLength));
    private Stage _stage = Stage.Tag;
    private FlacStreamInfo _info;
    private bool _hasInfo;
    private long _samples;
    private bool _sequenceKnown;
    private bool _variableBlocking;
    private long _nextNumber;
    private bool _hasCandidate;
    private bool _candidateVariable;
    private long _candidateNext;
    private int _candidateSamples;

    private enum Stage
    {
        Tag,
        Marker,
        MetadataBlock,
        Frames,
        NotFlac,
    }

    public override double? Seconds => _hasInfo && _stage == Stage.Frames && _info.SampleRate > 0 ? (double)_samples / _info.SampleRate : null;

    public override void Observe(ReadOnlySpan<byte> bytes)
    {
        while (_window.Skip(ref bytes) && !bytes.IsEmpty && _stage != Stage.NotFlac)
        {
            switch (_stage)
            {
                case Stage.Tag:
                    ReadTag(ref bytes);
                    break;
                case Stage.Marker:
                    ReadMarker(ref bytes);
                    break;
                case Stage.MetadataBlock:
                    ReadMetadataBlock(ref bytes);
                    break;
                default:
                    ReadFrames(ref bytes);
                    break;
            }
        }
    }

    private void ReadTag(ref ReadOnlySpan<byte> bytes)
    {
        if (_window.Fill(ref bytes, Id3v2Tag.HeaderLength))
        {
            _stage = Stage.Marker;
            if (Id3v2Tag.TryGetLength(_window.Bytes, out long tagLength))
            {
                _window.Consume(tagLength);
            }
        }
    }

    private void ReadMarker(ref ReadOnlySpan<byte> bytes)
    {
        if (_window.Fill(ref bytes, MarkerLength))
        {
            _stage = _window.Bytes.StartsWith("fLaC"u8) ? Stage.MetadataBlock : Stage.NotFlac;
            _window.Consume(MarkerLength);
        }
    }

    private void ReadMetadataBlock(ref ReadOnlySpan<byte> bytes)
    {
        if (!_window.Fill(ref bytes, BlockHeaderLength))
        {
            return;
        }

        ReadOnlySpan<byte> header = _window.Bytes;
        int type = header[0] & 0x7F;
        int length = (header[1] << 16) | (header[2] << 8) | header[3];
        if (type == StreamInfoType && !_hasInfo)
        {
            if (length < FlacStreamInfo.FieldsLength)
            {
                _stage = Stage.NotFlac;
                return;
            }

            if (!_window.Fill(ref bytes, BlockHeaderLength + FlacStreamInfo.FieldsLength))
            {
                return;
            }

            _info = FlacStreamInfo.Read(_window.Bytes[BlockHeaderLength..]);
            _hasInfo = true;
        }

        bool last = (header[0] & 0x80) != 0;
        _window.Consume(BlockHeaderLength + length);
        if (last)
        {
            _stage = _hasInfo ? Stage.Frames : Stage.NotFlac;
        }
    }

    private void ReadFrames(ref ReadOnlySpan<byte> bytes)
    {
        if (_window.Count == 0)
        {
            int sync = bytes.IndexOf(SyncByte);
            if (sync < 0)
            {
                bytes = default;
                return;
            }

            bytes = bytes[sync..];
        }

        if (!_window.Fill(ref bytes, FlacFrameHeader.PrefixLength))
        {
            return;
        }

        int length = FlacFrameHeader.LengthOf(_window.Bytes, _info);
        if (length == 0)
        {
            _window.DropToNext(SyncByte);
            return;
        }

        if (!_window.Fill(ref bytes, length))
        {
            return;
        }

        if (!FlacFrameHeader.TryRead(_window.Bytes, length, out bool variable, out long number, out int blockSize))
        {
            _window.DropToNext(SyncByte);
            return;
        }

        Count(variable, number, blockSize);

        // The frame's subframes follow; the next header can start no earlier than after this one.
        _window.Consume(length);
    }

    private void Count(bool variable, long number, int blockSize)
    {
        long next = variable ? number + blockSize : number + 1;
        bool continues = _sequenceKnown ? variable == _variableBlocking && number == _nextNumber : number == 0;
        if (continues)
        {
            _samples += blockSize;
        }
        else if (_hasCandidate && variable == _candidateVariable && number == _candidateNext)
        {
            _samples += _candidateSamples + blockSize;
        }
        else
        {
            _hasCandidate = true;
            _candidateVariable = variable;
            _candidateNext = next;
            _candidateSamples = blockSize;
            return;
        }

        _hasCandidate = false;
        _sequenceKnown = true;
        _variableBlocking = variable;
        _nextNumber = next;
    }
}
