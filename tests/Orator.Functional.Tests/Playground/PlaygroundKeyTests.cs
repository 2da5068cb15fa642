using System.Net;
using System.Net.Http.Json;
using Orator.Functional.Tests.Infrastructure;

namespace Orator.Functional.Tests.Playground;

/// <summary>The playground against a server that requires a bearer key.</summary>
[Collection(KeyedServerCollection.Name)]
public sealed class PlaygroundKeyTests(KeyedServerFixture server)
{
    [Fact]
    public async Task A_missing_or_wrong_key_shows_the_apis_message_and_the_right_key_plays()
    {
        var page = await PlaygroundDriver.RunCaseAsync(server.BaseAddress, "badkey", KeyedServerFixture.Key);

        Assert.True(page.GetProperty("listsWithoutKey").GetBoolean(), "the public lists did not load without a key");
        Assert.StartsWith("You didn't provide an API key.", page.GetProperty("withoutKey").GetString());
        Assert.StartsWith("Could not load models and voices: Incorrect API key provided.", page.GetProperty("listsWithBadKey").GetString());
        Assert.Equal("Incorrect API key provided. Check the key and send it as 'Authorization: Bearer YOUR_KEY'.", page.GetProperty("playWithBadKey").GetString());
        Assert.True(page.GetProperty("goodKeyDuration").GetDouble() > 0.5);
        Assert.True(page.GetProperty("errorHiddenAfterGoodKey").GetBoolean());
        // Kept for this tab only unless the user asks to remember it.
        Assert.Equal(KeyedServerFixture.Key, page.GetProperty("storage").GetProperty("session").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, page.GetProperty("storage").GetProperty("local").ValueKind);
    }

    [Fact]
    public async Task The_page_and_the_lists_need_no_key_while_speech_still_does()
    {
        using var client = new HttpClient { BaseAddress = server.BaseAddress };
        using var page = await client.GetAsync(new Uri("/", UriKind.Relative));
        using var script = await client.GetAsync(new Uri("/playground/playground.js", UriKind.Relative));
        using var models = await client.GetAsync(new Uri("/v1/models", UriKind.Relative));
        using var speech = await client.PostAsJsonAsync(new Uri("/v1/audio/speech", UriKind.Relative), new { model = "tts-1", input = "Hi.", voice = "alloy" });

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
        Assert.Equal(HttpStatusCode.OK, models.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, speech.StatusCode);
    }
}
