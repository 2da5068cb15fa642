using System.Text;
using Orator.Functional.Tests.Infrastructure;

namespace Orator.Functional.Tests.Captions;

/// <summary>
/// <c>POST /v1/audio/speech</c> with <c>stream_format: "sse"</c> and <c>timestamps: true</c>: each
/// words event comes before the audio that holds its words' starts, the times are on the timeline
/// the client hears, the entries point into the input, and the audio is the audio it would be without them.
/// </summary>
[Collection(OpenServerCollection.Name)]
public sealed class SseWordsTests(OpenServerFixture server)
{
    private const string Text = "It costs $3.50 today. The second sentence follows it, slowly. A third one ends the text.";

    // The written words of Text, as the entries must give them: punctuation around a word dropped, "$3.50" whole.
    private static readonly string[] TextWords = ["It", "costs", "$3.50", "today", "The", "second", "sentence", "follows", "it", "slowly", "A", "third", "one", "ends", "the", "text"];

    // Times are sent rounded to the millisecond; at 24 kHz that is up to 12 samples either way.
    private const double Rounding = 0.0005;

    [Theory]
    [InlineData("tts-1", "alloy")]
    [InlineData("espeak", "en-us")]
    public async Task Each_words_event_comes_before_the_audio_that_holds_its_words_starts(string model, string voice)
    {
        var sse = await SpeakTimedAsync(new { model, input = Text, voice, response_format = "pcm", stream_format = "sse", timestamps = true });

        var total = sse.Audio.Length / 2 / 24000.0;
        Assert.True(sse.WordsEvents.Count >= 2, $"only {sse.WordsEvents.Count} words events");
        // Some words event follows audio already sent, so the order is really tested.
        Assert.Contains(sse.WordsEvents, e => e.AudioBefore > 0);
        foreach (var words in sse.WordsEvents)
        {
            Assert.NotEmpty(words.Words!);
            var delivered = words.AudioBefore / 2 / 24000.0;
            Assert.All(words.Words!, word => Assert.True(
                word.Start >= delivered - Rounding,
                $"'{word.Word}' starts at {word.Start} s, but {delivered:F4} s of audio was sent before its words event"));
        }

        var all = sse.Words;
        for (var i = 0; i < all.Count; i++)
        {
            var word = all[i];
            Assert.True(word.End >= word.Start, $"'{word.Word}' ends at {word.End} before it starts at {word.Start}");
            Assert.InRange(word.Start, 0, total + Rounding);
            Assert.InRange(word.End, 0, total + Rounding);
            Assert.False(word.Approximate, $"'{word.Word}' is marked approximate on an engine that times words exactly");
            if (i > 0)
            {
                Assert.True(word.Start >= all[i - 1].Start, $"'{word.Word}' starts at {word.Start}, before '{all[i - 1].Word}' at {all[i - 1].Start}");
            }
        }

        // The last word ends near the end of the audio, not seconds before it.
        Assert.InRange(all[^1].End, total - 1.0, total + Rounding);
    }

    [Theory]
    [InlineData("tts-1", "alloy")]
    [InlineData("espeak", "en-us")]
    public async Task Each_entry_is_a_written_word_of_the_input_and_a_reading_such_as_money_is_one_entry(string model, string voice)
    {
        var sse = await SpeakTimedAsync(new { model, input = Text, voice, response_format = "pcm", stream_format = "sse", timestamps = true });

        var words = sse.Words;
        Assert.Equal(TextWords, words.Select(w => w.Word));
        for (var i = 0; i < words.Count; i++)
        {
            var word = words[i];
            Assert.InRange(word.Offset, 0, Text.Length - 1);
            Assert.InRange(word.Length, 1, Text.Length - word.Offset);
            Assert.Equal(word.Word, Text.Substring(word.Offset, word.Length));
            if (i > 0)
            {
                Assert.True(word.Offset >= words[i - 1].Offset + words[i - 1].Length, $"'{word.Word}' overlaps '{words[i - 1].Word}' in the input");
            }
        }

        // "$3.50" is read as "three dollars and fifty cents": one entry spanning all five spoken words.
        var money = Assert.Single(words, w => w.Word == "$3.50");
        Assert.Equal(Text.IndexOf("$3.50", StringComparison.Ordinal), money.Offset);
        Assert.Equal(5, money.Length);
        var next = words[words.ToList().IndexOf(money) + 1];
        Assert.True(money.End - money.Start > 0.5, $"'$3.50' lasts only {money.End - money.Start:F3} s, too short for five spoken words");
        Assert.True(next.Start >= money.End - Rounding, $"'{next.Word}' starts at {next.Start}, inside '$3.50' ({money.Start}..{money.End})");
    }

    public static TheoryData<string, string, string> Renders() => new()
    {
        { "tts-1", "alloy", "wav" },
        { "tts-1", "alloy", "mp3" },
        { "tts-1", "ash", "opus" },
        { "espeak", "en-us", "mp3" },
        { "espeak", "en-us", "aac" },
    };

    [Theory]
    [MemberData(nameof(Renders))]
    public async Task The_audio_is_byte_identical_with_and_without_timestamps_and_to_the_plain_response(string model, string voice, string format)
    {
        using var client = server.CreateClient();

        var timed = await SpeakTimedAsync(new { model, input = Text, voice, response_format = format, stream_format = "sse", timestamps = true });
        var sse = await client.SpeakAsync(new { model, input = Text, voice, response_format = format, stream_format = "sse" });
        var plain = await client.SpeakAsync(new { model, input = Text, voice, response_format = format });

        var untimed = TimedSse.Parse(sse);
        Assert.Empty(untimed.WordsEvents);
        Assert.NotEmpty(timed.Words);
        Assert.Equal(untimed.Audio, timed.Audio);
        if (format == "opus")
        {
            // The Ogg serial number is drawn from the render key, which holds the framing (SSE or not), so
            // only the page headers differ from the plain response: the packets decode to the same samples.
            Assert.Equal(await AudioProbe.DecodeAsync(plain, 24000), await AudioProbe.DecodeAsync(timed.Audio, 24000));
        }
        else
        {
            Assert.Equal(plain, timed.Audio);
        }
    }

    [Theory]
    [InlineData("mp3", 1105)]
    [InlineData("aac", 1024)]
    [InlineData("opus", 0)]
    [InlineData("flac", 0)]
    public async Task A_codec_s_priming_delay_moves_every_word_by_exactly_that_delay(string format, int delaySamples)
    {
        var wav = await SpeakTimedAsync(new { model = "tts-1", input = Text, voice = "alloy", response_format = "wav", stream_format = "sse", timestamps = true });
        var coded = await SpeakTimedAsync(new { model = "tts-1", input = Text, voice = "alloy", response_format = format, stream_format = "sse", timestamps = true });

        var delay = delaySamples / 24000.0;
        Assert.Equal(wav.Words.Select(w => (w.Word, w.Offset, w.Length)), coded.Words.Select(w => (w.Word, w.Offset, w.Length)));
        foreach (var (plain, shifted) in wav.Words.Zip(coded.Words))
        {
            // Each side is rounded to the millisecond, so the difference is within a millisecond of the delay.
            Assert.True(Math.Abs(shifted.Start - plain.Start - delay) <= 0.001 + 1e-9, $"'{plain.Word}' starts at {plain.Start} in wav and {shifted.Start} in {format}");
            Assert.True(Math.Abs(shifted.End - plain.End - delay) <= 0.001 + 1e-9, $"'{plain.Word}' ends at {plain.End} in wav and {shifted.End} in {format}");
        }
    }

    [Theory]
    [InlineData(16000)]
    [InlineData(48000)]
    public async Task Another_sample_rate_keeps_the_times_and_the_order_against_its_own_samples(int rate)
    {
        var native = await SpeakTimedAsync(new { model = "tts-1", input = Text, voice = "alloy", response_format = "pcm", stream_format = "sse", timestamps = true });
        var resampled = await SpeakTimedAsync(new { model = "tts-1", input = Text, voice = "alloy", response_format = "pcm", stream_format = "sse", timestamps = true, sample_rate = rate });

        // Resampling does not move time.
        Assert.Equal(native.Words, resampled.Words);
        foreach (var words in resampled.WordsEvents)
        {
            var delivered = words.AudioBefore / 2 / (double)rate;
            Assert.All(words.Words!, w => Assert.True(w.Start >= delivered - Rounding, $"'{w.Word}' starts at {w.Start} s, in the {delivered:F4} s already sent"));
        }

        Assert.InRange(resampled.Words[^1].End, 0, (resampled.Audio.Length / 2 / (double)rate) + Rounding);
    }

    [Theory]
    [InlineData("tts-1", "alloy", 0.5)]
    [InlineData("espeak", "en-us", 0.5)]
    [InlineData("espeak", "en-us", 0.3)]
    public async Task Speed_puts_the_words_on_the_stretched_timeline(string model, string voice, double speed)
    {
        var normal = await SpeakTimedAsync(new { model, input = Text, voice, response_format = "pcm", stream_format = "sse", timestamps = true });
        var slow = await SpeakTimedAsync(new { model, input = Text, voice, response_format = "pcm", stream_format = "sse", timestamps = true, speed });

        var slowTotal = slow.Audio.Length / 2 / 24000.0;
        Assert.Equal(normal.Words.Select(w => w.Word), slow.Words.Select(w => w.Word));
        Assert.True(slowTotal > 1.6 * (normal.Audio.Length / 2 / 24000.0));
        // The last word ends near the end of the slowed audio, as it does at normal speed.
        Assert.InRange(slow.Words[^1].End, slowTotal - 2.0, slowTotal + Rounding);
        Assert.True(slow.Words[^1].Start > 1.6 * normal.Words[^1].Start, $"last word at {slow.Words[^1].Start} s slowed, {normal.Words[^1].Start} s at speed 1");
    }

    [Fact]
    public async Task A_non_ascii_input_keeps_utf16_offsets_into_what_was_written()
    {
        // The middle sentence has no word to time.
        const string input = "Café au lait, naïve «quotes» and 😀 too. 😀 … 😀. The end.";

        var sse = await SpeakTimedAsync(new { model = "tts-1", input, voice = "alloy", response_format = "pcm", stream_format = "sse", timestamps = true });

        Assert.NotEmpty(sse.Words);
        Assert.All(sse.WordsEvents, e => Assert.NotEmpty(e.Words!));
        Assert.All(sse.Words, word => Assert.Equal(word.Word, input.Substring(word.Offset, word.Length)));
        Assert.Contains(sse.Words, w => w.Word == "quotes");
        Assert.Contains(sse.Words, w => w.Word == "naïve");
    }

    private async Task<TimedSse> SpeakTimedAsync(object body)
    {
        using var client = server.CreateClient();
        using var response = await client.PostSpeechAsync(body);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {Encoding.UTF8.GetString(bytes)}");
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        return TimedSse.Parse(bytes);
    }
}
