using System.Buffers;
using Orator.Audio.Encoding.Aac;

namespace Orator.Audio.Tests.Encoding.Aac;

/// <summary>The shape of the ADTS stream and when it is produced.</summary>
public sealed class AacEncoderStreamTests
{
    [CodecFact(AudioFormat.Aac)]
    public void Every_frame_is_an_adts_aac_lc_24kHz_mono_header_and_the_lengths_chain_exactly_to_the_end()
    {
        byte[] stream = EncoderHarness.EncodeStream(AudioFormat.Aac, Signals.Rate, Signals.HarmonicVoice(Signals.Rate, 3));

        List<AdtsFrame> frames = AdtsFrames.Parse(stream);

        Assert.Equal(stream.Length, frames[^1].Offset + frames[^1].FrameLength);
        Assert.InRange(frames.Count, 72000 / 1024, (72000 / 1024) + 3);
        Assert.All(frames, frame =>
        {
            Assert.Equal(0, frame.Id);                  // MPEG-4
            Assert.Equal(0, frame.Layer);
            Assert.True(frame.ProtectionAbsent);        // no CRC: 7-byte header
            Assert.Equal(1, frame.Profile);             // AAC LC (object type 2)
            Assert.Equal(6, frame.FrequencyIndex);      // 24000 Hz
            Assert.Equal(0, frame.PrivateBit);
            Assert.Equal(1, frame.ChannelConfiguration);
            Assert.Equal(0x7FF, frame.BufferFullness);  // variable bit rate
            Assert.Equal(0, frame.RawDataBlocks);       // one raw data block per frame
        });
    }

    [CodecFact(AudioFormat.Aac)]
    public void The_average_bit_rate_is_near_the_requested_64_kbps()
    {
        byte[] stream = EncoderHarness.EncodeStream(AudioFormat.Aac, Signals.Rate, Signals.HarmonicVoice(Signals.Rate, 3));

        double bitsPerSecond = stream.Length * 8 / 3.0;

        Assert.InRange(bitsPerSecond, 40000, 90000);
    }

    [CodecFact(AudioFormat.Aac)]
    public void Adts_frames_are_already_written_after_the_first_half_second()
    {
        using var encoder = new AacEncoder(Signals.Rate);
        var output = new ArrayBufferWriter<byte>();
        short[] source = Signals.HarmonicVoice(Signals.Rate, 3);

        encoder.WriteHeader(output);
        EncoderHarness.EncodeInChunks(encoder, source.AsSpan(0, Signals.Rate / 2), output);

        List<AdtsFrame> frames = AdtsFrames.Parse(output.WrittenSpan);
        Assert.True(frames.Count >= 8, $"Only {frames.Count} frames after 0.5 s (11 full frames were sent).");
    }

    [CodecFact(AudioFormat.Aac)]
    public void The_output_does_not_depend_on_how_the_samples_are_chunked()
    {
        short[] source = Signals.HarmonicVoice(Signals.Rate, 1);
        using var whole = new AacEncoder(Signals.Rate);
        var expected = new ArrayBufferWriter<byte>();
        whole.Encode(source, expected);
        whole.Finish(expected);

        byte[] chunked = EncoderHarness.EncodeStream(AudioFormat.Aac, Signals.Rate, source);

        Assert.Equal(expected.WrittenSpan.ToArray(), chunked);
    }

    [CodecFact(AudioFormat.Aac)]
    public void An_empty_stream_writes_nothing_and_empty_chunks_are_ignored()
    {
        using var encoder = new AacEncoder(Signals.Rate);
        var output = new ArrayBufferWriter<byte>();

        encoder.WriteHeader(output);
        encoder.Encode([], output);
        encoder.Finish(output);

        Assert.Equal(0, output.WrittenCount);
    }

    [CodecFact(AudioFormat.Aac)]
    public void It_describes_itself_as_audio_aac_at_the_requested_rate()
    {
        using var encoder = new AacEncoder(16000, 48000);

        Assert.Equal(AudioFormat.Aac, encoder.Format);
        Assert.Equal("audio/aac", encoder.ContentType);
        Assert.Equal(16000, encoder.SampleRate);
    }

    [CodecFact(AudioFormat.Aac)]
    public void A_sample_rate_adts_cannot_signal_is_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new AacEncoder(23000));
    }

    [CodecFact(AudioFormat.Aac)]
    public void Encoding_after_finish_is_refused_and_a_second_finish_adds_nothing()
    {
        using var encoder = new AacEncoder(Signals.Rate);
        var output = new ArrayBufferWriter<byte>();
        encoder.Encode(Signals.HarmonicVoice(Signals.Rate, 0.2), output);
        encoder.Finish(output);
        int length = output.WrittenCount;

        encoder.Finish(output);

        Assert.Equal(length, output.WrittenCount);
        Assert.Throws<InvalidOperationException>(() => encoder.Encode([1, 2, 3], output));
    }
}
