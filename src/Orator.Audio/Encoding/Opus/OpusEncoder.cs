using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using Orator.Audio.Dsp;
using Orator.Audio.Encoding.Opus.Interop;
using Orator.Audio.Encoding.Opus.Ogg;
using Orator.Audio.Resampling;
using Orator.Core.Audio;

namespace Orator.Audio.Encoding.Opus;

/// <summary>
/// Ogg Opus (RFC 7845) from 16-bit mono PCM through libopus: 20 ms frames, VBR at the chosen
/// bitrate, pages written as soon as a call completes a packet so audio leaves while synthesis goes on.
/// </summary>
/// <remarks>
/// <para>
/// Input at a rate libopus takes natively (8, 12, 16, 24, 48 kHz) is encoded at that rate; any
/// other rate is resampled to 48 kHz first. Granule positions and the pre-skip are always counted
/// at 48 kHz, as RFC 7845 requires. <see cref="Finish"/> pads the last frame with silence and sets
/// the final granule position so that decoders trim the padding: the decoded stream has exactly
/// the input's length.
/// </para>
/// <para>
/// Buffers are allocated once per encoder; <see cref="Encode"/> allocates nothing. The native
/// encoder is owned by a <see cref="System.Runtime.InteropServices.SafeHandle"/>, so it is freed even when <see cref="Finish"/>
/// is never called. Not thread-safe.
/// </para>
/// </remarks>
internal sealed class OpusEncoder : IAudioEncoder
{
    /// <summary>The rate of granule positions and pre-skip in Ogg Opus (RFC 7845 section 4).</summary>
    public const int GranuleRate = 48000;

    private const int FramesPerSecond = 50; // 20 ms frames

    // One 20 ms frame is a TOC byte and at most 1275 bytes of data (RFC 6716 section 3.2).
    private const int MaxPacketLength = 1276;

    // Keeps pages small (about 200 ms) when one call completes many packets.
    private const int MaxPacketsPerPage = 10;

    // Input samples resampled per step, which bounds the resampling buffer.
    private const int ResampleBlock = 1024;

    private static int s_streams;

    private readonly OpusEncoderHandle _encoder;
    private readonly OggPageWriter _pages;
    private readonly PolyphaseResampler? _resampler;
    private readonly PooledArray<short>? _resampled;
    private readonly PooledArray<short> _frame;
    private readonly PooledArray<byte> _packet;
    private readonly int _frameSize;
    private readonly int _granuleScale;
    private readonly int _lookahead;
    private int _frameFill;
    private long _codecSamples;
    private long _framesEncoded;
    private State _state;

    /// <summary>Creates an encoder for mono PCM at <paramref name="sampleRate"/> Hz.</summary>
    /// <param name="sampleRate">The input rate in Hz.</param>
    /// <param name="bitrate">The target bitrate in bits per second (VBR).</param>
    /// <exception cref="ArgumentOutOfRangeException">A rate or the bitrate is out of range.</exception>
    /// <param name="serialNumber">
    /// The Ogg stream serial number. Give one derived from the content to make the same audio
    /// encode to the same bytes; null takes the next of a per-process sequence.
    /// </param>
    /// <exception cref="DllNotFoundException">libopus is not installed (see <see cref="IsAvailable"/>).</exception>
    public OpusEncoder(int sampleRate, int bitrate = 32000, uint? serialNumber = null)
        : this(sampleRate, OpusEncoderSettings.Default with { Bitrate = bitrate }, serialNumber)
    {
    }

    /// <summary>Creates an encoder with explicit tuning (tests and benchmarks).</summary>
    internal OpusEncoder(int sampleRate, OpusEncoderSettings settings, uint? serialNumber = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(sampleRate);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentOutOfRangeException.ThrowIfLessThan(settings.Bitrate, 500, nameof(settings));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(settings.Bitrate, 512000, nameof(settings));
        ArgumentOutOfRangeException.ThrowIfNegative(settings.Complexity, nameof(settings));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(settings.Complexity, 10, nameof(settings));
        if (!IsAvailable(out string? problem))
        {
            throw new DllNotFoundException(problem);
        }

        SampleRate = sampleRate;
        Settings = settings;
        CodecSampleRate = IsNativeRate(sampleRate) && !settings.ResampleTo48kHz ? sampleRate : GranuleRate;
        _frameSize = CodecSampleRate / FramesPerSecond;
        _granuleScale = GranuleRate / CodecSampleRate;
        _encoder = CreateEncoder(CodecSampleRate, settings, out _lookahead);
        _pages = new OggPageWriter(serialNumber ?? NextSerialNumber(), MaxPacketsPerPage * MaxPacketLength);
        _frame = new PooledArray<short>(_frameSize);
        _packet = new PooledArray<byte>(MaxPacketLength);
        if (CodecSampleRate != sampleRate)
        {
            _resampler = new PolyphaseResampler(sampleRate, CodecSampleRate);
            _resampled = new PooledArray<short>(_resampler.MaxOutputFor(ResampleBlock));
        }
    }

    private enum State
    {
        Created,
        Streaming,
        Finished,
        Disposed,
    }

    public AudioFormat Format => AudioFormat.Opus;

    public string ContentType => AudioFormats.ContentTypeOf(Format);

    public int SampleRate { get; }

    /// <summary>The rate libopus encodes at: the input rate when libopus takes it natively, otherwise 48 kHz.</summary>
    public int CodecSampleRate { get; }

    /// <summary>The tuning in use.</summary>
    public OpusEncoderSettings Settings { get; }

    /// <summary>Samples (at 48 kHz) a decoder discards from the start: the codec's look-ahead (RFC 7845 section 4.2).</summary>
    public int PreSkip => _lookahead * _granuleScale;

    /// <summary>The Ogg bitstream serial number of this encoder's stream.</summary>
    public uint SerialNumber => _pages.SerialNumber;

    /// <summary>
    /// True when libopus (Debian package libopus0) can be loaded; otherwise <paramref name="problem"/>
    /// says why. Probes once per process and never throws.
    /// </summary>
    public static bool IsAvailable([NotNullWhen(false)] out string? problem) => OpusLibrary.IsAvailable(out problem);

    /// <summary>Writes the OpusHead page (beginning of stream) and the OpusTags page.</summary>
    public void WriteHeader(IBufferWriter<byte> output)
    {
        ArgumentNullException.ThrowIfNull(output);
        ThrowIfDisposed();
        if (_state != State.Created)
        {
            throw new InvalidOperationException("The Opus header has already been written.");
        }

        ReadOnlySpan<byte> vendor = "Orator"u8; // the comment header's vendor string
        Span<byte> packet = stackalloc byte[Math.Max(OpusHeaderPackets.HeadLength, OpusHeaderPackets.TagsLength(vendor))];

        // RFC 7845 section 3: each header packet ends its own page, with granule position 0.
        _pages.AddPacket(packet[..OpusHeaderPackets.WriteHead(packet, PreSkip, SampleRate)], 0);
        _pages.WritePage(output);
        _pages.AddPacket(packet[..OpusHeaderPackets.WriteTags(packet, vendor)], 0);
        _pages.WritePage(output);
        _state = State.Streaming;
    }

    /// <summary>
    /// Encodes every 20 ms frame <paramref name="samples"/> completes and writes them out as pages
    /// before returning; a partial frame waits for the next call or <see cref="Finish"/>.
    /// </summary>
    public void Encode(ReadOnlySpan<short> samples, IBufferWriter<byte> output)
    {
        ArgumentNullException.ThrowIfNull(output);
        ThrowIfNotStreaming();
        if (_resampler is null)
        {
            Append(samples, output);
        }
        else
        {
            Span<short> resampled = _resampled!.Array;
            while (!samples.IsEmpty)
            {
                int count = Math.Min(samples.Length, ResampleBlock);
                Append(resampled[.._resampler.Process(samples[..count], resampled)], output);
                samples = samples[count..];
            }
        }

        if (_pages.PendingPackets > 0)
        {
            _pages.WritePage(output);
        }
    }

    /// <summary>
    /// Encodes what is buffered, padded with silence until the codec's look-ahead has passed the
    /// last input sample, and writes the end-of-stream page. Its granule position is the pre-skip
    /// plus the input length at 48 kHz, so decoders trim the padding (RFC 7845 section 4.4).
    /// </summary>
    public void Finish(IBufferWriter<byte> output)
    {
        ArgumentNullException.ThrowIfNull(output);
        ThrowIfNotStreaming();
        if (_resampler is not null)
        {
            Span<short> resampled = _resampled!.Array;
            Append(resampled[.._resampler.Flush(resampled)], output);
        }

        // Codec-rate samples that must go through the encoder for the last input sample to come out.
        long needed = _lookahead + _codecSamples;
        long finalGranule = needed * _granuleScale;
        Span<short> frame = _frame.Array.AsSpan(0, _frameSize);
        do
        {
            frame[_frameFill..].Clear();
            _frameFill = 0;
            EncodeFrame(frame, output, finalGranule);
        }
        while (_framesEncoded * _frameSize < needed);

        _pages.WritePage(output, endOfStream: true);
        _state = State.Finished;
    }

    /// <summary>Frees the native encoder and returns the buffers; safe to call more than once.</summary>
    public void Dispose()
    {
        if (_state == State.Disposed)
        {
            return;
        }

        _state = State.Disposed;
        _encoder.Dispose();
        _pages.Dispose();
        _resampler?.Dispose();
        _resampled?.Dispose();
        _frame.Dispose();
        _packet.Dispose();
    }

    private static bool IsNativeRate(int sampleRate) => sampleRate is 8000 or 12000 or 16000 or 24000 or 48000;

    private static unsafe OpusEncoderHandle CreateEncoder(int sampleRate, OpusEncoderSettings settings, out int lookahead)
    {
        int error;
        OpusEncoderHandle encoder = NativeMethods.EncoderCreate(sampleRate, 1, (int)settings.Application, &error);
        try
        {
            OpusError.ThrowIfFailed(encoder.IsInvalid && error == OpusError.Ok ? OpusError.AllocFail : error, $"create a {sampleRate} Hz mono encoder");

            OpusError.ThrowIfFailed(NativeMethods.EncoderCtlSet(encoder, NativeMethods.SetBitrateRequest, settings.Bitrate), $"set the bitrate to {settings.Bitrate} b/s");
            OpusError.ThrowIfFailed(NativeMethods.EncoderCtlSet(encoder, NativeMethods.SetComplexityRequest, settings.Complexity), $"set the complexity to {settings.Complexity}");
            int value;
            OpusError.ThrowIfFailed(NativeMethods.EncoderCtlGet(encoder, NativeMethods.GetLookaheadRequest, &value), "read the look-ahead");
            lookahead = value;
            return encoder;
        }
        catch
        {
            encoder.Dispose();
            throw;
        }
    }

    // A well-mixed counter: distinct serial numbers that look random (RFC 3533 asks for serials
    // unique within a physical stream; each response holds one logical stream). The server passes
    // a serial derived from the render instead, so identical requests give identical bytes while
    // files of different texts concatenated into one chain still differ.
    private static uint NextSerialNumber()
    {
        uint x = (uint)Interlocked.Increment(ref s_streams);
        x ^= x >> 16;
        x *= 0x7FEB352D;
        x ^= x >> 15;
        x *= 0x846CA68B;
        x ^= x >> 16;
        return x;
    }

    private void Append(ReadOnlySpan<short> samples, IBufferWriter<byte> output)
    {
        _codecSamples += samples.Length;
        Span<short> frame = _frame.Array.AsSpan(0, _frameSize);
        while (!samples.IsEmpty)
        {
            if (_frameFill == 0 && samples.Length >= _frameSize)
            {
                // Whole frames go straight from the caller's span.
                EncodeFrame(samples[.._frameSize], output, long.MaxValue);
                samples = samples[_frameSize..];
                continue;
            }

            int count = Math.Min(samples.Length, _frameSize - _frameFill);
            samples[..count].CopyTo(frame[_frameFill..]);
            _frameFill += count;
            samples = samples[count..];
            if (_frameFill == _frameSize)
            {
                _frameFill = 0;
                EncodeFrame(frame, output, long.MaxValue);
            }
        }
    }

    private unsafe void EncodeFrame(ReadOnlySpan<short> frame, IBufferWriter<byte> output, long granuleLimit)
    {
        Span<byte> packet = _packet.Array.AsSpan(0, MaxPacketLength);
        int length;
        fixed (short* pcm = frame)
        fixed (byte* data = packet)
        {
            length = NativeMethods.Encode(_encoder, pcm, _frameSize, data, packet.Length);
        }

        OpusError.ThrowIfFailed(length, "encode a 20 ms frame");
        _framesEncoded++;

        // Write a full page before adding, so that the packet Finish adds last is always pending.
        if (_pages.PendingPackets == MaxPacketsPerPage || !_pages.HasRoomFor(length))
        {
            _pages.WritePage(output);
        }

        _pages.AddPacket(packet[..length], Math.Min(_framesEncoded * _frameSize * _granuleScale, granuleLimit));
    }

    private void ThrowIfDisposed() => ObjectDisposedException.ThrowIf(_state == State.Disposed, this);

    private void ThrowIfNotStreaming()
    {
        ThrowIfDisposed();
        if (_state != State.Streaming)
        {
            throw new InvalidOperationException(_state == State.Created
                ? "Call WriteHeader before encoding."
                : "The stream has been finished.");
        }
    }
}
