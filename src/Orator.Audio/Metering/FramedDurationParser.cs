namespace Orator.Audio.Metering;

/// <summary>
/// Walks a stream of frames whose headers give their own length (MPEG audio, ADTS): reads a
/// header, passes over the rest of the frame, expects the next header right after. An ID3v2 tag
/// at the start is passed over. A header found by scanning (at the start, or after sync was lost)
/// counts only once <see cref="ConfirmingFrames"/> headers in a row, each right after the frame
/// before, agree on the stream, so stray sync patterns in garbage or a damaged frame add nothing;
/// once in sync, each frame counts at its header, so a cut-off stream counts its last, partial frame.
/// </summary>
internal abstract class FramedDurationParser : FormatDurationParser
{
    /// <summary>
    /// Back-to-back agreeing headers that establish sync. A random 4-byte pattern passes as an MPEG
    /// header about once in 7,000 positions, two in a row that agree about once in 10^9; the third
    /// keeps garbage dense with 0xFF bytes out too, at the cost of not counting a stream of fewer
    /// than three frames (under 0.1 s).
    /// </summary>
    private const int ConfirmingFrames = 3;

    private const byte SyncByte = 0xFF;

    private readonly HeaderWindow _window;
    private bool _atStart = true;
    private bool _firstFrameSeen;
    private int _probeLength;
    private bool _locked;
    private int _candidateFrames;
    private long _candidateSamples;
    private uint _streamKey;
    private bool _counted;
    private long _samples;
    private int _sampleRate;
    private double _secondsAtEarlierRates;

    /// <param name="windowLength">Bytes a header (and <see cref="FirstFrameProbeLength"/>) needs at most.</param>
    protected FramedDurationParser(int windowLength)
    {
        _window = new HeaderWindow(Math.Max(windowLength, Id3v2Tag.HeaderLength));
    }

    public override double? Seconds => _counted ? _secondsAtEarlierRates + ((double)_samples / _sampleRate) : null;

    /// <summary>Bytes needed to read a header.</summary>
    protected abstract int HeaderLength { get; }

    /// <summary>Reads the header at the start of <paramref name="bytes"/> (<see cref="HeaderLength"/> of them).</summary>
    protected abstract bool TryReadHeader(ReadOnlySpan<byte> bytes, out FrameHeader header);

    /// <summary>Bytes of the stream's first frame <see cref="IsMetadataFrame"/> looks at (0: none).</summary>
    protected virtual int FirstFrameProbeLength(in FrameHeader header) => 0;

    /// <summary>Whether the stream's first frame carries metadata rather than audio (an MP3 Xing frame).</summary>
    protected virtual bool IsMetadataFrame(ReadOnlySpan<byte> frameStart, in FrameHeader header) => false;

    public override void Observe(ReadOnlySpan<byte> bytes)
    {
        while (_window.Skip(ref bytes) && !bytes.IsEmpty)
        {
            if (_window.Count == 0 && !_atStart && !_locked && _candidateFrames == 0)
            {
                // Searching: only a sync byte can start a header.
                int sync = bytes.IndexOf(SyncByte);
                if (sync < 0)
                {
                    return;
                }

                bytes = bytes[sync..];
            }

            int need = _atStart ? Id3v2Tag.HeaderLength : Math.Max(HeaderLength, _probeLength);
            if (!_window.Fill(ref bytes, need))
            {
                return;
            }

            if (_atStart)
            {
                _atStart = false;
                if (Id3v2Tag.TryGetLength(_window.Bytes, out long tagLength))
                {
                    _window.Consume(tagLength);
                    continue;
                }
            }

            ReadFrame();
        }
    }

    private void ReadFrame()
    {
        bool valid = TryReadHeader(_window.Bytes, out FrameHeader header);
        if ((_locked || _candidateFrames > 0) && !(valid && header.StreamKey == _streamKey))
        {
            // Lost sync: what was expected here is not the next frame. The header may still start
            // a new run (another stream), so it is weighed again as a candidate below.
            _locked = false;
            _candidateFrames = 0;
        }

        if (!valid)
        {
            _window.DropToNext(SyncByte);
            return;
        }

        bool metadata = false;
        if (!_firstFrameSeen)
        {
            int probe = Math.Min(header.Length, FirstFrameProbeLength(header));
            if (_window.Count < probe)
            {
                _probeLength = probe;
                return;
            }

            _firstFrameSeen = true;
            _probeLength = 0;
            metadata = IsMetadataFrame(_window.Bytes, header);
        }

        int samples = metadata ? 0 : header.Samples;
        if (_locked)
        {
            _samples += samples;
        }
        else
        {
            _streamKey = header.StreamKey;
            _candidateSamples = _candidateFrames == 0 ? samples : _candidateSamples + samples;
            if (++_candidateFrames == ConfirmingFrames)
            {
                Count(header.SampleRate, _candidateSamples);
                _candidateFrames = 0;
                _locked = true;
            }
        }

        _window.Consume(header.Length);
    }

    private void Count(int sampleRate, long samples)
    {
        if (_counted && sampleRate != _sampleRate)
        {
            _secondsAtEarlierRates += (double)_samples / _sampleRate;
            _samples = 0;
        }

        _sampleRate = sampleRate;
        _samples += samples;
        _counted = true;
    }
}
