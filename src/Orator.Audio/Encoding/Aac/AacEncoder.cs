using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Numerics.Tensors;
using Orator.Audio.Encoding.Aac.Interop;
using Orator.Core.Audio;

namespace Orator.Audio.Encoding.Aac;

/// <summary>
/// AAC LC, mono, as one continuous ADTS stream, encoded in-process by libavcodec's native "aac"
/// encoder (see <c>docs/architecture/encoder-aac.md</c>). Samples are converted straight into the
/// encoder's reusable 1024-sample float frame; each full frame is encoded at once and every packet
/// that comes out is written with its ADTS header, so output follows input with at most one frame
/// (~43 ms at 24 kHz) plus the encoder's look-ahead held back. No managed allocation per chunk.
/// </summary>
internal sealed unsafe class AacEncoder : IAudioEncoder
{
    /// <summary>The default bit rate: 64 kbit/s, transparent enough for 24 kHz mono speech.</summary>
    public const int DefaultBitrate = 64000;

    private const int MonoChannelConfiguration = 1;
    private const float PcmScale = 1f / 32768;

    private readonly CodecContextHandle _context;
    private readonly FrameHandle _frame;
    private readonly PacketHandle _packet;
    private readonly int _frequencyIndex;
    private float* _plane;
    private int _buffered;
    private bool _finished;
    private bool _disposed;

    /// <summary>Opens an encoder for mono PCM at <paramref name="sampleRate"/> Hz.</summary>
    /// <param name="sampleRate">One of the rates ADTS can signal (96000 ... 7350); the server uses 24000.</param>
    /// <param name="bitrate">Target bit rate in bit/s.</param>
    /// <exception cref="NotSupportedException">libavcodec is missing or unusable; the message names the package to install.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The sample rate has no ADTS index, or the bit rate is not positive.</exception>
    /// <exception cref="InvalidOperationException">libavcodec refused the settings.</exception>
    public AacEncoder(int sampleRate, int bitrate = DefaultBitrate)
    {
        if (!AdtsHeader.TryGetFrequencyIndex(sampleRate, out _frequencyIndex))
        {
            throw new ArgumentOutOfRangeException(nameof(sampleRate), sampleRate, $"AAC in ADTS supports these sample rates only: {AdtsHeader.DescribeSampleRates()}.");
        }

        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(bitrate);
        if (!IsAvailable(out string? problem))
        {
            throw new NotSupportedException(problem);
        }

        SampleRate = sampleRate;
        _context = AacRuntime.OpenEncoder(sampleRate, bitrate);
        try
        {
            _frame = AacRuntime.AllocateFrame(sampleRate);
            _packet = AacRuntime.AllocatePacket();
        }
        catch
        {
            _frame?.Dispose();
            _context.Dispose();
            throw;
        }
    }

    /// <inheritdoc/>
    public AudioFormat Format => AudioFormat.Aac;

    /// <inheritdoc/>
    public string ContentType => AudioFormats.ContentTypeOf(Format);

    /// <inheritdoc/>
    public int SampleRate { get; }

    /// <summary>One frame of encoder priming, which ADTS has no field to tell a decoder to skip (ffmpeg plays it: measured 1024).</summary>
    public int PlaybackDelay => AacRuntime.FrameSize;

    /// <summary>
    /// True when libavcodec 59 / libavutil 57 load, have the native "aac" encoder and match the
    /// struct layout this binding was written for. Probed once per process; never throws.
    /// </summary>
    /// <param name="problem">When false: what is missing and which Debian package provides it.</param>
    public static bool IsAvailable([NotNullWhen(false)] out string? problem) => AacRuntime.IsAvailable(out problem);

    /// <summary>ADTS has no stream header: every frame carries its own. Writes nothing.</summary>
    public void WriteHeader(IBufferWriter<byte> output)
    {
        ArgumentNullException.ThrowIfNull(output);
        ObjectDisposedException.ThrowIf(_disposed, this);
    }

    /// <inheritdoc/>
    public void Encode(ReadOnlySpan<short> samples, IBufferWriter<byte> output)
    {
        ArgumentNullException.ThrowIfNull(output);
        ThrowIfNotWritable();
        while (!samples.IsEmpty)
        {
            if (_buffered == 0)
            {
                BeginFrame();
            }

            int count = Math.Min(samples.Length, AacRuntime.FrameSize - _buffered);
            var destination = new Span<float>(_plane + _buffered, count);
            TensorPrimitives.ConvertTruncating(samples[..count], destination);
            TensorPrimitives.Multiply(destination, PcmScale, destination);
            _buffered += count;
            samples = samples[count..];

            if (_buffered == AacRuntime.FrameSize)
            {
                SendFrame(output);
            }
        }
    }

    /// <summary>Encodes the last partial frame (the encoder takes a short final frame), drains the encoder's look-ahead and ends the stream.</summary>
    public void Finish(IBufferWriter<byte> output)
    {
        ArgumentNullException.ThrowIfNull(output);
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_finished)
        {
            return;
        }

        if (_buffered > 0)
        {
            SendFrame(output);
        }

        _finished = true;
        LibavError.ThrowIfFailed(NativeMethods.SendEndOfStream(_context, null), "flush the aac encoder");
        Drain(output);
    }

    /// <summary>Frees the codec, frame and packet; safe without <see cref="Finish"/> and more than once.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _plane = null;
        _packet.Dispose();
        _frame.Dispose();
        _context.Dispose();
    }

    private void ThrowIfNotWritable()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_finished)
        {
            throw new InvalidOperationException("The AAC stream is already finished.");
        }
    }

    /// <summary>Makes sure the encoder no longer shares the frame's buffer before it is overwritten (a no-op unless it kept a reference).</summary>
    private void BeginFrame()
    {
        LibavError.ThrowIfFailed(NativeMethods.MakeFrameWritable(_frame), "make the audio frame writable");
        _plane = AvFrameLayout.Plane0(_frame);
    }

    private void SendFrame(IBufferWriter<byte> output)
    {
        AvFrameLayout.SetSampleCount(_frame, _buffered);
        _buffered = 0;
        LibavError.ThrowIfFailed(NativeMethods.SendFrame(_context, _frame), "encode an audio frame");
        Drain(output);
    }

    /// <summary>Writes every packet the encoder has ready, each behind its ADTS header.</summary>
    private void Drain(IBufferWriter<byte> output)
    {
        while (true)
        {
            int result = NativeMethods.ReceivePacket(_context, _packet);
            if (result is LibavConstants.ErrorAgain or LibavConstants.ErrorEndOfFile)
            {
                return;
            }

            LibavError.ThrowIfFailed(result, "receive an AAC packet");
            try
            {
                WriteFrame(AvPacketLayout.Payload(_packet), output);
            }
            finally
            {
                NativeMethods.UnrefPacket(_packet);
            }
        }
    }

    private void WriteFrame(ReadOnlySpan<byte> payload, IBufferWriter<byte> output)
    {
        int length = AdtsHeader.Length + payload.Length;
        if (length > AdtsHeader.MaxFrameLength)
        {
            throw new InvalidOperationException($"An AAC packet of {payload.Length} bytes does not fit an ADTS frame.");
        }

        Span<byte> destination = output.GetSpan(length);
        AdtsHeader.Write(destination, _frequencyIndex, MonoChannelConfiguration, length);
        payload.CopyTo(destination[AdtsHeader.Length..]);
        output.Advance(length);
    }
}
