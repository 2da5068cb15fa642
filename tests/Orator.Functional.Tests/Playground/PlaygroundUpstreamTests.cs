namespace Orator.Functional.Tests.Playground;

/// <summary>The playground with a model only an upstream API serves, which gives no word timings.</summary>
public sealed class PlaygroundUpstreamTests(UpstreamOnlyServerFixture server) : IClassFixture<UpstreamOnlyServerFixture>
{
    [Fact]
    public async Task A_model_without_word_timings_still_plays_without_highlighting_and_the_page_says_why()
    {
        var page = await PlaygroundDriver.RunCaseAsync(server.BaseAddress, "fallback", UpstreamOnlyServerFixture.Model, "alloy", "wav");

        // First the request with timestamps (refused by Orator itself), then the plain one.
        var calls = page.GetProperty("calls").EnumerateArray().ToArray();
        Assert.Equal(2, calls.Length);
        Assert.Equal(400, calls[0].GetProperty("status").GetInt32());
        Assert.True(calls[0].GetProperty("body").GetProperty("timestamps").GetBoolean());
        Assert.Equal(200, calls[1].GetProperty("status").GetInt32());
        Assert.False(calls[1].GetProperty("body").TryGetProperty("timestamps", out _));
        Assert.False(calls[1].GetProperty("body").TryGetProperty("stream_format", out _));
        var speech = Assert.Single(server.Upstream.Calls, c => c.Path == "/v1/audio/speech");
        Assert.False(speech.Json!.Value.TryGetProperty("timestamps", out _));

        Assert.StartsWith("No word highlighting for this model: Model 'premium' is served by an upstream API", page.GetProperty("note").GetString(), StringComparison.Ordinal);
        Assert.True(page.GetProperty("errorHidden").GetBoolean());
        Assert.True(page.GetProperty("wordsHidden").GetBoolean());
        Assert.True(page.GetProperty("highlightChecked").GetBoolean());
        Assert.InRange(page.GetProperty("duration").GetDouble(), UpstreamOnlyServerFixture.ToneSeconds - 0.05, UpstreamOnlyServerFixture.ToneSeconds + 0.05);
        Assert.True(page.GetProperty("currentTime").GetDouble() > 0.1, "the element played");
        Assert.Equal("after download (blob)", page.GetProperty("mode").GetString());
    }
}
