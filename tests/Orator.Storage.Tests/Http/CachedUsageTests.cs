using System.Net;
using Orator.Storage.Keys;
using Orator.Storage.Tests.Infrastructure;

namespace Orator.Storage.Tests.Http;

/// <summary>
/// A request answered from the render cache is still a request: its characters count against
/// the key's limits and its usage is recorded, flagged as a cache hit.
/// </summary>
public sealed class CachedUsageTests : IAsyncLifetime
{
    private StorageOptions _options = null!;
    private TestServer _server = null!;
    private OratorStorage _storage = null!;

    public async Task InitializeAsync()
    {
        _options = await DatabaseTarget.Sqlite.NewDatabaseAsync();
        _server = await TestServer.StartAsync(_options, ["--Orator:Cache:MemoryMB=8"]);
        _storage = await OratorStorage.OpenAsync(_options);
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        await _storage.DisposeAsync();
    }

    [Fact]
    public async Task Hits_spend_characters_and_are_recorded_with_the_hit_flag()
    {
        await Calls.AwayFromMinuteEndAsync();
        var key = await _storage.Keys.CreateAsync(new NewKey("cached", Limits: new KeyLimits(CharactersPerMinute: 30)), CancellationToken.None);
        using var user = _server.Client(key.Secret);
        const string input = "Twelve chars"; // 12 code points: two fit in 30, the third does not

        using var first = await user.SpeakAsync(input, format: "mp3");
        using var second = await user.SpeakAsync(input, format: "mp3");
        using var third = await user.SpeakAsync(input, format: "mp3");

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal("miss", Calls.Header(first, "x-orator-cache"));
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal("hit", Calls.Header(second, "x-orator-cache"));
        Assert.Equal((int)HttpStatusCode.TooManyRequests, (int)third.StatusCode);

        var deadline = DateTime.UtcNow.AddSeconds(15);
        Usage.UsageSummary? row = null;
        while (DateTime.UtcNow < deadline)
        {
            var rows = await _storage.Usage.SummarizeAsync(new Usage.UsageQuery(Usage.UsageGrouping.Key, key.Record.Id), CancellationToken.None);
            row = rows.SingleOrDefault();
            if (row is { Requests: >= 3 })
            {
                break;
            }

            await Task.Delay(100);
        }

        Assert.NotNull(row);
        Assert.Equal(3, row.Requests);
        Assert.Equal(1, row.CacheHits);
        Assert.Equal(24, row.Characters);
    }
}
