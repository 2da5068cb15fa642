using Orator.Audio.Encoding.Aac;

namespace Orator.Audio.Tests.Encoding.Aac;

public sealed class AdtsHeaderTests
{
    [Fact]
    public void The_header_for_a_24kHz_mono_lc_frame_has_the_expected_bits()
    {
        var header = new byte[AdtsHeader.Length];

        AdtsHeader.Write(header, frequencyIndex: 6, channelConfiguration: 1, frameLength: 0x123);

        // FFF sync, MPEG-4, no CRC | LC, index 6, mono | length 0x123 | fullness 0x7FF, one block
        Assert.Equal(new byte[] { 0xFF, 0xF1, 0x58, 0x40, 0x24, 0x7F, 0xFC }, header);
    }

    [Fact]
    public void The_largest_frame_length_survives_the_round_trip()
    {
        var header = new byte[AdtsHeader.Length];

        AdtsHeader.Write(header, 6, 1, AdtsHeader.MaxFrameLength);

        AdtsFrame frame = Assert.Single(AdtsFrames.Parse([.. header, .. new byte[AdtsHeader.MaxFrameLength - AdtsHeader.Length]]));
        Assert.Equal(AdtsHeader.MaxFrameLength, frame.FrameLength);
        Assert.Equal(1, frame.ChannelConfiguration);
    }

    [Theory]
    [InlineData(24000, 6)]
    [InlineData(48000, 3)]
    [InlineData(44100, 4)]
    [InlineData(16000, 8)]
    [InlineData(8000, 11)]
    public void Sample_rates_map_to_their_sampling_frequency_index(int sampleRate, int expected)
    {
        Assert.True(AdtsHeader.TryGetFrequencyIndex(sampleRate, out int index));
        Assert.Equal(expected, index);
    }
}
