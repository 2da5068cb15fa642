using System.Net.Http.Json;
using Orator.Functional.Tests.Infrastructure;

namespace Orator.Functional.Tests.Speech;

/// <summary><c>stream: false</c> and <c>sample_rate</c> through the render cache.</summary>
[Collection(CachedServerCollection.Name)]
public sealed class RenderCacheExtensionFieldTests(CachedServerFixture server)
{
    [Fact]
    public async Task A_cache_hit_answered_whole_has_the_content_length_and_the_streamed_bytes()
    {
        using var client = server.CreateClient();
        var body = new { model = "tts-1", input = "Cached and then sent whole, with a length.", voice = "verse", response_format = "wav" };
        var streamed = await client.SpeakAsync(body);

        using var response = await client.PostAsJsonAsync("v1/audio/speech", new { body.model, body.input, body.voice, body.response_format, stream = false });

        var whole = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal("hit", response.Headers.GetValues("x-orator-cache").Single());
        Assert.Equal(whole.Length, response.Content.Headers.ContentLength);
        Assert.Equal(streamed, whole);
    }

    [Fact]
    public async Task Another_sample_rate_is_another_cache_entry()
    {
        using var client = server.CreateClient();
        const string Input = "One text at two rates.";
        await client.SpeakAsync(new { model = "tts-1", input = Input, voice = "verse", response_format = "pcm" });

        using var response = await client.PostAsJsonAsync("v1/audio/speech", new { model = "tts-1", input = Input, voice = "verse", response_format = "pcm", sample_rate = 8000 });

        await response.Content.ReadAsByteArrayAsync();
        Assert.Equal("miss", response.Headers.GetValues("x-orator-cache").Single());
    }
}
