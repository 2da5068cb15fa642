using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using Orator.Audio.Encoding.Mp3.Interop;
using Orator.Core.Audio;

namespace Orator.Audio.Encoding.Mp3;

/// <summary>
/// MP3 through LAME: mono, constant bitrate, written for streaming. At 24 kHz the stream is
/// MPEG-2 Layer III (576 samples per frame). There is no Xing/Info frame (its sizes would be
/// placeholders, since a stream cannot go back and fill them in) and no ID3 tag, so the response is
/// nothing but back-to-back MPEG frames. See <c>docs/architecture/encoders-mp3-flac.md</c>.
/// </summary>
internal sealed unsafe class Mp3Encoder : IAudioEncoder
{
    /// <summary>The default bitrate: plenty for 24 kHz mono speech.</summary>
    public const int DefaultBitrateKbps = 64;

    /// <summary>
    /// LAME's algorithm quality (0 best .. 9 worst). 3 is LAME's own default (the <c>lame</c> CLI's and
    /// ffmpeg's); 2 costs twice the CPU for refinements no measurement here could tell apart.
    /// </summary>
    public const int DefaultQuality = 3;

    /// <summary>The MP3 synthesis filter bank's delay every decoder adds (529 samples).</summary>
    private const int DecoderFilterBankDelay = 529;

    /// <summary>Input samples per <c>lame_encode_buffer</c> call: 8 MPEG-2 frames.</summary>
    private const int BlockSamples = 8 * 576;

    /// <summary>LAME's documented worst case for one block: 1.25 * samples + 7200 bytes (also covers the flush).</summary>
    private const int OutputBufferLength = (BlockSamples * 5 / 4) + 7200;

    private static readonly int[] MpegSampleRates = [8000, 11025, 12000, 16000, 22050, 24000, 32000, 44100, 48000];

    private readonly LameHandle _lame;
    private readonly byte[] _mp3 = new byte[OutputBufferLength];
    private bool _finished;

    /// <summary>Creates an encoder for mono 16-bit PCM at <paramref name="sampleRate"/> Hz.</summary>
    /// <param name="sampleRate">Input rate; an MPEG rate (e.g. 24000) is kept, any other is resampled by LAME.</param>
    /// <param name="bitrateKbps">CBR bitrate, 8..320; LAME rounds it to the nearest the MPEG version allows.</param>
    /// <param name="quality">LAME's <c>quality</c>, 0 (best, slowest) .. 9.</param>
    /// <exception cref="NotSupportedException">LAME is not installed (see <see cref="IsAvailable"/>).</exception>
    public Mp3Encoder(int sampleRate, int bitrateKbps = DefaultBitrateKbps, int quality = DefaultQuality)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(sampleRate);
        ArgumentOutOfRangeException.ThrowIfLessThan(bitrateKbps, 8);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(bitrateKbps, 320);
        ArgumentOutOfRangeException.ThrowIfNegative(quality);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(quality, 9);
        if (!IsAvailable(out string? problem))
        {
            throw new NotSupportedException(problem);
        }

        SampleRate = sampleRate;
        _lame = LameNativeMethods.Init();
        LameError.ThrowIfInvalid(_lame);
        try
        {
            Configure(sampleRate, bitrateKbps, quality);
        }
        catch
        {
            _lame.Dispose();
            throw;
        }
    }

    public AudioFormat Format => AudioFormat.Mp3;

    public string ContentType => AudioFormats.ContentTypeOf(Format);

    public int SampleRate { get; }

    /// <summary>The bitrate LAME settled on, in kbps.</summary>
    public int BitrateKbps { get; private set; }

    /// <summary>The sample rate of the MP3 frames.</summary>
    public int OutputSampleRate { get; private set; }

    /// <summary>Samples per MP3 frame (576 for MPEG-2/2.5, 1152 for MPEG-1).</summary>
    public int FrameSize { get; private set; }

    /// <summary>
    /// Samples of silence the encoder puts before the input (576 in LAME 3.100). A decoder that does
    /// not know it (there is no LAME tag to tell it) also adds its own 529-sample filter-bank delay.
    /// </summary>
    public int EncoderDelay { get; private set; }

    /// <summary>Without a LAME tag a decoder plays the encoder's delay and then its own 529-sample filter-bank delay (measured with ffmpeg: 1105 at 24 kHz).</summary>
    public int PlaybackDelay => EncoderDelay + DecoderFilterBankDelay;

    /// <summary>Samples of silence appended to fill the last frame; known after <see cref="Finish"/>, 0 before.</summary>
    public int EncoderPadding { get; private set; }

    /// <summary>
    /// Whether LAME can be used in this process (probed once). Never throws for a missing library.
    /// </summary>
    /// <param name="problem">When false: what is missing and the Debian package to install.</param>
    public static bool IsAvailable([NotNullWhen(false)] out string? problem)
    {
        problem = LameLibrary.Problem;
        return problem is null;
    }

    /// <summary>MP3 has no stream header (no ID3 tag, no Xing frame): writes nothing.</summary>
    public void WriteHeader(IBufferWriter<byte> output)
    {
        ArgumentNullException.ThrowIfNull(output);
        ObjectDisposedException.ThrowIf(_lame.IsClosed, this);
    }

    public void Encode(ReadOnlySpan<short> samples, IBufferWriter<byte> output)
    {
        ArgumentNullException.ThrowIfNull(output);
        ObjectDisposedException.ThrowIf(_lame.IsClosed, this);
        if (_finished)
        {
            throw new InvalidOperationException("The MP3 stream is already finished.");
        }

        while (!samples.IsEmpty)
        {
            ReadOnlySpan<short> block = samples[..Math.Min(samples.Length, BlockSamples)];
            int written;
            fixed (short* pcm = block)
            fixed (byte* mp3 = _mp3)
            {
                written = LameNativeMethods.EncodeBuffer(_lame, pcm, pcm, block.Length, mp3, _mp3.Length);
            }

            CopyOut(LameError.CheckEncoded(written, "encode a block"), output);
            samples = samples[block.Length..];
        }
    }

    /// <summary>Pads and encodes what LAME still holds; a second call writes nothing.</summary>
    public void Finish(IBufferWriter<byte> output)
    {
        ArgumentNullException.ThrowIfNull(output);
        ObjectDisposedException.ThrowIf(_lame.IsClosed, this);
        if (_finished)
        {
            return;
        }

        _finished = true;
        int written;
        fixed (byte* mp3 = _mp3)
        {
            written = LameNativeMethods.EncodeFlush(_lame, mp3, _mp3.Length);
        }

        CopyOut(LameError.CheckEncoded(written, "flush the last frames"), output);
        EncoderPadding = LameNativeMethods.GetEncoderPadding(_lame);
    }

    public void Dispose() => _lame.Dispose();

    private void Configure(int sampleRate, int bitrateKbps, int quality)
    {
        LameError.ThrowIfFailed(LameNativeMethods.SetInSampleRate(_lame, sampleRate), $"set the input sample rate to {sampleRate} Hz");
        if (Array.IndexOf(MpegSampleRates, sampleRate) >= 0)
        {
            // Otherwise LAME may pick a lower rate for the bitrate and resample.
            LameError.ThrowIfFailed(LameNativeMethods.SetOutSampleRate(_lame, sampleRate), $"set the output sample rate to {sampleRate} Hz");
        }

        LameError.ThrowIfFailed(LameNativeMethods.SetNumChannels(_lame, 1), "set one channel");
        LameError.ThrowIfFailed(LameNativeMethods.SetMode(_lame, LameNativeMethods.ModeMono), "set mono mode");
        LameError.ThrowIfFailed(LameNativeMethods.SetVbr(_lame, LameNativeMethods.VbrOff), "select constant bitrate");
        LameError.ThrowIfFailed(LameNativeMethods.SetBitrate(_lame, bitrateKbps), $"set the bitrate to {bitrateKbps} kbps");
        LameError.ThrowIfFailed(LameNativeMethods.SetQuality(_lame, quality), $"set quality {quality}");
        LameError.ThrowIfFailed(LameNativeMethods.SetWriteVbrTag(_lame, 0), "turn off the Xing/Info frame");
        LameNativeMethods.SetWriteId3TagAutomatic(_lame, 0);
        LameError.ThrowIfFailed(
            LameNativeMethods.InitParams(_lame),
            $"accept the settings ({sampleRate} Hz mono, {bitrateKbps} kbps CBR, quality {quality})");

        BitrateKbps = LameNativeMethods.GetBitrate(_lame);
        OutputSampleRate = LameNativeMethods.GetOutSampleRate(_lame);
        FrameSize = LameNativeMethods.GetFrameSize(_lame);
        EncoderDelay = LameNativeMethods.GetEncoderDelay(_lame);
    }

    private void CopyOut(int length, IBufferWriter<byte> output)
    {
        if (length > 0)
        {
            _mp3.AsSpan(0, length).CopyTo(output.GetSpan(length));
            output.Advance(length);
        }
    }
}
