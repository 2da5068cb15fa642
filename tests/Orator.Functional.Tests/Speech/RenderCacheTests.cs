using System.Net.Http.Json;
using Orator.Functional.Tests.Infrastructure;
using Orator.Functional.Tests.Observability;
using Orator.Testing.NeuralFixtures;

namespace Orator.Functional.Tests.Speech;

/// <summary>A server with a small render cache in memory and on disk, and a fixture model store to reload.</summary>
public sealed class CachedServerFixture : ServerFixture
{
    public const int MemoryMB = 2;
    public const int DiskMB = 3;

    internal FixtureStore Store { get; } = new FixtureStore().WithKokoro(samplesPerToken: 240);

    public string CacheFolder { get; } = Path.Combine(Path.GetTempPath(), "orator-cache-" + Guid.NewGuid().ToString("N"));

    protected override IEnumerable<string> Arguments =>
    [
        "--Orator:Workers=2", $"--Orator:ModelsPath={Store.Root}",
        $"--Orator:Cache:MemoryMB={MemoryMB}", $"--Orator:Cache:Directory={CacheFolder}", $"--Orator:Cache:DiskMB={DiskMB}",
    ];

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        Store.Dispose();
        if (Directory.Exists(CacheFolder))
        {
            Directory.Delete(CacheFolder, recursive: true);
        }
    }
}

[CollectionDefinition(Name)]
public sealed class CachedServerCollection : ICollectionFixture<CachedServerFixture>
{
    public const string Name = "cached server";
}

[Collection(CachedServerCollection.Name)]
public sealed class RenderCacheTests(CachedServerFixture server)
{
    private static string Unique(string text) => $"{text} Reference {Guid.NewGuid().ToString("N")[..6]}.";

    private static async Task<(byte[] Body, string? Cache, string? ContentType)> SpeakAsync(HttpClient client, object body)
    {
        using var response = await client.PostSpeechAsync(body);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {System.Text.Encoding.UTF8.GetString(bytes)}");
        var cache = response.Headers.TryGetValues("x-orator-cache", out var values) ? values.Single() : null;
        return (bytes, cache, response.Content.Headers.ContentType?.ToString());
    }

    private static async Task<PrometheusText> ScrapeAsync(HttpClient client) =>
        PrometheusText.Parse(await client.GetStringAsync("metrics"));

    [Theory]
    [InlineData("mp3", false)]
    [InlineData("opus", false)]
    [InlineData("wav", false)]
    [InlineData("pcm", false)]
    [InlineData("flac", false)]
    [InlineData("aac", false)]
    [InlineData("mp3", true)]
    [InlineData("pcm", true)]
    public async Task A_hit_gives_the_bytes_headers_and_framing_of_the_render_it_stored(string format, bool sse)
    {
        using var client = server.CreateClient();
        var input = Unique("The shop opens at nine. It closes at five.");
        object body = sse
            ? new { model = "tts-1", voice = "alloy", input, response_format = format, stream_format = "sse" }
            : new { model = "tts-1", voice = "alloy", input, response_format = format };

        var first = await SpeakAsync(client, body);
        var second = await SpeakAsync(client, body);

        Assert.Equal("miss", first.Cache);
        Assert.Equal("hit", second.Cache);
        Assert.Equal(first.ContentType, second.ContentType);
        Assert.Equal(first.Body.Length, second.Body.Length);
        Assert.True(first.Body.AsSpan().SequenceEqual(second.Body), "the hit's body differs from the render's");
        if (sse)
        {
            var events = SseStream.Parse(second.Body);
            Assert.True(events.DoneMarker);
            Assert.Equal(SseStream.Parse(first.Body).Deltas, events.Deltas);
        }
    }

    [Fact]
    public async Task A_neural_render_is_cached_too_and_equivalent_requests_share_it()
    {
        using var client = server.CreateClient();
        var input = Unique("Kokoro speaks this line.");
        var first = await SpeakAsync(client, new { model = "kokoro", voice = "af_heart", input, response_format = "wav" });
        // The default speed spelled out: the same sound, so the same entry.
        var second = await SpeakAsync(client, new { model = "kokoro", voice = "af_heart", input, response_format = "wav", speed = 1.0 });

        Assert.Equal("miss", first.Cache);
        Assert.Equal("hit", second.Cache);
        Assert.Equal(first.Body, second.Body);
    }

    [Fact]
    public async Task Fifty_identical_requests_at_once_render_once_and_all_get_the_same_bytes()
    {
        using var client = server.CreateClient();
        var body = new { model = "tts-1", voice = "echo", input = Unique("Everybody asks for this phrase at the same moment."), response_format = "mp3" };
        var before = await ScrapeAsync(client);

        var answers = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => SpeakAsync(client, body)));

        var after = await ScrapeAsync(client);
        Assert.Single(answers, a => a.Cache == "miss");
        Assert.Equal(49, answers.Count(a => a.Cache == "hit"));
        Assert.All(answers, a => Assert.True(a.Body.AsSpan().SequenceEqual(answers[0].Body)));
        Assert.Equal(1, after.Sum("orator_cache_misses_total") - before.Sum("orator_cache_misses_total"));
        Assert.Equal(49, after.Sum("orator_cache_hits_total") - before.Sum("orator_cache_hits_total"));
    }

    [Fact]
    public async Task A_client_that_leaves_mid_stream_leaves_no_entry_behind()
    {
        using var client = server.CreateClient();
        var input = Unique(string.Join(' ', Enumerable.Range(1, 70).Select(i => $"Sentence {i} keeps the stream going a little longer.")));
        var body = new { model = "tts-1", voice = "alloy", input, response_format = "mp3" }; // small enough to store
        using (var cancel = new CancellationTokenSource())
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "v1/audio/speech") { Content = JsonContent.Create(body) };
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancel.Token);
            Assert.Equal("miss", response.Headers.GetValues("x-orator-cache").Single());
            await using var stream = await response.Content.ReadAsStreamAsync(cancel.Token);
            _ = await stream.ReadAsync(new byte[4096], cancel.Token);
            await cancel.CancelAsync();
        }

        await Task.Delay(300);
        var again = await SpeakAsync(client, body);
        Assert.Equal("miss", again.Cache);
        var third = await SpeakAsync(client, body);
        Assert.Equal("hit", third.Cache);
        Assert.Equal(again.Body, third.Body);
    }

    [Fact]
    public async Task Memory_and_disk_stay_within_their_budgets_and_evict_the_oldest()
    {
        using var client = server.CreateClient();
        var first = new { model = "tts-1", voice = "alloy", input = Unique("The first of many long renders, said slowly so that it is large."), response_format = "wav", speed = 0.5 };
        Assert.Equal("miss", (await SpeakAsync(client, first)).Cache);

        // About 0.5 MB of WAV each: enough to overflow both budgets several times.
        for (var i = 0; i < 14; i++)
        {
            await SpeakAsync(client, new { model = "tts-1", voice = "alloy", input = Unique($"Filler render number {i}, said slowly so that it is large."), response_format = "wav", speed = 0.5 });
        }

        await Task.Delay(500); // disk writes happen off the response path
        var metrics = await ScrapeAsync(client);
        Assert.InRange(metrics.Sum("orator_cache_bytes", ("tier", "memory")), 1, CachedServerFixture.MemoryMB * 1024 * 1024);
        var onDisk = new DirectoryInfo(server.CacheFolder).EnumerateFiles("*.render").Sum(f => f.Length);
        Assert.InRange(onDisk, 1, CachedServerFixture.DiskMB * 1024 * 1024);
        Assert.True(metrics.Sum("orator_cache_evictions_total") > 0, "nothing was evicted");
        Assert.Equal("miss", (await SpeakAsync(client, first)).Cache);
    }

    [Fact]
    public async Task Reloading_changed_models_empties_the_cache()
    {
        using var client = server.CreateClient();
        var body = new { model = "tts-1", voice = "alloy", input = Unique("Said before the models changed."), response_format = "mp3" };
        await SpeakAsync(client, body);
        Assert.Equal("hit", (await SpeakAsync(client, body)).Cache);

        server.Store.WithPiper("en_US-cache-reload-low", multiSpeaker: false);
        server.Server.Engines.ReloadModels();

        Assert.Empty(new DirectoryInfo(server.CacheFolder).EnumerateFiles("*.render"));
        Assert.Equal("miss", (await SpeakAsync(client, body)).Cache);
    }
}
