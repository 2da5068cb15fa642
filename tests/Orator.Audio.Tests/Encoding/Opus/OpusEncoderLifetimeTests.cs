using System.Buffers;
using Orator.Audio.Encoding.Opus;

namespace Orator.Audio.Tests.Encoding.Opus;

public sealed class OpusEncoderLifetimeTests
{
    [CodecFact(AudioFormat.Opus)]
    public void It_describes_itself_as_audio_opus_at_the_input_rate()
    {
        using var encoder = new OpusEncoder(24000);

        Assert.Equal(AudioFormat.Opus, encoder.Format);
        Assert.Equal("audio/opus", encoder.ContentType);
        Assert.Equal(24000, encoder.SampleRate);
        Assert.Equal(24000, encoder.CodecSampleRate);
    }

    [Fact]
    public void Availability_is_reported_without_throwing_and_names_the_package_when_missing()
    {
        bool available = OpusEncoder.IsAvailable(out string? problem);

        Assert.Equal(available, problem is null);
        if (!available)
        {
            Assert.Contains("libopus0", problem);
        }
    }

    [CodecFact(AudioFormat.Opus)]
    public void An_empty_stream_is_the_two_header_pages_and_an_end_page_trimmed_to_nothing()
    {
        using var encoder = new OpusEncoder(Signals.Rate);
        var output = new ArrayBufferWriter<byte>();

        encoder.WriteHeader(output);
        encoder.Finish(output);

        List<OggPage> pages = OggStream.Parse(output.WrittenSpan);
        Assert.Equal(3, pages.Count);
        Assert.True(pages[2].IsEndOfStream);
        Assert.Equal(encoder.PreSkip, pages[2].GranulePosition);
        Assert.All(pages, page => Assert.Equal(page.ComputedCrc, page.StoredCrc));
    }

    [CodecFact(AudioFormat.Opus)]
    public void Disposing_without_finishing_and_disposing_twice_are_harmless()
    {
        var encoder = new OpusEncoder(Signals.Rate);
        var output = new ArrayBufferWriter<byte>();
        encoder.WriteHeader(output);
        encoder.Encode(Signals.HarmonicVoice(Signals.Rate, 0.1), output);

        encoder.Dispose();
        encoder.Dispose();

        Assert.Throws<ObjectDisposedException>(() => encoder.Encode(new short[10], output));
        Assert.Throws<ObjectDisposedException>(() => encoder.Finish(output));
    }

    [CodecFact(AudioFormat.Opus)]
    public void Calls_out_of_order_are_refused_with_a_clear_message()
    {
        using var encoder = new OpusEncoder(Signals.Rate);
        var output = new ArrayBufferWriter<byte>();

        Assert.Contains("WriteHeader", Assert.Throws<InvalidOperationException>(() => encoder.Encode(new short[10], output)).Message);
        encoder.WriteHeader(output);
        Assert.Throws<InvalidOperationException>(() => encoder.WriteHeader(output));
        encoder.Finish(output);
        Assert.Contains("finished", Assert.Throws<InvalidOperationException>(() => encoder.Encode(new short[10], output)).Message);
        Assert.Throws<InvalidOperationException>(() => encoder.Finish(output));
    }

    [CodecFact(AudioFormat.Opus)]
    public void Out_of_range_settings_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new OpusEncoder(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new OpusEncoder(24000, bitrate: 100));
        Assert.Throws<ArgumentOutOfRangeException>(() => new OpusEncoder(24000, OpusEncoderSettings.Default with { Complexity = 11 }));
    }
}
