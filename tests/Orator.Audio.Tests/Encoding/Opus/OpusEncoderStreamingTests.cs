using System.Buffers;
using Orator.Audio.Encoding.Opus;

namespace Orator.Audio.Tests.Encoding.Opus;

public sealed class OpusEncoderStreamingTests
{
    [CodecFact(AudioFormat.Opus)]
    public void Audio_pages_are_out_after_the_first_half_second_of_input()
    {
        short[] source = Signals.HarmonicVoice(Signals.Rate, 3.0);
        using var encoder = new OpusEncoder(Signals.Rate);
        var output = new ArrayBufferWriter<byte>();
        encoder.WriteHeader(output);
        int halfSecond = Signals.Rate / 2;
        int position = 0;
        foreach (int size in EncoderHarness.Chunks(halfSecond))
        {
            encoder.Encode(source.AsSpan(position, size), output);
            position += size;
        }

        List<OggPage> pages = OggStream.Parse(output.WrittenSpan);
        List<OggPage> audio = pages.Skip(2).ToList();
        Assert.NotEmpty(audio);
        Assert.All(pages, page => Assert.False(page.IsEndOfStream));

        // Every completed 20 ms frame has left: 25 frames in 0.5 s.
        Assert.Equal(25 * 960, audio[^1].GranulePosition);
    }

    [CodecFact(AudioFormat.Opus)]
    public void A_call_that_completes_a_frame_writes_its_page_before_returning()
    {
        using var encoder = new OpusEncoder(Signals.Rate);
        var output = new ArrayBufferWriter<byte>();
        encoder.WriteHeader(output);
        int headerBytes = output.WrittenCount;

        encoder.Encode(new short[479], output);
        Assert.Equal(headerBytes, output.WrittenCount);

        encoder.Encode(new short[1], output);
        Assert.Equal(3, OggStream.Parse(output.WrittenSpan).Count);
    }

    [CodecFact(AudioFormat.Opus)]
    public void A_large_chunk_is_split_into_pages_of_at_most_ten_packets()
    {
        using var encoder = new OpusEncoder(Signals.Rate);
        var output = new ArrayBufferWriter<byte>();
        encoder.WriteHeader(output);

        encoder.Encode(Signals.HarmonicVoice(Signals.Rate, 1.0), output); // 50 frames

        List<OggPage> audio = OggStream.Parse(output.WrittenSpan).Skip(2).ToList();
        Assert.Equal([10, 10, 10, 10, 10], audio.Select(p => p.Packets.Count));
    }

    [CodecFact(AudioFormat.Opus)]
    public void Empty_and_sub_frame_chunks_write_nothing()
    {
        using var encoder = new OpusEncoder(Signals.Rate);
        var output = new ArrayBufferWriter<byte>();
        encoder.WriteHeader(output);
        int headerBytes = output.WrittenCount;

        encoder.Encode([], output);
        encoder.Encode(new short[1], output);
        encoder.Encode([], output);

        Assert.Equal(headerBytes, output.WrittenCount);
    }
}
