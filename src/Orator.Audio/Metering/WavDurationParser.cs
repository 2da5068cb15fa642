using System.Buffers.Binary;

namespace Orator.Audio.Metering;

/// <summary>
/// RIFF WAVE (and RF64/BW64): the format from the <c>fmt </c> chunk, then the bytes of the
/// <c>data</c> chunk actually seen, as whole sample frames. Streamed WAV states a data size of 0 or
/// 0xFFFFFFFF ("until the end"), so bytes are counted, not taken from the header; a real size
/// only caps the count, so that chunks after the data do not count as audio.
/// </summary>
internal sealed class WavDurationParser : FormatDurationParser
{
    private const int RiffHeaderLength = 12;
    private const int ChunkHeaderLength = 8;
    private const int FmtFieldsLength = 16;
    private const uint UnknownSize = 0xFFFFFFFF;

    private readonly HeaderWindow _window = new(ChunkHeaderLength + FmtFieldsLength);
    private Stage _stage = Stage.Riff;
    private bool _sizesInDs64;
    private bool _hasFormat;
    private bool _frameCounted;
    private int _blockAlign;
    private int _sampleRate;
    private int _byteRate;
    private long _dataLeft;
    private long _dataBytes;

    private enum Stage
    {
        Riff,
        Chunk,
        Data,
        Done,
        NotWav,
    }

    public override double? Seconds => _stage is Stage.Data or Stage.Done ? Compute() : null;

    public override void Observe(ReadOnlySpan<byte> bytes)
    {
        while (_window.Skip(ref bytes) && !bytes.IsEmpty)
        {
            switch (_stage)
            {
                case Stage.Riff:
                    ReadRiff(ref bytes);
                    break;
                case Stage.Chunk:
                    ReadChunk(ref bytes);
                    break;
                case Stage.Data:
                    int counted = (int)Math.Min(_dataLeft, bytes.Length);
                    _dataBytes += counted;
                    _dataLeft -= counted;
                    bytes = bytes[counted..];
                    _stage = _dataLeft == 0 ? Stage.Done : Stage.Data;
                    break;
                default:
                    return;
            }
        }
    }

    private double? Compute()
    {
        if (_frameCounted)
        {
            return (double)(_dataBytes / _blockAlign) / _sampleRate;
        }

        // Compressed formats (ADPCM...): the average byte rate is all that is known.
        return _byteRate > 0 ? (double)_dataBytes / _byteRate : null;
    }

    private void ReadRiff(ref ReadOnlySpan<byte> bytes)
    {
        if (!_window.Fill(ref bytes, RiffHeaderLength))
        {
            return;
        }

        ReadOnlySpan<byte> riff = _window.Bytes;
        bool riffLike = riff.StartsWith("RIFF"u8) || riff.StartsWith("RF64"u8) || riff.StartsWith("BW64"u8);
        _sizesInDs64 = !riff.StartsWith("RIFF"u8);
        _stage = riffLike && riff[8..].StartsWith("WAVE"u8) ? Stage.Chunk : Stage.NotWav;
        _window.Clear();
    }

    private void ReadChunk(ref ReadOnlySpan<byte> bytes)
    {
        if (!_window.Fill(ref bytes, ChunkHeaderLength))
        {
            return;
        }

        ReadOnlySpan<byte> chunk = _window.Bytes;
        uint size = BinaryPrimitives.ReadUInt32LittleEndian(chunk[4..]);
        if (chunk.StartsWith("data"u8))
        {
            _window.Clear();
            _dataLeft = size == 0 || size == UnknownSize || _sizesInDs64 ? long.MaxValue : size;
            _stage = _hasFormat ? Stage.Data : Stage.NotWav;
            return;
        }

        if (chunk.StartsWith("fmt "u8) && !_hasFormat)
        {
            if (size < FmtFieldsLength)
            {
                _stage = Stage.NotWav;
                return;
            }

            if (!_window.Fill(ref bytes, ChunkHeaderLength + FmtFieldsLength))
            {
                return;
            }

            ReadFormat(_window.Bytes[ChunkHeaderLength..]);
        }

        // Chunks are padded to an even length.
        _window.Consume(ChunkHeaderLength + (long)size + (size & 1));
    }

    private void ReadFormat(ReadOnlySpan<byte> fmt)
    {
        ushort formatTag = BinaryPrimitives.ReadUInt16LittleEndian(fmt);
        _sampleRate = (int)Math.Min(BinaryPrimitives.ReadUInt32LittleEndian(fmt[4..]), int.MaxValue);
        _byteRate = (int)Math.Min(BinaryPrimitives.ReadUInt32LittleEndian(fmt[8..]), int.MaxValue);
        _blockAlign = BinaryPrimitives.ReadUInt16LittleEndian(fmt[12..]);

        // PCM, IEEE float, A-law, mu-law and WAVE_FORMAT_EXTENSIBLE hold whole sample frames of blockAlign bytes.
        _frameCounted = formatTag is 1 or 3 or 6 or 7 or 0xFFFE && _blockAlign > 0 && _sampleRate > 0;
        _hasFormat = _frameCounted || _byteRate > 0;
    }
}
