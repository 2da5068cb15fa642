using Orator.Core.Audio;
using Orator.Core.Engines;
using Orator.Engines.Workers;

namespace Orator.Engines.Tests.Workers;

public sealed class WorkerFrameTests
{
    [Fact]
    public void A_plain_synthesize_command_has_no_flags_byte_and_one_asking_for_words_has_one()
    {
        var plain = new SynthesizeCommand(7, "flite", "slt", "Hi.", Prosody.Neutral);
        var words = plain with { Words = true };

        Assert.Equal(plain.Encode().Length + 1, words.Encode().Length);
        Assert.False(SynthesizeCommand.Decode(plain.Encode()).Words);
        Assert.Equal(words, SynthesizeCommand.Decode(words.Encode()));
    }

    [Fact]
    public void A_word_frame_round_trips_with_the_segment_the_reader_gives_it()
    {
        Span<byte> payload = stackalloc byte[WordFrame.Size];
        WordFrame.Write(payload, 42, new WordTiming(0, 3, 5, 1000, 1_000_000_000_000L, true));

        Assert.Equal(new WordTiming(2, 3, 5, 1000, 1_000_000_000_000L, true), WordFrame.Read(payload, 2));
    }
}
