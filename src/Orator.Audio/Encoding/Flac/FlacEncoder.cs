using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using Orator.Audio.Encoding.Flac.Interop;
using Orator.Core.Audio;

namespace Orator.Audio.Encoding.Flac;

/// <summary>
/// FLAC through libFLAC's stream encoder: 16-bit mono, streamable subset, written for streaming.
/// libFLAC is given no seek/tell callbacks, so it never goes back to fill in STREAMINFO: total
/// samples, frame sizes and MD5 stay 0 ("unknown"), which decoders accept. The header (<c>fLaC</c>,
/// STREAMINFO and libFLAC's vendor comment) is produced when the encoder starts, in the constructor,
/// and kept until <see cref="WriteHeader"/> (or the first <see cref="Encode"/>) sends it.
/// See <c>docs/architecture/encoders-mp3-flac.md</c>.
/// </summary>
internal sealed unsafe class FlacEncoder : IAudioEncoder
{
    /// <summary>libFLAC's compression level (0 fastest .. 8 smallest); see the docs for the measurement.</summary>
    public const int DefaultCompressionLevel = 5;

    /// <summary>Samples widened to int32 per <c>process_interleaved</c> call.</summary>
    private const int BlockSamples = 4096;

    private readonly FlacStreamSink _sink = new();
    private readonly FlacEncoderHandle _encoder;
    private readonly int[] _widened = new int[BlockSamples];
    private readonly ArrayBufferWriter<byte> _header = new(128);
    private bool _headerSent;
    private bool _finished;

    /// <summary>Creates an encoder for mono 16-bit PCM at <paramref name="sampleRate"/> Hz and starts the stream.</summary>
    /// <param name="sampleRate">Input and stream sample rate in Hz.</param>
    /// <param name="compressionLevel">libFLAC's compression level, 0..8.</param>
    /// <exception cref="NotSupportedException">libFLAC is not installed (see <see cref="IsAvailable"/>).</exception>
    public FlacEncoder(int sampleRate, int compressionLevel = DefaultCompressionLevel)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(sampleRate);
        ArgumentOutOfRangeException.ThrowIfNegative(compressionLevel);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(compressionLevel, 8);
        if (!IsAvailable(out string? problem))
        {
            throw new NotSupportedException(problem);
        }

        SampleRate = sampleRate;
        _encoder = FlacEncoderHandle.Create(_sink);
        try
        {
            Start(sampleRate, compressionLevel);
        }
        catch
        {
            _encoder.Dispose();
            throw;
        }
    }

    public AudioFormat Format => AudioFormat.Flac;

    public string ContentType => AudioFormats.ContentTypeOf(Format);

    public int SampleRate { get; }

    /// <summary>
    /// Whether libFLAC can be used in this process (probed once). Never throws for a missing library.
    /// </summary>
    /// <param name="problem">When false: what is missing and the Debian package to install.</param>
    public static bool IsAvailable([NotNullWhen(false)] out string? problem)
    {
        problem = FlacLibrary.Problem;
        return problem is null;
    }

    /// <summary>Writes the stream header (<c>fLaC</c> and the metadata blocks); a second call writes nothing.</summary>
    public void WriteHeader(IBufferWriter<byte> output)
    {
        ArgumentNullException.ThrowIfNull(output);
        ObjectDisposedException.ThrowIf(_encoder.IsClosed, this);
        SendHeaderOnce(output);
    }

    public void Encode(ReadOnlySpan<short> samples, IBufferWriter<byte> output)
    {
        ArgumentNullException.ThrowIfNull(output);
        ObjectDisposedException.ThrowIf(_encoder.IsClosed, this);
        if (_finished)
        {
            throw new InvalidOperationException("The FLAC stream is already finished.");
        }

        SendHeaderOnce(output);
        while (!samples.IsEmpty)
        {
            int count = Math.Min(samples.Length, BlockSamples);
            Span<int> widened = _widened.AsSpan(0, count);
            for (int i = 0; i < widened.Length; i++)
            {
                widened[i] = samples[i];
            }

            bool processed;
            _sink.Begin(output);
            try
            {
                fixed (int* buffer = widened)
                {
                    processed = FlacNativeMethods.ProcessInterleaved(_encoder, buffer, (uint)count);
                }
            }
            finally
            {
                _sink.End();
            }

            FlacError.ThrowIfFailed(processed, _encoder, "encode a block");
            samples = samples[count..];
        }
    }

    /// <summary>Encodes the last, short frame; a second call writes nothing.</summary>
    public void Finish(IBufferWriter<byte> output)
    {
        ArgumentNullException.ThrowIfNull(output);
        ObjectDisposedException.ThrowIf(_encoder.IsClosed, this);
        if (_finished)
        {
            return;
        }

        SendHeaderOnce(output);
        _finished = true;
        bool finished;
        _sink.Begin(output);
        try
        {
            finished = FlacNativeMethods.Finish(_encoder);
        }
        finally
        {
            _sink.End();
        }

        FlacError.ThrowIfFailed(finished, _encoder, "finish the stream");
    }

    public void Dispose() => _encoder.Dispose();

    private void Start(int sampleRate, int compressionLevel)
    {
        FlacError.ThrowIfRejected(FlacNativeMethods.SetChannels(_encoder, 1), "channels = 1");
        FlacError.ThrowIfRejected(FlacNativeMethods.SetBitsPerSample(_encoder, 16), "bits per sample = 16");
        FlacError.ThrowIfRejected(FlacNativeMethods.SetSampleRate(_encoder, (uint)sampleRate), $"sample rate = {sampleRate}");
        FlacError.ThrowIfRejected(FlacNativeMethods.SetCompressionLevel(_encoder, (uint)compressionLevel), $"compression level = {compressionLevel}");
        FlacError.ThrowIfRejected(FlacNativeMethods.SetStreamableSubset(_encoder, true), "streamable subset");

        FlacInitStatus status;
        _sink.Begin(_header);
        try
        {
            // No seek/tell/metadata callbacks: the header that leaves first is final.
            status = FlacNativeMethods.InitStream(_encoder, FlacStreamSink.WriteCallback, null, null, null, _encoder.ClientData);
        }
        finally
        {
            _sink.End();
        }

        FlacError.ThrowIfFailed(status, _encoder);
    }

    private void SendHeaderOnce(IBufferWriter<byte> output)
    {
        if (!_headerSent)
        {
            _headerSent = true;
            output.Write(_header.WrittenSpan);
        }
    }
}
