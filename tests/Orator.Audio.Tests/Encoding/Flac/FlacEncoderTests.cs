using System.Buffers;
using System.Buffers.Binary;
using Orator.Audio.Encoding.Flac;

namespace Orator.Audio.Tests.Encoding.Flac;

public sealed class FlacEncoderTests
{
    private static readonly short[] Speech = Signals.SpeechLike(Signals.Rate, 3.0);

    [CodecFact(AudioFormat.Flac)]
    public void It_describes_itself_as_audio_flac_at_the_input_rate()
    {
        using var encoder = new FlacEncoder(Signals.Rate);

        Assert.Equal(AudioFormat.Flac, encoder.Format);
        Assert.Equal("audio/flac", encoder.ContentType);
        Assert.Equal(Signals.Rate, encoder.SampleRate);
    }

    [CodecFact(AudioFormat.Flac)]
    public void The_header_is_fLaC_a_streaminfo_for_24kHz_mono_16_bit_with_unknown_length_and_the_vendor_comment()
    {
        using var encoder = new FlacEncoder(Signals.Rate);
        var output = new ArrayBufferWriter<byte>();

        encoder.WriteHeader(output);

        ReadOnlySpan<byte> header = output.WrittenSpan;
        Assert.True(header.StartsWith("fLaC"u8));
        Assert.Equal(0x00, header[4]);                     // first block: STREAMINFO, not last
        Assert.Equal(34, ReadUInt24(header[5..]));         // of 34 bytes
        Assert.Equal(0x84, header[42]);                    // then the last block: VORBIS_COMMENT
        Assert.Equal(header.Length - 46, ReadUInt24(header[43..]));
        Assert.True(header[46..].IndexOf("libFLAC"u8) > 0, "libFLAC's vendor string");
        ReadOnlySpan<byte> info = header.Slice(8, 34);
        ulong packed = BinaryPrimitives.ReadUInt64BigEndian(info[10..]);
        Assert.Equal(24000UL, packed >> 44);               // 20 bits of sample rate
        Assert.Equal(0UL, (packed >> 41) & 0x7);           // channels - 1
        Assert.Equal(15UL, (packed >> 36) & 0x1F);         // bits per sample - 1
        Assert.Equal(0UL, packed & 0xF_FFFF_FFFF);         // total samples: unknown
        Assert.True(info[18..].IndexOfAnyExcept((byte)0) < 0, "the MD5 stays zero (unknown) in a stream");
        Assert.Equal(0, ReadUInt24(info[4..]));            // min frame size unknown
        Assert.Equal(0, ReadUInt24(info[7..]));            // max frame size unknown
    }

    [CodecFact(AudioFormat.Flac)]
    public void Encoding_without_write_header_still_starts_the_stream_with_the_header_exactly_once()
    {
        using var withHeader = new FlacEncoder(Signals.Rate);
        using var without = new FlacEncoder(Signals.Rate);
        var expected = new ArrayBufferWriter<byte>();
        var actual = new ArrayBufferWriter<byte>();

        withHeader.WriteHeader(expected);
        withHeader.Encode(Speech, expected);
        withHeader.Finish(expected);
        without.Encode(Speech, actual);
        without.WriteHeader(actual);
        without.Finish(actual);

        Assert.Equal(expected.WrittenSpan.ToArray(), actual.WrittenSpan.ToArray());
    }

    [CodecFact(AudioFormat.Flac, RequiresFfmpeg = true)]
    public async Task Ffprobe_reads_a_chunked_stream_as_24kHz_mono_flac_and_ffmpeg_decodes_it_bit_exact_without_a_word()
    {
        using var encoder = new FlacEncoder(Signals.Rate);
        byte[] flac = EncoderHarness.EncodeAll(encoder, Speech, EncoderHarness.VaryingChunks);
        using var file = new TempFile(flac, ".flac");
        string probe = await Ffmpeg.ProbeAsync(file.Path);
        (short[] fromFile, FfmpegResult fileRun) = await Ffmpeg.DecodeAsync(file.Path);
        (short[] piped, FfmpegResult pipeRun) = await Ffmpeg.DecodePipedAsync(flac);

        Assert.Contains("codec_name=flac", probe);
        Assert.Contains("sample_rate=24000", probe);
        Assert.Contains("channels=1", probe);
        Assert.Equal(0, fileRun.ExitCode);
        Assert.Equal(string.Empty, fileRun.Error);
        Assert.Equal(Speech, fromFile);
        Assert.Equal(0, pipeRun.ExitCode);
        Assert.Equal(string.Empty, pipeRun.Error);
        Assert.Equal(Speech, piped);
    }

    [CodecFact(AudioFormat.Flac)]
    public void The_bytes_do_not_depend_on_how_the_input_is_chunked()
    {
        using var whole = new FlacEncoder(Signals.Rate);
        using var chunked = new FlacEncoder(Signals.Rate);

        byte[] once = EncoderHarness.EncodeAll(whole, Speech, [Speech.Length]);
        byte[] inChunks = EncoderHarness.EncodeAll(chunked, Speech, EncoderHarness.VaryingChunks);

        Assert.Equal(once, inChunks);
    }

    [CodecFact(AudioFormat.Flac, RequiresFfmpeg = true)]
    public async Task An_empty_stream_is_a_valid_flac_file_with_no_samples()
    {
        using var encoder = new FlacEncoder(Signals.Rate);
        var output = new ArrayBufferWriter<byte>();

        encoder.WriteHeader(output);
        int headerLength = output.WrittenCount;
        encoder.Encode([], output);
        encoder.Finish(output);

        Assert.Equal(headerLength, output.WrittenCount);
        using var file = new TempFile(output.WrittenSpan.ToArray(), ".flac");
        Assert.Contains("codec_name=flac", await Ffmpeg.ProbeAsync(file.Path));
        (short[] decoded, FfmpegResult run) = await Ffmpeg.DecodeAsync(file.Path);
        Assert.Equal(0, run.ExitCode);
        Assert.Empty(decoded);
    }

    [CodecFact(AudioFormat.Flac)]
    public void Finishing_twice_writes_once_and_encoding_after_finish_throws()
    {
        using var encoder = new FlacEncoder(Signals.Rate);
        var output = new ArrayBufferWriter<byte>();

        encoder.WriteHeader(output);
        encoder.Encode(Speech.AsSpan(0, 1), output);
        encoder.Finish(output);
        int afterFinish = output.WrittenCount;
        encoder.Finish(output);

        Assert.Equal(afterFinish, output.WrittenCount);
        Assert.Throws<InvalidOperationException>(() => encoder.Encode(Speech.AsSpan(0, 10), output));
    }

    [CodecFact(AudioFormat.Flac)]
    public void Dispose_without_finish_and_a_second_dispose_are_safe_and_later_calls_throw_object_disposed()
    {
        var encoder = new FlacEncoder(Signals.Rate);
        var output = new ArrayBufferWriter<byte>();
        encoder.WriteHeader(output);
        encoder.Encode(Speech.AsSpan(0, 5000), output);
        int written = output.WrittenCount;

        encoder.Dispose();
        encoder.Dispose();

        Assert.Equal(written, output.WrittenCount);
        Assert.Throws<ObjectDisposedException>(() => encoder.Encode(Speech.AsSpan(0, 10), output));
        Assert.Throws<ObjectDisposedException>(() => encoder.Finish(output));
    }

    [CodecFact(AudioFormat.Flac)]
    public void A_writer_that_throws_surfaces_its_exception_from_encode_instead_of_crashing_in_native_code()
    {
        using var encoder = new FlacEncoder(Signals.Rate);
        var failing = new FailingWriter();

        encoder.WriteHeader(new ArrayBufferWriter<byte>());
        IOException thrown = Assert.Throws<IOException>(() => encoder.Encode(Speech, failing));

        Assert.Same(failing.Thrown, thrown);
    }

    [CodecFact(AudioFormat.Flac)]
    public void Out_of_range_settings_are_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new FlacEncoder(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new FlacEncoder(Signals.Rate, compressionLevel: 9));
        InvalidOperationException tooFast = Assert.Throws<InvalidOperationException>(() => new FlacEncoder(2_000_000));
        Assert.Contains("sample rate", tooFast.Message);
    }

    [Fact]
    public void Availability_is_reported_without_throwing_and_names_the_package_when_missing()
    {
        bool available = FlacEncoder.IsAvailable(out string? problem);

        Assert.True(available == (problem is null));
        if (!available)
        {
            Assert.Contains("libflac12", problem);
        }
    }

    private static int ReadUInt24(ReadOnlySpan<byte> bytes) => (bytes[0] << 16) | (bytes[1] << 8) | bytes[2];

    /// <summary>A response body whose client has gone: every write fails.</summary>
    private sealed class FailingWriter : IBufferWriter<byte>
    {
        public IOException Thrown { get; } = new("The client disconnected.");

        public void Advance(int count) => throw Thrown;

        public Memory<byte> GetMemory(int sizeHint = 0) => throw Thrown;

        public Span<byte> GetSpan(int sizeHint = 0) => throw Thrown;
    }
}
