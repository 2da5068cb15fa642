using System.Net;
using System.Net.Http.Json;
using Orator.Functional.Tests.Infrastructure;
using Orator.Functional.Tests.Speech;

namespace Orator.Functional.Tests.Captions;

/// <summary>
/// On a server with a render cache: the cache keeps audio, not words, so a word-timed render is
/// made afresh (and still gives the cached audio's bytes), while a captioned speech request without
/// words may be replayed from the cache in its own JSON shape. The fixture's neural model shows the
/// estimated timings of Kokoro.
/// </summary>
[Collection(CachedServerCollection.Name)]
public sealed class WordTimedCacheTests(CachedServerFixture server)
{
    private static string Unique(string text) => $"{text} Reference {Guid.NewGuid().ToString("N")[..6]}.";

    [Fact]
    public async Task A_word_timed_request_skips_the_cache_and_gives_the_cached_audio_with_its_words()
    {
        using var client = server.CreateClient();
        var input = Unique("Cached audio, fresh words.");
        var body = new { model = "tts-1", input, voice = "alloy", response_format = "mp3", stream_format = "sse" };

        using var first = await client.PostSpeechAsync(body);
        var cached = TimedSse.Parse(await first.Content.ReadAsByteArrayAsync());
        using var second = await client.PostSpeechAsync(body);
        var replayed = TimedSse.Parse(await second.Content.ReadAsByteArrayAsync());
        using var timed = await client.PostSpeechAsync(new { model = "tts-1", input, voice = "alloy", response_format = "mp3", stream_format = "sse", timestamps = true });
        var words = TimedSse.Parse(await timed.Content.ReadAsByteArrayAsync());

        Assert.Equal("hit", Assert.Single(second.Headers.GetValues("x-orator-cache")));
        Assert.False(timed.Headers.Contains("x-orator-cache"), "a word-timed render went through the cache");
        Assert.Equal(cached.Audio, replayed.Audio);
        Assert.Equal(cached.Audio, words.Audio);
        Assert.Equal(["Cached", "audio", "fresh", "words", "Reference"], words.Words.Take(5).Select(w => w.Word));
    }

    [Fact]
    public async Task Captioned_speech_without_timestamps_replayed_from_the_cache_keeps_its_json_lines()
    {
        using var client = server.CreateClient();
        var input = Unique("Replayed as JSON lines.");
        var body = new { model = "tts-1", input, voice = "alloy", return_timestamps = false };

        using var first = await client.PostAsJsonAsync("dev/captioned_speech", body);
        var rendered = await first.Content.ReadAsStringAsync();
        using var second = await client.PostAsJsonAsync("dev/captioned_speech", body);
        var replayed = await second.Content.ReadAsStringAsync();

        Assert.True(second.StatusCode == HttpStatusCode.OK, replayed);
        Assert.Equal("hit", Assert.Single(second.Headers.GetValues("x-orator-cache")));
        Assert.Equal("application/json", second.Content.Headers.ContentType?.MediaType);
        var lines = replayed.TrimEnd('\n').Split('\n').Select(CaptionedChunk.Parse).ToList();
        Assert.All(lines, l => Assert.Null(l.Timestamps));
        Assert.All(lines, l => Assert.Equal("audio/mpeg", l.AudioFormat));
        var audio = lines.SelectMany(l => l.Audio).ToArray();
        Assert.Equal(rendered.TrimEnd('\n').Split('\n').Select(CaptionedChunk.Parse).SelectMany(l => l.Audio), audio);
        Assert.Equal(await client.SpeakAsync(new { model = "tts-1", input, voice = "alloy" }), audio);
    }

    [Fact]
    public async Task Kokoro_s_estimated_timings_are_marked_approximate_and_still_point_into_the_input()
    {
        using var client = server.CreateClient();
        const string input = "Kokoro estimates, word by word. It costs $3.50.";

        var sse = TimedSse.Parse(await client.SpeakAsync(new { model = "kokoro", input, voice = "af_heart", response_format = "pcm", stream_format = "sse", timestamps = true }));

        var total = sse.Audio.Length / 2 / 24000.0;
        Assert.Equal(["Kokoro", "estimates", "word", "by", "word", "It", "costs", "$3.50"], sse.Words.Select(w => w.Word));
        Assert.All(sse.Words, w => Assert.True(w.Approximate, $"'{w.Word}' is not marked approximate"));
        Assert.All(sse.Words, w => Assert.Equal(w.Word, input.Substring(w.Offset, w.Length)));
        Assert.All(sse.Words, w => Assert.InRange(w.End, w.Start, total + 0.0005));
        foreach (var words in sse.WordsEvents)
        {
            Assert.All(words.Words!, w => Assert.True(w.Start >= (words.AudioBefore / 2 / 24000.0) - 0.0005, $"'{w.Word}' starts in audio already sent"));
        }

        // Captions JSON carries the mark too.
        using var captions = await client.PostAsJsonAsync("v1/audio/captions", new { model = "kokoro", input, voice = "af_heart" });
        var (captionWords, cues) = CaptionFile.ParseJson(await captions.Content.ReadAsStringAsync());
        Assert.All(captionWords, w => Assert.True(w.Approximate));
        CueRules.AssertFollowed(input, captionWords, cues);
    }
}
